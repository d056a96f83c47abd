/// Word-level (semi-Markov) features: besides the B/I score of each syllable, a model trained
/// with them scores each candidate word as a whole, for the dictionary words of two to five
/// syllables that the sentence holds (`WordDictionary.startMasks`). The decoder
/// (`WordSegmentationModel.wordViterbi`) adds a word's score when the segmentation makes it
/// one word, so that "trở về" written apart and "trở về" joined are told apart by what the
/// annotators did with that very word, its length and its neighbours, not only by the gap.
extension WordFeatures {
  /// Word lengths scored: 2…`longestWord` (the dictionary's longest words).
  static let longestWord = WordDictionary.maximumLength
  /// Word scores per syllable: one per length 2…`longestWord` of a word ending there.
  static let wordSlots = longestWord - 1

  /// Writes the weight indices of the features of the candidate word of `length` syllables
  /// starting at `start` into `buffer`; returns how many.
  func wordFeatures(start: Int, length: Int, into buffer: UnsafeMutablePointer<UInt32>) -> Int {
    var sink = IndexSink(buffer: buffer)
    wordFeatures(start: start, length: length, into: &sink)
    return sink.count
  }

  /// The candidate words of the sentence: `(start, length)` of each dictionary word of two
  /// syllables or more.
  var candidateWords: [(start: Int, length: Int)] {
    var words: [(start: Int, length: Int)] = []
    for start in 0..<sequence.count {
      var mask = starts[start]
      while mask != 0 {
        let bit = mask.trailingZeroBitCount
        words.append((start, bit + 2))
        mask &= mask - 1
      }
    }
    return words
  }

  /// The word scores of the sentence, `scores[end * wordSlots + length - 2]` for the word of
  /// `length` syllables ending at `end` (0 where no dictionary word is), into the first
  /// `sequence.count * wordSlots` elements.
  func wordScores(
    into scores: UnsafeMutablePointer<Float>, weights: UnsafeBufferPointer<Int16>, scale: Float
  ) {
    let count = sequence.count
    let slots = Self.wordSlots
    scores.update(repeating: 0, count: count * slots)
    starts.withUnsafeBufferPointer { starts in
      for start in 0..<count where starts[start] != 0 {
        var mask = starts[start]
        while mask != 0 {
          let length = mask.trailingZeroBitCount + 2
          var sink = WeightSink(weights: weights)
          wordFeatures(start: start, length: length, into: &sink)
          scores[(start + length - 1) * slots + length - 2] = Float(sink.sum) * scale
          mask &= mask - 1
        }
      }
    }
  }

  /// The templates of one candidate word (a dictionary word: `length` 2…5): the word itself,
  /// with the shapes of the tokens around it; its length with whether it is listed and the
  /// shapes of its first and last syllables; its first and last syllables, and the syllables
  /// before and after it, each with its length and whether it is listed.
  @inline(__always)
  private func wordFeatures<Sink: FeatureSink>(start: Int, length: Int, into sink: inout Sink) {
    let shift = Self.shift(bits: bits)
    let end = start + length - 1
    var word = WordDictionary.seed
    for index in start...end { word = mixHash(word, sequence.hashes[index]) }
    let listed = UInt64(listedStarts[start] >> (length - 2) & 1)
    let size = UInt64(length) | listed << 3
    let shapeBefore = sequence.shape(start - 1)
    let shapeAfter = sequence.shape(end + 1)
    let shapes = sequence.shape(start) | sequence.shape(end) << 4
    let wordLine = Self.wordLine(word, shift)
    sink.add(wordLine)
    sink.add(Self.conjunction(line: wordLine, 80, shapeBefore | shapeAfter << 4))
    sink.add(Self.wordLine(Self.wordSalt ^ (size | shapes << 4), shift) | 1)
    sink.add(Self.conjunction(line: Self.wordLine(sequence.hash(start), shift), 81, size))
    sink.add(Self.conjunction(line: Self.wordLine(sequence.hash(end), shift), 82, size))
    sink.add(Self.conjunction(line: Self.wordLine(sequence.hash(start - 1), shift), 83, size))
    sink.add(Self.conjunction(line: Self.wordLine(sequence.hash(end + 1), shift), 84, size))
  }

  private static let wordSalt: UInt64 = 0x776f_7264_6c65_7665

  /// A line of the weight table for a word-level key: the word templates keep lines of their
  /// own, apart from the syllable templates' lines.
  @inline(__always)
  private static func wordLine(_ key: UInt64, _ shift: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: ((key ^ wordSalt) &* 0xD6E8_FEB8_6659_FD93) &>> shift)
      &<< UInt32(lineBits)
  }
}

extension WordSegmentationModel {
  /// The best segmentation under the B/I scores (as `viterbi`) plus `words[end * wordSlots +
  /// length - 2]` for each word of 2…`WordFeatures.longestWord` syllables it makes: a Viterbi
  /// over the length of the word so far (1…5, and longer), exact for both.
  static func wordViterbi(
    scores: [Float], mayJoin: [Bool], count: Int, transitions: [Float], continuations: [Float],
    words: [Float], into starts: inout [Bool], back: inout [UInt8]
  ) {
    WordFeatures.grow(&starts, to: count, with: true)
    guard count > 0 else { return }
    WordFeatures.grow(&back, to: count, with: 0)
    let slots = WordFeatures.wordSlots
    // State `l`: the syllable is the `l + 1`-th of its word; the last state, `states - 1`, is
    // any later one (no word score).
    let states = WordFeatures.longestWord + 1
    let bb = transitions[0]
    let bi = transitions[1]
    let ib = transitions[2]
    let ii = transitions[3]
    let withContinuations = !continuations.isEmpty
    var current = [Float](repeating: -.infinity, count: states)
    var next = current
    current[0] = scores[0]
    // The score of closing, at syllable `end`, a word whose last syllable is in state `l`.
    @inline(__always) func close(_ end: Int, _ l: Int) -> Float {
      l >= 1 && l <= slots ? words[end * slots + l - 1] : 0
    }
    for index in 1..<count {
      var best = current[0] + bb + close(index - 1, 0)
      var from = 0
      for l in 1..<states {
        let candidate = current[l] + ib + close(index - 1, l)
        if candidate > best {
          best = candidate
          from = l
        }
      }
      next[0] = best + scores[index]
      var pointers = UInt8(from)
      if mayJoin[index] {
        let inside = ii + (withContinuations ? continuations[index] : 0)
        next[1] = current[0] + bi
        for l in 2..<(states - 1) { next[l] = current[l - 1] + inside }
        let fromLast = current[states - 2] + inside
        let fromLonger = current[states - 1] + inside
        next[states - 1] = max(fromLast, fromLonger)
        if fromLonger > fromLast { pointers |= 8 }
      } else {
        for l in 1..<states { next[l] = -.infinity }
      }
      back[index] = pointers
      swap(&current, &next)
    }
    var state = 0
    var best = -Float.infinity
    for l in 0..<states {
      let candidate = current[l] + close(count - 1, l)
      if candidate > best {
        best = candidate
        state = l
      }
    }
    var index = count - 1
    while index > 0 {
      starts[index] = state == 0
      if state == 0 {
        state = Int(back[index] & 7)
      } else if state < states - 1 || back[index] & 8 == 0 {
        state -= 1
      }
      index -= 1
    }
    starts[0] = true
  }

  /// `wordViterbi` with buffers of its own.
  static func wordViterbi(
    scores: [Float], mayJoin: [Bool], transitions: [Float], continuations: [Float] = [],
    words: [Float]
  ) -> [Bool] {
    var starts: [Bool] = []
    var back: [UInt8] = []
    wordViterbi(
      scores: scores, mayJoin: mayJoin, count: scores.count, transitions: transitions,
      continuations: continuations, words: words, into: &starts, back: &back)
    return starts
  }
}
