/// Splits normalized text into sentences, typed tokens and words.
///
///     let text = "TP. Hà Giang có 2.343 đảng viên. Ngày 22/9/2017, tỉnh họp."
///     let sentences = Segmenter().sentences(in: text)   // 2 sentences
///     sentences[0].tokens.map(\.kind)    // abbreviation, word, word, word, number, word, …
///     sentences[0].words                 // …, "đảng viên", …
///
/// Input is NFC text (`TextNormalizer`'s output); every offset is a Unicode scalar offset into
/// it, with the UTF-8 offset beside it. Sentences and tokens come from one hand-written scan;
/// words from an averaged-perceptron model over syllable tokens
/// (`lexicons/segmentation/wordseg.model`).
public struct Segmenter: Sendable {
  public var abbreviations: AbbreviationTable
  /// The word segmentation model; without one, every token is a word.
  public var model: WordSegmentationModel?
  /// Whether `sentences(in:)` fills each sentence's `words`.
  public var segmentsWords = true

  /// A segmenter with the lexicons in `lexicons/segmentation/`.
  public init() {
    self.init(abbreviations: .standard, model: WordSegmentationModel.standard)
  }

  public init(abbreviations: AbbreviationTable, model: WordSegmentationModel?) {
    self.abbreviations = abbreviations
    self.model = model
  }

  /// The tokens of `text`, in order.
  public func tokens(in text: String) -> [Token] {
    withScannedTokens(of: text) { _, _, scanner in scanner.tokens }
  }

  /// The sentences of `text`, each with its tokens (and words, when `segmentsWords`).
  public func sentences(in text: String) -> [Sentence] {
    withScannedTokens(of: text) { scalars, buffer, scanner in
      let splitter = SentenceSplitter(
        scalars: buffer, tokens: scanner.tokens, breaksBefore: scanner.breaksBefore,
        abbreviations: abbreviations)
      return sentences(splitter.split(), of: scanner.tokens, buffer, scalars)
    }
  }

  /// One sentence per non-blank line of `text` (for corpora that are already split).
  public func sentences(lines text: String) -> [Sentence] {
    withScannedTokens(of: text) { scalars, buffer, scanner in
      var ranges: [Range<Int>] = []
      var start = 0
      for index in scanner.tokens.indices where index > start && scanner.breaksBefore[index] > 0 {
        ranges.append(start..<index)
        start = index
      }
      if start < scanner.tokens.count { ranges.append(start..<scanner.tokens.count) }
      return sentences(ranges, of: scanner.tokens, buffer, scalars)
    }
  }

  /// Runs `body` with the scalars of `text` (as an array and as a buffer) and a scanner that
  /// has read its tokens.
  private func withScannedTokens<Result>(
    of text: String, _ body: ([UInt32], UnsafeBufferPointer<UInt32>, TokenScanner) -> Result
  ) -> Result {
    let (scalars, utf8Offsets) = ScalarBuffer.scalarsAndOffsets(of: text)
    return scalars.withUnsafeBufferPointer { buffer in
      var scanner = TokenScanner(
        scalars: buffer, utf8Offsets: utf8Offsets, abbreviations: abbreviations)
      scanner.scan()
      return body(scalars, buffer, scanner)
    }
  }

  /// The sentences made of the token ranges `ranges`, each handed the text's scalars
  /// (`TextScalars`); the words of every sentence come from one reading of all the tokens.
  private func sentences(
    _ ranges: [Range<Int>], of tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>,
    _ values: [UInt32]
  ) -> [Sentence] {
    let shared = TextScalars(values)
    guard segmentsWords, let model else {
      return ranges.map { range in
        var sentence = Sentence(tokens: Array(tokens[range]))
        sentence.textScalars = shared
        if segmentsWords { sentence.words = Self.singleTokenWords(sentence.tokens) }
        return sentence
      }
    }
    let syllables = TokenSyllables(tokens, scalars, offset: 0)
    var scratch = WordSegmentationModel.Scratch()
    scratch.reserve(ranges.reduce(0) { max($0, $1.count) })
    if let first = ranges.first { model.prefetch(syllables, first) }
    return ranges.indices.map { index in
      let range = ranges[index]
      // The next sentence's dictionary slots come in while this one is segmented.
      if index + 1 < ranges.count { model.prefetch(syllables, ranges[index + 1]) }
      var sentence = Sentence(tokens: Array(tokens[range]))
      sentence.textScalars = shared
      sentence.words = Self.words(
        sentence.tokens, starts: model.wordStarts(syllables, range, scratch: &scratch))
      return sentence
    }
  }

  /// The words of a sentence of `text` (the text the sentence was split from).
  public func words(in sentence: Sentence, of text: String) -> [Word] {
    guard let model, !sentence.tokens.isEmpty else { return Self.singleTokenWords(sentence.tokens) }
    var text = text
    return text.withUTF8 { bytes in
      let slice = UnsafeBufferPointer(rebasing: bytes[sentence.utf8Start..<sentence.utf8End])
      let scalars = ScalarBuffer.decode(slice)
      return scalars.withUnsafeBufferPointer { buffer in
        Self.words(sentence.tokens, starts: model.wordStarts(sentence.tokens, buffer, offset: sentence.start))
      }
    }
  }

  static func singleTokenWords(_ tokens: [Token]) -> [Word] {
    tokens.indices.map { index in
      let token = tokens[index]
      return Word(
        kind: token.kind, start: token.start, end: token.end, utf8Start: token.utf8Start,
        utf8End: token.utf8End, tokenStart: index, tokenEnd: index + 1)
    }
  }

  /// Words from the tokens where a word starts (`starts[0]` is always true).
  static func words(_ tokens: [Token], starts: [Bool]) -> [Word] {
    let count = tokens.count
    guard count > 0 else { return [] }
    return tokens.withUnsafeBufferPointer { tokens in
      starts.withUnsafeBufferPointer { starts in
        [Word](unsafeUninitializedCapacity: count) { words, written in
          var start = 0
          var word = 0
          for index in 1...count where index == count || starts[index] {
            let first = tokens[start]
            let last = tokens[index - 1]
            (words.baseAddress! + word).initialize(
              to: Word(
                kind: first.kind, start: first.start, end: last.end, utf8Start: first.utf8Start,
                utf8End: last.utf8End, tokenStart: start, tokenEnd: index))
            word += 1
            start = index
          }
          written = word
        }
      }
    }
  }
}
