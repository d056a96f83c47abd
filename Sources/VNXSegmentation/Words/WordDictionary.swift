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
  private(set) var entries: [UInt64: UInt16] = [:] {
    didSet { sealed = false }
  }

  /// The entries in an open-addressing table built by `seal()`, one 64-bit slot each: the
  /// high 48 bits of the hash above the 16 flag bits (0 marks an empty slot). Lookups need no
  /// `Hasher`, and the table is a quarter of a `Dictionary`'s size, so it mostly stays in cache.
  private var slots: [UInt64] = []
  private var sealed = false

  /// Builds the lookup table; call after the last insertion.
  mutating func seal() {
    var capacity = 16
    while capacity < entries.count + entries.count / 2 { capacity <<= 1 }
    slots = [UInt64](repeating: 0, count: capacity)
    let mask = capacity - 1
    for (key, value) in entries {
      var slot = Int(truncatingIfNeeded: key) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = key & ~0xFFFF | UInt64(value)
    }
    sealed = true
  }

  @inline(__always)
  private func lookup(_ key: UInt64) -> UInt16? {
    let mask = slots.count - 1
    let fingerprint = key & ~0xFFFF
    var slot = Int(truncatingIfNeeded: key) & mask
    while true {
      let found = slots[slot]
      if found == 0 { return nil }
      if found & ~0xFFFF == fingerprint { return UInt16(truncatingIfNeeded: found) }
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
    let bits: UInt16 = fold.map { UInt16(1) << (1 + $0) } ?? Self.listed
    guard syllables.count >= 2, syllables.count <= Self.maximumLength else { return }
    var hash = mixHash(Self.seed, syllables.first!)
    for (position, syllable) in syllables.dropFirst().enumerated() {
      hash = mixHash(hash, syllable)
      if position == syllables.count - 2 {
        var flags = entries[hash, default: 0] | bits
        if fold == nil {
          let old = Self.tier(flags)
          let new = UInt16(min(max(tier, 1), 7))
          flags = flags & ~Self.tierMask | (old == 0 ? new : min(old, new)) << 12
        }
        entries[hash] = flags
      } else {
        entries[hash, default: 0] |= 1
      }
    }
  }

  /// Adds a word hash and its flags as stored in a model file.
  mutating func insertRaw(hash: UInt64, flags: UInt16) { entries[hash] = flags }

  /// Bit 15: the word is in the word list (seen by every fold).
  static let listed: UInt16 = 0x8000
  static let tierMask: UInt16 = 0x7000
  static let foldMask: UInt16 = 0x07FE
  static let maximumFolds = 10

  @inline(__always)
  static func tier(_ flags: UInt16) -> UInt16 { (flags & tierMask) >> 12 }


  /// For each token, the lengths of dictionary words starting there (bit `length - 2`), and
  /// the same for the words of the word list alone.
  ///
  /// `tiers[i]` packs the best (smallest) tier of the listed words that join token `i` to the
  /// one before (bits 0…2), that start at `i` (bits 3…5) and that end at `i` (bits 6…8); 0 when
  /// there is none. `excludedFold` hides the corpus words seen only in that fold.
  func startMasks(
    _ sequence: SyllableSequence, excludedFold: Int? = nil, into masks: inout [UInt8],
    listed listedMasks: inout [UInt8], tiers: inout [UInt16]
  ) {
    masks.removeAll(keepingCapacity: true)
    masks.append(contentsOf: repeatElement(0, count: sequence.count))
    listedMasks.removeAll(keepingCapacity: true)
    listedMasks.append(contentsOf: repeatElement(0, count: sequence.count))
    tiers.removeAll(keepingCapacity: true)
    tiers.append(contentsOf: repeatElement(0, count: sequence.count))
    guard !entries.isEmpty else { return }
    precondition(sealed, "WordDictionary.seal() must be called before lookups")
    let wordMask: UInt16 =
      excludedFold.map { (Self.foldMask | Self.listed) & ~(UInt16(1) << (1 + $0)) }
      ?? (Self.foldMask | Self.listed)
    for start in 0..<sequence.count where sequence.syllable[start] {
      var hash = mixHash(Self.seed, sequence.hashes[start])
      var end = start + 1
      while end < sequence.count, end - start < Self.maximumLength, sequence.syllable[end] {
        hash = mixHash(hash, sequence.hashes[end])
        guard let flags = lookup(hash) else { break }
        if flags & wordMask != 0 { masks[start] |= UInt8(1) << (end - start - 1) }
        if flags & Self.listed != 0 {
          listedMasks[start] |= UInt8(1) << (end - start - 1)
          let tier = Self.tier(flags)
          if tier != 0 {
            Self.lower(&tiers[start], tier, shift: 3)
            Self.lower(&tiers[end], tier, shift: 6)
            for inside in (start + 1)...end { Self.lower(&tiers[inside], tier, shift: 0) }
          }
        }
        if flags & 1 == 0 { break }
        end += 1
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
