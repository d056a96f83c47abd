import VNXSegmentation

/// The segmenter's tokens seen the way quantities are read: syllables, digit runs (with their
/// Vietnamese separators kept inside: "1.234,5") and single symbols.
///
/// Word and punctuation tokens map one to one. Numeric tokens that pack several parts
/// ("13/13", "3-5", "41,7%", "18-KL/TW", "17:44") are opened into their digit runs, letters
/// and symbols, so that shares, ranges, dates and codes can be told apart. Each piece knows
/// whether it touches the previous one, starts a line, or starts a sentence.
struct QuantityPieces {
  enum Kind: Equatable { case word, number, symbol }

  struct Piece {
    var kind: Kind
    var start: Int
    var end: Int
    /// Lowercase text for words; the text itself otherwise.
    var key: String
    /// Whitespace separates this piece from the previous one.
    var spaced: Bool
    /// A line break separates this piece from the previous one.
    var newLine: Bool
    /// The word starts with an uppercase letter.
    var capitalized: Bool
    /// The index of the sentence the piece belongs to.
    var sentence: Int
    /// The number of syllables of the segmenter's word that starts here (1 when none).
    var wordLength = 1
  }

  let scalars: [Unicode.Scalar]
  private(set) var pieces: [Piece] = []

  init(_ text: String, sentences: [Sentence]) {
    scalars = Array(text.unicodeScalars)
    var previousEnd = 0
    for (sentenceIndex, sentence) in sentences.enumerated() {
      // Multi-syllable words by the start offset of their first syllable.
      var wordLengths: [Int: Int] = [:]
      for word in sentence.words where word.tokenCount > 1 {
        let tokens = sentence.tokens[word.tokenStart..<word.tokenEnd]
        if tokens.allSatisfy({ $0.kind == .word }) { wordLengths[word.start] = word.tokenCount }
      }
      for token in sentence.tokens where token.start < token.end && token.end <= scalars.count {
        let gap = scalars[min(previousEnd, token.start)..<token.start]
        let newLine = pieces.isEmpty || gap.contains(where: Self.isLineBreak)
        let spaced = newLine || !gap.isEmpty
        previousEnd = token.end
        switch token.kind {
        case .number, .percent, .date, .time, .documentCode:
          open(token.start..<token.end, spaced: spaced, newLine: newLine, sentence: sentenceIndex)
        case .word, .abbreviation:
          append(.word, token.start, token.end, spaced, newLine, sentenceIndex)
          if let length = wordLengths[token.start] { pieces[pieces.count - 1].wordLength = length }
        case .url, .email:
          append(.symbol, token.start, token.end, spaced, newLine, sentenceIndex, key: "url")
        case .punctuation, .symbol:
          // "km²": a power sign touching a short word belongs to it.
          if !spaced, token.end - token.start == 1, ["²", "³"].contains(scalars[token.start]),
            let last = pieces.last, last.kind == .word, last.end - last.start <= 2
          {
            pieces[pieces.count - 1].end = token.end
            pieces[pieces.count - 1].key += String(scalars[token.start])
            continue
          }
          append(.symbol, token.start, token.end, spaced, newLine, sentenceIndex)
        }
      }
    }
  }

  private mutating func append(
    _ kind: Kind, _ start: Int, _ end: Int, _ spaced: Bool, _ newLine: Bool, _ sentence: Int,
    key: String? = nil
  ) {
    let text = self.text(start, end)
    pieces.append(
      Piece(
        kind: kind, start: start, end: end, key: key ?? (kind == .word ? text.lowercased() : text),
        spaced: spaced, newLine: newLine,
        capitalized: kind == .word && scalars[start].properties.isUppercase, sentence: sentence))
  }

  /// Opens a numeric token into digit runs, letter runs and single symbols.
  private mutating func open(_ range: Range<Int>, spaced: Bool, newLine: Bool, sentence: Int) {
    var index = range.lowerBound
    var first = true
    while index < range.upperBound {
      let start = index
      let kind: Kind
      if Self.isDigit(scalars[index]) {
        kind = .number
        index += 1
        while index < range.upperBound {
          if Self.isDigit(scalars[index]) {
            index += 1
          } else if scalars[index] == "." || scalars[index] == ",", index + 1 < range.upperBound,
            Self.isDigit(scalars[index + 1])
          {
            index += 2
          } else {
            break
          }
        }
      } else if Self.isLetter(scalars[index]) {
        kind = .word
        while index < range.upperBound, Self.isLetter(scalars[index]) { index += 1 }
      } else {
        kind = .symbol
        index += 1
      }
      append(kind, start, index, first && spaced, first && newLine, sentence)
      first = false
    }
  }

  /// The text between two scalar offsets.
  func text(_ start: Int, _ end: Int) -> String {
    guard start < end else { return "" }
    // UTF-8 written straight into the string (a short key stays inline: no allocation).
    return scalars.withUnsafeBufferPointer { source in
      String(unsafeUninitializedCapacity: (end - start) * 4) { buffer in
        var count = 0
        for scalar in source[start..<end] {
          UTF8.encode(scalar) { byte in
            buffer[count] = byte
            count += 1
          }
        }
        return count
      }
    }
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }
    return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
  }
}
