#if canImport(Glibc)
import Glibc
#endif

/// Large buffers the normalizer is about to fill, backed by 2 MB pages where the kernel
/// offers them (`madvise(MADV_HUGEPAGE)`; Linux with transparent huge pages in `madvise` or
/// `always` mode, else nothing happens).
///
/// Decomposed text makes the normalizer write every byte of its output and an offset anchor
/// per composed letter: 20 MB of NFD input fills some 40 MB, and with 4 KB pages each page
/// costs a fault (about 10,000 of them, a fifth of the CPU time). With 2 MB pages they are
/// some 20.
///
///     HugePages.advise(buffer, bytes: 24 << 20)   // before the first write
enum HugePages {
  /// Buffers smaller than this (4 MB) are left alone.
  static let minimum = 4 << 20
  private static let size = 2 << 20

  /// Advises the whole 2 MB pages inside `bytes` bytes at `start`, not touched yet.
  static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux)
    guard bytes >= minimum else { return }
    let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
    let end = (Int(bitPattern: start) + bytes) & ~(size - 1)
    guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(aligned, end - first, MADV_HUGEPAGE)
    #endif
  }
}
