/// Multi-syllable words as hashes of their lowercase syllables, with their prefixes, so that
/// the longest match at a position costs one hash lookup per syllable.
///
/// While training, each word also remembers which folds of the training data it came from, so
/// that a sentence sees only the words of the other folds (its own words would make the
/// dictionary look more reliable than it is on new text).
struct WordDictionary {
  static let maximumLength = 5
  static let seed: UInt64 = 0x776f_7264_7321_2121

  /// Bit 0: a prefix of a longer word; bits 1…: the folds the word was seen in (bit 1 alone
  /// when folds are not tracked).
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
  /// A word with no fold (from a word list) is seen by every fold.
  mutating func insert<Hashes: Collection>(_ syllables: Hashes, fold: Int? = 0)
  where Hashes.Element == UInt64 {
    let bits: UInt16 = fold.map { UInt16(1) << (1 + $0) } ?? Self.listed
    guard syllables.count >= 2, syllables.count <= Self.maximumLength else { return }
    var hash = mixHash(Self.seed, syllables.first!)
    for (position, syllable) in syllables.dropFirst().enumerated() {
      hash = mixHash(hash, syllable)
      if position == syllables.count - 2 {
        entries[hash, default: 0] |= bits
      } else {
        entries[hash, default: 0] |= 1
      }
    }
  }

  /// Adds a word hash and its flags as stored in a model file.
  mutating func insertRaw(hash: UInt64, flags: UInt16) { entries[hash] = flags }

  /// Bit 15: the word is in the word list (seen by every fold).
  static let listed: UInt16 = 0x8000

  /// For each token, the lengths of dictionary words starting there (bit `length - 2`), and
  /// the same for the words of the word list alone.
  ///
  /// `excludedFold` hides the corpus words seen only in that fold.
  func startMasks(
    _ sequence: SyllableSequence, excludedFold: Int? = nil, into masks: inout [UInt8],
    listed listedMasks: inout [UInt8]
  ) {
    masks.removeAll(keepingCapacity: true)
    masks.append(contentsOf: repeatElement(0, count: sequence.count))
    listedMasks.removeAll(keepingCapacity: true)
    listedMasks.append(contentsOf: repeatElement(0, count: sequence.count))
    guard !entries.isEmpty else { return }
    precondition(sealed, "WordDictionary.seal() must be called before lookups")
    let foldMask: UInt16 = excludedFold.map { ~(UInt16(1) << (1 + $0)) & ~1 } ?? ~1
    for start in 0..<sequence.count where sequence.syllable[start] {
      var hash = mixHash(Self.seed, sequence.hashes[start])
      var end = start + 1
      while end < sequence.count, end - start < Self.maximumLength, sequence.syllable[end] {
        hash = mixHash(hash, sequence.hashes[end])
        guard let flags = lookup(hash) else { break }
        if flags & foldMask != 0 { masks[start] |= UInt8(1) << (end - start - 1) }
        if flags & Self.listed != 0 { listedMasks[start] |= UInt8(1) << (end - start - 1) }
        if flags & 1 == 0 { break }
        end += 1
      }
    }
  }
}
