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

  /// The entries in an open-addressing table (key 0 marks an empty slot), built by `seal()`:
  /// lookups without `Hasher`, which dominates a `Dictionary` lookup for 64-bit keys.
  private var keys: [UInt64] = []
  private var values: [UInt16] = []
  private var sealed = false

  /// Builds the lookup table; call after the last insertion.
  mutating func seal() {
    var capacity = 16
    while capacity < entries.count * 2 { capacity <<= 1 }
    keys = [UInt64](repeating: 0, count: capacity)
    values = [UInt16](repeating: 0, count: capacity)
    let mask = capacity - 1
    for (key, value) in entries {
      let stored = key == 0 ? 1 : key
      var slot = Int(truncatingIfNeeded: stored) & mask
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = stored
      values[slot] = value
    }
    sealed = true
  }

  @inline(__always)
  private func lookup(_ key: UInt64) -> UInt16? {
    let stored = key == 0 ? 1 : key
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: stored) & mask
    while true {
      let found = keys[slot]
      if found == stored { return values[slot] }
      if found == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }

  var wordCount: Int { entries.values.reduce(0) { $0 + ($1 >> 1 != 0 ? 1 : 0) } }

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
