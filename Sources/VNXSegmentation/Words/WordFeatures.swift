/// The feature templates of the word segmenter: for each syllable, hashed indices into the
/// weight table, which decide whether the syllable starts a word (B) or continues one (I).
///
/// Templates: syllables in a window of five and their bigrams and trigrams, the shapes
/// (lowercase, Title, CAPITALS, number, punctuation…) around the syllable, and the
/// dictionary words that start or end around it.
struct WordFeatures {
  static let maximumCount = 40

  private(set) var sequence = SyllableSequence()
  private(set) var starts: [UInt8] = []
  private(set) var ends: [UInt8] = []
  private(set) var listedStarts: [UInt8] = []
  private(set) var listedEnds: [UInt8] = []
  /// Tags of greedy longest-match segmentation, left to right and right to left
  /// (bit 0: starts a word left to right; bit 1: right to left).
  private(set) var matching: [UInt8] = []

  init() {}

  init(_ sequence: SyllableSequence, dictionary: WordDictionary, excludedFold: Int? = nil) {
    load(sequence, dictionary: dictionary, excludedFold: excludedFold)
  }

  /// Computes the dictionary matches of a sentence, reusing the arrays already allocated.
  mutating func load(
    _ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int,
    dictionary: WordDictionary
  ) {
    sequence.load(tokens, scalars, offset: offset)
    matchDictionary(dictionary, excludedFold: nil)
  }

  mutating func load(_ sequence: SyllableSequence, dictionary: WordDictionary, excludedFold: Int?) {
    self.sequence = sequence
    matchDictionary(dictionary, excludedFold: excludedFold)
  }

  private mutating func matchDictionary(_ dictionary: WordDictionary, excludedFold: Int?) {
    dictionary.startMasks(
      sequence, excludedFold: excludedFold, into: &starts, listed: &listedStarts)
    Self.ends(starts, into: &ends)
    Self.ends(listedStarts, into: &listedEnds)
    let count = starts.count
    matching.removeAll(keepingCapacity: true)
    matching.append(contentsOf: repeatElement(3, count: count))
    var position = 0
    while position < count {
      let mask = starts[position]
      let length = mask == 0 ? 1 : 9 - mask.leadingZeroBitCount
      var inside = position + 1
      while inside < position + length {
        matching[inside] &= ~1
        inside += 1
      }
      position += length
    }
    position = count - 1
    while position >= 0 {
      let mask = ends[position]
      let length = mask == 0 ? 1 : 9 - mask.leadingZeroBitCount
      var inside = position
      while inside > position - length + 1 {
        matching[inside] &= ~2
        inside -= 1
      }
      position -= length
    }
  }

  /// For each token, the lengths of dictionary words ending there (bit `length - 2`).
  private static func ends(_ starts: [UInt8], into ends: inout [UInt8]) {
    ends.removeAll(keepingCapacity: true)
    ends.append(contentsOf: repeatElement(0, count: starts.count))
    for start in starts.indices where starts[start] != 0 {
      var mask = starts[start]
      var bit = 0
      while mask != 0 {
        if mask & 1 != 0 { ends[start + bit + 1] |= UInt8(1) << bit }
        mask >>= 1
        bit += 1
      }
    }
  }

  @inline(__always)
  private func start(_ index: Int) -> UInt64 {
    index >= 0 && index < starts.count ? UInt64(starts[index]) : 0
  }
  @inline(__always)
  private func end(_ index: Int) -> UInt64 {
    index >= 0 && index < ends.count ? UInt64(ends[index]) : 0
  }
  @inline(__always)
  private func listed(_ index: Int) -> UInt64 {
    index >= 0 && index < ends.count
      ? UInt64(listedStarts[index]) | UInt64(listedEnds[index]) << 8 : 0
  }
  @inline(__always)
  private func match(_ index: Int) -> UInt64 {
    index >= 0 && index < matching.count ? UInt64(matching[index]) : 0
  }

  /// The weight table is cut into lines of 32 weights (64 bytes at run time). The features of
  /// one syllable (its unigram templates and their conjunctions with the context), of one
  /// bigram and of one trigram share a line, so that scoring a syllable touches a few new cache
  /// lines instead of one per feature: the table no longer has to fit in the cache.
  static let lineBits = 5

  @inline(__always)
  private static func line(_ key: UInt64, _ shift: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> shift) << UInt32(lineBits)
  }

  /// A weight at position `slot` (0…31) of the line of `key`.
  @inline(__always)
  private static func index(_ key: UInt64, _ slot: UInt64, _ shift: UInt64) -> UInt32 {
    line(key, shift) | UInt32(truncatingIfNeeded: slot & 31)
  }

  /// A conjunction of `key` with a small context value, in slots 5…31 of the key's line.
  @inline(__always)
  private static func conjunction(_ key: UInt64, _ template: UInt64, _ context: UInt64, _ shift: UInt64)
    -> UInt32
  {
    let mixed = ((context ^ (template &* 0x9E37_79B9_7F4A_7C15)) &* 0xC2B2_AE3D_27D4_EB4F) >> 40
    return line(key, shift) | UInt32(truncatingIfNeeded: 5 + mixed % 27)
  }

  @inline(__always)
  private static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { a ^ (b &* 0xC2B2_AE3D_27D4_EB4F) }

  /// Writes the weight-table indices of the features of syllable `i` into `buffer` (a table
  /// of `2^bits` weights); returns how many.
  @inline(__always)
  func features(_ i: Int, bits: Int, into buffer: UnsafeMutablePointer<UInt32>) -> Int {
    let shift = UInt64(64 - bits + Self.lineBits)
    let s = sequence
    let h0 = s.hash(i)
    let hm1 = s.hash(i - 1)
    let bigram = s.bigram(i)
    let next = s.bigram(i + 1)
    let previous = s.bigram(i - 1)
    let shapes = s.shape(i - 2) << 24 | s.shape(i - 1) << 16 | s.shape(i) << 8 | s.shape(i + 1)
    let shapePair = shapes >> 8 & 0xFFFF
    let dictionary = end(i) | start(i) << 8 | start(i - 1) << 16 | end(i - 1) << 24
    let listedHere = listed(i)
    let matchHere = match(i)
    let trigramSalt: UInt64 = 0x7472_6967_7261_6d21
    var n = 0
    @inline(__always) func add(_ index: UInt32) {
      buffer[n] = index
      n += 1
    }
    // Syllables in a window of five: slot = position in the window.
    add(Self.index(h0, 0, shift))
    add(Self.index(hm1, 1, shift))
    add(Self.index(s.hash(i + 1), 2, shift))
    add(Self.index(s.hash(i - 2), 3, shift))
    add(Self.index(s.hash(i + 2), 4, shift))
    // Bigrams and trigrams around the syllable.
    add(Self.index(bigram, 0, shift))
    add(Self.index(next, 1, shift))
    add(Self.index(previous, 2, shift))
    add(Self.index(s.bigram(i + 2), 3, shift))
    add(Self.index(Self.pair(previous, h0) ^ trigramSalt, 0, shift))
    add(Self.index(Self.pair(bigram, s.hash(i + 1)) ^ trigramSalt, 1, shift))
    add(Self.index(Self.pair(next, s.hash(i + 2)) ^ trigramSalt, 2, shift))
    add(Self.index(Self.pair(hm1, s.hash(i + 1)) ^ trigramSalt, 3, shift))
    // Shapes and dictionary matches: few distinct values, each a line of its own.
    add(Self.index(Self.pair(14, shapePair), 14, shift))
    add(Self.index(Self.pair(15, shapes & 0xFF_FFFF), 15, shift))
    add(Self.index(Self.pair(16, shapes >> 8), 16, shift))
    add(Self.index(Self.pair(19, end(i)), 19, shift))
    add(Self.index(Self.pair(20, start(i)), 20, shift))
    add(Self.index(Self.pair(21, start(i - 1)), 21, shift))
    add(Self.index(Self.pair(22, end(i - 1)), 22, shift))
    add(Self.index(Self.pair(23, dictionary & 0xFFFF | shapePair << 32), 23, shift))
    add(Self.index(Self.pair(24, dictionary), 24, shift))
    add(Self.index(25, 25, shift))
    add(Self.index(Self.pair(28, listedHere), 28, shift))
    add(Self.index(Self.pair(29, listed(i - 1) << 16 | listedHere), 29, shift))
    add(Self.index(Self.pair(30, match(i - 1) << 8 | matchHere | match(i + 1) << 4), 30, shift))
    add(Self.index(Self.pair(31, matchHere | shapePair << 8), 31, shift))
    // The syllable and the one before it, with their context. Function words ("với", "như",
    // "ra") stay apart even where the word list joins them.
    add(Self.conjunction(h0, 17, shapePair, shift))
    add(Self.conjunction(hm1, 18, shapePair, shift))
    add(Self.conjunction(h0, 26, end(i) << 8 | start(i), shift))
    add(Self.conjunction(hm1, 27, start(i - 1) << 8 | end(i - 1), shift))
    add(Self.conjunction(h0, 32, listedHere >> 8, shift))
    add(Self.conjunction(hm1, 33, listedHere >> 8, shift))
    add(Self.conjunction(h0, 34, matchHere & 1, shift))
    add(Self.conjunction(hm1, 35, matchHere & 1, shift))
    return n
  }
}
