/// The feature templates of the word segmenter: for each syllable, hashed indices into the
/// weight table, which decide whether the syllable starts a word (B) or continues one (I).
///
/// Templates: syllables in a window of five and their bigrams and trigrams, the shapes
/// (lowercase, Title, CAPITALS, number, punctuation…) around the syllable, and the
/// dictionary words that start or end around it.
struct WordFeatures {
  static let maximumCount = 40

  let sequence: SyllableSequence
  let starts: [UInt8]
  let ends: [UInt8]
  let listedStarts: [UInt8]
  let listedEnds: [UInt8]
  /// Tags of greedy longest-match segmentation, left to right and right to left
  /// (bit 0: starts a word left to right; bit 1: right to left).
  let matching: [UInt8]

  init(_ sequence: SyllableSequence, dictionary: WordDictionary, excludedFold: Int? = nil) {
    self.sequence = sequence
    let (starts, listedStarts) = dictionary.startMasks(sequence, excludedFold: excludedFold)
    self.starts = starts
    self.listedStarts = listedStarts
    ends = Self.ends(starts)
    listedEnds = Self.ends(listedStarts)
    var matching = [UInt8](repeating: 3, count: sequence.count)
    var position = 0
    while position < starts.count {
      let mask = starts[position]
      let length = mask == 0 ? 1 : 9 - mask.leadingZeroBitCount
      var inside = position + 1
      while inside < position + length {
        matching[inside] &= ~1
        inside += 1
      }
      position += length
    }
    position = starts.count - 1
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
    self.matching = matching
  }

  /// For each token, the lengths of dictionary words ending there (bit `length - 2`).
  private static func ends(_ starts: [UInt8]) -> [UInt8] {
    var ends = [UInt8](repeating: 0, count: starts.count)
    for start in starts.indices where starts[start] != 0 {
      var mask = starts[start]
      var bit = 0
      while mask != 0 {
        if mask & 1 != 0 { ends[start + bit + 1] |= UInt8(1) << bit }
        mask >>= 1
        bit += 1
      }
    }
    return ends
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

  /// Writes the feature hashes of syllable `i` into `buffer`; returns how many.
  @inline(__always)
  func features(_ i: Int, into buffer: UnsafeMutablePointer<UInt64>) -> Int {
    let s = sequence
    let h0 = s.hash(i)
    let hm1 = s.hash(i - 1)
    let hm2 = s.hash(i - 2)
    let hp1 = s.hash(i + 1)
    let hp2 = s.hash(i + 2)
    let sh0 = s.shape(i)
    let shm1 = s.shape(i - 1)
    let shm2 = s.shape(i - 2)
    let shp1 = s.shape(i + 1)
    var n = 0
    @inline(__always) func add(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) {
      buffer[n] = mixHash(mixHash(mixHash(template, a), b), c)
      n += 1
    }
    add(1, h0)
    add(2, hm1)
    add(3, hp1)
    add(4, hm2)
    add(5, hp2)
    add(6, hm1, h0)
    add(7, h0, hp1)
    add(8, hm2, hm1)
    add(9, hp1, hp2)
    add(10, hm2, hm1, h0)
    add(11, hm1, h0, hp1)
    add(12, h0, hp1, hp2)
    add(13, hm1, hp1)
    let shapes = shm2 << 24 | shm1 << 16 | sh0 << 8 | shp1
    add(14, shm1 << 8 | sh0)
    add(15, shapes & 0xFF_FFFF)
    add(16, shapes >> 8)
    add(17, shm1 << 8 | sh0, h0)
    add(18, shm1 << 8 | sh0, hm1)
    let dictionary = end(i) | start(i) << 8 | start(i - 1) << 16 | end(i - 1) << 24
    add(19, end(i))
    add(20, start(i))
    add(21, start(i - 1))
    add(22, end(i - 1))
    add(23, dictionary & 0xFFFF, shm1 << 8 | sh0)
    add(24, dictionary)
    add(25, 0)
    add(26, end(i) << 8 | start(i), h0)
    add(27, start(i - 1) << 8 | end(i - 1), hm1)
    add(28, listed(i))
    add(29, listed(i - 1) << 16 | listed(i))
    add(30, match(i - 1) << 8 | match(i) | match(i + 1) << 4)
    add(31, match(i), shm1 << 8 | sh0)
    // Function words ("với", "như", "ra") stay apart even where the word list joins them.
    let listedHere = listed(i)
    add(32, listedHere >> 8, h0)
    add(33, listedHere >> 8, hm1)
    add(34, match(i) & 1, h0)
    add(35, match(i) & 1, hm1)
    return n
  }
}
