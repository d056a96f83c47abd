import CPrefetch

/// Multi-syllable words as hashes of their lowercase syllables, with their prefixes, so that
/// the longest match at a position costs one hash lookup per syllable.
///
/// While training, each word also remembers which folds of the training data it came from, so
/// that a sentence sees only the words of the other folds (its own words would make the
/// dictionary look more reliable than it is on new text).
struct WordDictionary {
  static let maximumLength = 5
  static let seed: UInt64 = 0x776f_7264_7321_2121

  /// Bit 0: a prefix of a longer word; bits 1…10: the folds the word was seen in (bit 1 alone
  /// when folds are not tracked); bits 12…14: the tier of a listed word (1 for the most
  /// common words … 4); bit 15: listed.
  ///
  /// A dictionary read from a model file keeps the file's list instead (`init(sorted:)`):
  /// `entries` is then made from it only when asked (writing the model back, tests).
  var entries: [UInt64: UInt16] {
    stored.isEmpty
      ? inserted : Dictionary(uniqueKeysWithValues: stored.lazy.map { ($0.key, $0.value) })
  }
  private var inserted: [UInt64: UInt16] = [:] {
    didSet { sealed = false }
  }
  /// The entries of a dictionary read from a model file, in increasing key order.
  private var stored: [(key: UInt64, value: UInt16)] = []

  /// The entries in increasing key order, as a model file lists them.
  var sortedEntries: [(key: UInt64, value: UInt16)] {
    stored.isEmpty ? inserted.sorted { $0.key < $1.key } : stored
  }

  var isEmpty: Bool { inserted.isEmpty && stored.isEmpty }

  /// The entries in an open-addressing table built by `seal()`, one 32-bit slot each: the top
  /// 24 bits of the hash above 8 bits of compact flags (`Compact`; 0 marks an empty slot:
  /// flags are never 0). Lookups need no `Hasher`, and the table is small enough (512 KB for
  /// the shipped model) to stay in the core's cache. A 24-bit fingerprint over the slot index
  /// bits makes a false match about one lookup in five million; entries go in by key order, so
  /// that such matches are the same on every run. Training, which needs the folds, reads
  /// `entries` instead.
  private var slots: [UInt32] = []
  /// One bit for each value of the top 19 bits of a key, set when an entry has them: a key
  /// whose bit is clear has no entry with its fingerprint, so `lookup` would find nothing.
  /// Most syllable pairs of running text are no word: the 64 KB filter, which stays in the
  /// core's cache, answers them without probing the table.
  private var filter: [UInt64] = []
  private var sealed = false

  /// The closed classes of single syllables (classifiers, directional co-verbs…), kept with
  /// the words because the feature templates read both; empty in models trained without them.
  var classes = SyllableClasses()

  /// The flags a segmenter needs at run time, in one byte.
  enum Compact {
    static let prefix: UInt8 = 1
    static let word: UInt8 = 2
    static let listed: UInt8 = 4
    /// A word of the annotated corpus (of another fold while training).
    static let corpus: UInt8 = 8
    /// Bits 4…6: the tier.
    static let tierShift: UInt8 = 4
  }

  /// `flags` in compact form; a word seen only in `excludedFold` is no word.
  @inline(__always)
  static func compact(_ flags: UInt16, excludedFold: Int? = nil) -> UInt8 {
    let wordMask: UInt16 =
      excludedFold.map { (foldMask | listed) & ~(UInt16(1) << (1 + $0)) } ?? (foldMask | listed)
    var compact = UInt8(flags & 1)
    if flags & wordMask != 0 { compact |= Compact.word }
    if flags & listed != 0 { compact |= Compact.listed }
    if flags & wordMask & foldMask != 0 { compact |= Compact.corpus }
    return compact | UInt8(tier(flags)) << Compact.tierShift
  }

  init() {}

  /// A sealed dictionary of the entries of a model file, `sorted` by increasing key (as
  /// `sortedEntries` gives them), each key once: no hash map is built and nothing is sorted,
  /// so loading the model costs one pass over its words.
  init(sorted: [(key: UInt64, value: UInt16)]) {
    stored = sorted
    seal(sorted)
  }

  /// Builds the lookup table; call after the last insertion.
  mutating func seal() {
    seal(sortedEntries)
  }

  private mutating func seal(_ sorted: [(key: UInt64, value: UInt16)]) {
    var capacity = 16
    while capacity < sorted.count + sorted.count / 2 { capacity <<= 1 }
    slots = [UInt32](repeating: 0, count: capacity)
    filter = [UInt64](repeating: 0, count: 1 << (Self.filterBits - 6))
    let mask = capacity - 1
    slots.withUnsafeMutableBufferPointer { slots in
      filter.withUnsafeMutableBufferPointer { filter in
        for (key, value) in sorted {
          var slot = Int(truncatingIfNeeded: key) & mask
          while slots[slot] != 0 { slot = (slot + 1) & mask }
          slots[slot] = Self.fingerprint(key) | UInt32(Self.compact(value))
          filter[Self.filterWord(key)] |= Self.filterBit(key)
        }
      }
    }
    sealed = true
  }

  /// The filter covers the top `filterBits` bits of a key, which lie inside the fingerprint
  /// (bits 40…63), so that two keys with one fingerprint share a filter bit.
  private static let filterBits = 19

  @inline(__always)
  private static func filterWord(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: key >> (64 - filterBits + 6))
  }

  @inline(__always)
  private static func filterBit(_ key: UInt64) -> UInt64 { 1 << (key >> (64 - filterBits) & 63) }

  /// Whether the filter lets `key` through (else it has no entry).
  @inline(__always)
  private static func mayHold(_ key: UInt64, _ filter: UnsafeBufferPointer<UInt64>) -> Bool {
    filter[filterWord(key)] & filterBit(key) != 0
  }

  @inline(__always)
  private static func fingerprint(_ key: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: key >> 32) & 0xFFFF_FF00
  }

  /// The compact flags of `key`, or nil when it is no word or prefix.
  @inline(__always)
  private static func lookup(
    _ key: UInt64, in slots: UnsafeBufferPointer<UInt32>, filter: UnsafeBufferPointer<UInt64>
  ) -> UInt8? {
    guard mayHold(key, filter) else { return nil }
    let mask = slots.count - 1
    let fingerprint = Self.fingerprint(key)
    var slot = Int(truncatingIfNeeded: key) & mask
    while true {
      let found = slots[slot]
      if found == 0 { return nil }
      if found & 0xFFFF_FF00 == fingerprint { return UInt8(truncatingIfNeeded: found) }
      slot = (slot + 1) & mask
    }
  }

  /// Adds a word given by its syllable hashes.
  ///
  /// A word with no fold (from a word list) is seen by every fold; `tier` (1…4) says how
  /// common the listed word is (the smallest list that holds it).
  mutating func insert<Hashes: Collection>(_ syllables: Hashes, fold: Int? = 0, tier: Int = 4)
  where Hashes.Element == UInt64 {
    precondition(fold.map { $0 < Self.maximumFolds } ?? true, "at most 10 folds")
    precondition(stored.isEmpty, "a dictionary read from a model file takes no new words")
    let bits: UInt16 = fold.map { UInt16(1) << (1 + $0) } ?? Self.listed
    guard syllables.count >= 2, syllables.count <= Self.maximumLength else { return }
    var hash = mixHash(Self.seed, syllables.first!)
    for (position, syllable) in syllables.dropFirst().enumerated() {
      hash = mixHash(hash, syllable)
      if position == syllables.count - 2 {
        var flags = inserted[hash, default: 0] | bits
        if fold == nil {
          let old = Self.tier(flags)
          let new = UInt16(min(max(tier, 1), 7))
          flags = flags & ~Self.tierMask | (old == 0 ? new : min(old, new)) << 12
        }
        inserted[hash] = flags
      } else {
        inserted[hash, default: 0] |= 1
      }
    }
  }

  /// Bit 15: the word is in the word list (seen by every fold).
  static let listed: UInt16 = 0x8000
  static let tierMask: UInt16 = 0x7000
  static let foldMask: UInt16 = 0x07FE
  static let maximumFolds = 10

  @inline(__always)
  static func tier(_ flags: UInt16) -> UInt16 { (flags & tierMask) >> 12 }


  /// For each token, the lengths of dictionary words starting there (bit `length - 2`) and
  /// ending there (`ends`), and the same for the words of the word list alone.
  ///
  /// `tiers[i]` packs the best (smallest) tier of the listed words that join token `i` to the
  /// one before (bits 0…2), that start at `i` (bits 3…5) and that end at `i` (bits 6…8); 0 when
  /// there is none. Bits 9, 10 and 11 say whether a word of the annotated corpus joins `i` to
  /// the token before, starts at `i`, ends at `i`: a listed word that annotators never wrote
  /// as one word is less sure. `excludedFold` hides the corpus words seen only in that fold.
  func startMasks(
    _ sequence: SyllableSequence, excludedFold: Int? = nil, into masks: inout [UInt8],
    ends: inout [UInt8], listed listedMasks: inout [UInt8], listedEnds: inout [UInt8],
    tiers: inout [UInt16], keys: inout [UInt64]
  ) {
    let count = sequence.count
    WordFeatures.reset(&masks, count: count)
    WordFeatures.reset(&ends, count: count)
    WordFeatures.reset(&listedMasks, count: count)
    WordFeatures.reset(&listedEnds, count: count)
    WordFeatures.reset(&tiers, count: count)
    guard !isEmpty, count > 1 else { return }
    // Training's dictionaries, which have folds, are looked up in the map itself.
    let foldEntries = excludedFold == nil ? [:] : entries
    precondition(sealed, "WordDictionary.seal() must be called before lookups")
    WordFeatures.reset(&keys, count: count)
    slots.withUnsafeBufferPointer { slots in
    filter.withUnsafeBufferPointer { filter in
    sequence.hashes.withUnsafeBufferPointer { hashes in
    sequence.syllable.withUnsafeBufferPointer { syllable in
    keys.withUnsafeMutableBufferPointer { keys in
    masks.withUnsafeMutableBufferPointer { masks in
    ends.withUnsafeMutableBufferPointer { ends in
    listedMasks.withUnsafeMutableBufferPointer { listedMasks in
    listedEnds.withUnsafeMutableBufferPointer { listedEnds in
    tiers.withUnsafeMutableBufferPointer { tiers in
      // The two-syllable keys first; `prefetch`, a sentence ahead, asked for their slots.
      for start in 0..<(count - 1) where syllable[start] && syllable[start + 1] {
        keys[start] = mixHash(mixHash(Self.seed, hashes[start]), hashes[start + 1])
      }
      for start in 0..<count where keys[start] != 0 {
        var hash = keys[start]
        var end = start + 1
        while end < count, end - start < Self.maximumLength, syllable[end] {
          if end > start + 1 { hash = mixHash(hash, hashes[end]) }
          let flags: UInt8
          if let excludedFold {
            guard let found = foldEntries[hash] else { break }
            flags = Self.compact(found, excludedFold: excludedFold)
          } else {
            guard let found = Self.lookup(hash, in: slots, filter: filter) else { break }
            flags = found
          }
          if flags & Compact.word != 0 {
            masks[start] |= UInt8(1) << (end - start - 1)
            ends[end] |= UInt8(1) << (end - start - 1)
          }
          if flags & Compact.corpus != 0 {
            tiers[start] |= 1 << 10
            tiers[end] |= 1 << 11
            for inside in (start + 1)...end { tiers[inside] |= 1 << 9 }
          }
          if flags & Compact.listed != 0 {
            listedMasks[start] |= UInt8(1) << (end - start - 1)
            listedEnds[end] |= UInt8(1) << (end - start - 1)
            let tier = UInt16(flags >> Compact.tierShift)
            if tier != 0 {
              Self.lower(&tiers[start], tier, shift: 3)
              Self.lower(&tiers[end], tier, shift: 6)
              for inside in (start + 1)...end { Self.lower(&tiers[inside], tier, shift: 0) }
            }
          }
          if flags & Compact.prefix == 0 { break }
          end += 1
        }
      }
    }
    }
    }
    }
    }
    }
    }
    }
    }
    }
  }

  /// Asks the CPU for the filter words and table slots of the two-syllable keys of the tokens
  /// `range` of `text`, without waiting for them: done a sentence ahead of `startMasks`, the
  /// misses overlap with the sentence before (a key the filter stops never reads its slot, so
  /// its slot's line is fetched in vain: cheaper than waiting for the filter first).
  func prefetch(_ text: TokenSyllables, _ range: Range<Int>) {
    guard sealed, range.count > 1 else { return }
    slots.withUnsafeBufferPointer { slots in
      filter.withUnsafeBufferPointer { filter in
        text.facts.withUnsafeBufferPointer { facts in
          let mask = slots.count - 1
          for start in range.lowerBound..<(range.upperBound - 1)
          where facts[start].isSyllable && facts[start + 1].isSyllable {
            let key = mixHash(mixHash(Self.seed, facts[start].hash), facts[start + 1].hash)
            vnx_prefetch(filter.baseAddress! + Self.filterWord(key))
            vnx_prefetch(slots.baseAddress! + (Int(truncatingIfNeeded: key) & mask))
          }
        }
      }
    }
  }

  /// Keeps the smaller non-zero tier in the 3 bits of `packed` at `shift`.
  @inline(__always)
  private static func lower(_ packed: inout UInt16, _ tier: UInt16, shift: UInt16) {
    let old = (packed >> shift) & 7
    if old == 0 || tier < old { packed = packed & ~(7 << shift) | tier << shift }
  }
}
