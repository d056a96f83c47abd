#ifndef VNX_CPREFETCH_H
#define VNX_CPREFETCH_H
// Software prefetch, which Swift has no word for: the word segmenter asks for the dictionary
// slots and weight lines of a sentence before it reads them, so that their cache misses
// overlap with other work instead of stalling the reads one by one.

/// Asks the CPU to bring the cache line of `address` into its caches for reading. A hint: it
/// never faults, never waits, and changes no result.
static inline void vnx_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
