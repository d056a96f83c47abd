import Testing
import VNXSegmentation

@testable import VNXExtraction

@Test(
  "A number piece reads as VietnameseNumber.digits reads its text",
  arguments: [
    "5", "2024", "1.250", "12.345.678", "40.1", "1.2345", "12.34.567", "1,5", "2.343,5", "1,234,567",
    "100,5", "0,05", "1234,5", "12.34,5", "1.2345,6", "1.234.567,89", "1234.567,8", "1,2,3", "1,234.5",
    "99999999999999999999,5",
  ])
func numberPiecesReadLikeDigits(_ number: String) {
  let text = "Có \(number) hộ."
  let pieces = QuantityPieces(text, sentences: Segmenter().sentences(in: text))
  let piece = pieces.pieces.first { $0.kind == .number }
  #expect(piece.map { pieces.text($0.start, $0.end) } == number)
  #expect(piece.flatMap(pieces.numberValue) == VietnameseNumber.digits(number))
}

/// The pieces of `text` read the plain way: strings and Unicode properties instead of the
/// token pass's scalar table and sized storage (what `QuantityPieces` must give).
private func referencePieces(_ text: String, _ sentences: [Sentence]) -> [QuantityPieces.Piece] {
  let scalars = Array(text.unicodeScalars)
  func string(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
  func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
  }
  func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
  var pieces: [QuantityPieces.Piece] = []
  func add(_ kind: QuantityPieces.Kind, _ start: Int, _ end: Int, _ spaced: Bool, _ newLine: Bool, _ sentence: Int, hash: UInt64? = nil) {
    pieces.append(
      QuantityPieces.Piece(
        kind: kind, spaced: spaced, newLine: newLine,
        capitalized: kind == .word && scalars[start].properties.isUppercase, start: start, end: end,
        sentence: sentence,
        hash: hash ?? QuantityPieces.hash(kind == .word ? string(start, end).lowercased() : string(start, end))))
  }
  var previousEnd = 0
  for (index, sentence) in sentences.enumerated() {
    for token in sentence.tokens where token.start < token.end && token.end <= scalars.count {
      let gapStart = min(previousEnd, token.start)
      let newLine =
        pieces.isEmpty
        || scalars[gapStart..<token.start].contains { "\n\r\u{2028}\u{2029}".unicodeScalars.contains($0) }
      let spaced = newLine || gapStart < token.start
      previousEnd = token.end
      switch token.kind {
      case .word, .abbreviation:
        add(.word, token.start, token.end, spaced, newLine, index)
        for word in sentence.words where word.start == token.start && word.tokenCount > 1 {
          if sentence.tokens[word.tokenStart..<word.tokenEnd].allSatisfy({ $0.kind == .word }) {
            pieces[pieces.count - 1].wordLength = Int32(word.tokenCount)
          }
        }
      case .number, .percent, .date, .time, .documentCode:
        var cursor = token.start
        while cursor < token.end {
          let start = cursor
          let kind: QuantityPieces.Kind
          if isDigit(scalars[cursor]) {
            kind = .number
            cursor += 1
            while cursor < token.end,
              isDigit(scalars[cursor])
                || ((scalars[cursor] == "." || scalars[cursor] == ",") && cursor + 1 < token.end
                  && isDigit(scalars[cursor + 1]))
            {
              cursor += isDigit(scalars[cursor]) ? 1 : 2
            }
          } else if isLetter(scalars[cursor]) {
            kind = .word
            while cursor < token.end, isLetter(scalars[cursor]) { cursor += 1 }
          } else {
            kind = .symbol
            cursor += 1
          }
          add(kind, start, cursor, start == token.start && spaced, start == token.start && newLine, index)
        }
      case .url, .email:
        add(.symbol, token.start, token.end, spaced, newLine, index, hash: QuantityPieces.hash("url"))
      case .punctuation, .symbol:
        if !spaced, token.end - token.start == 1, scalars[token.start] == "²" || scalars[token.start] == "³",
          let last = pieces.last, last.kind == .word, last.end - last.start <= 2
        {
          pieces[pieces.count - 1].end = token.end
          pieces[pieces.count - 1].hash = QuantityPieces.hash(string(last.start, token.end).lowercased())
          continue
        }
        add(.symbol, token.start, token.end, spaced, newLine, index)
      }
    }
  }
  return pieces
}

private func samePieces(_ a: [QuantityPieces.Piece], _ b: [QuantityPieces.Piece]) -> Bool {
  a.count == b.count
    && zip(a, b).allSatisfy {
      ($0.kind, $0.spaced, $0.newLine, $0.capitalized, $0.wordLength) == ($1.kind, $1.spaced, $1.newLine, $1.capitalized, $1.wordLength)
        && ($0.start, $0.end, $0.sentence, $0.hash) == ($1.start, $1.end, $1.sentence, $1.hash)
    }
}

@Test(
  "The token pass gives the pieces a plain string reading gives",
  arguments: [
    "Xã có 166 đảng viên, 13/13 chi bộ đạt 100,5% kế hoạch.\nDiện tích 2.343 ha, 5 km² rừng.",
    "COVID-19, H5N1, 18-KL/TW, 10h45 ngày 25-10-2017; xem https://example.vn/a?b=1 hoặc a@b.vn",
    "ĐẢNG BỘ XÃ BẢN HON\r\n\r\nTĂNG 5, 5% SO VỚI NĂM 2022. Ǆ ǅ ǆ ΣΑΣ Ωmega — “Trên 90%”…",
    "",
  ])
func tokenPassMatchesReference(_ text: String) {
  let sentences = Segmenter().sentences(in: text)
  #expect(samePieces(QuantityPieces(text, sentences: sentences).pieces, referencePieces(text, sentences)))
}

@Test("The token pass gives the pieces a plain string reading gives, on every corpus article", .enabled(if: Corpus.available))
func tokenPassMatchesReferenceOnCorpus() {
  let articles = Samples.load(Corpus.folder)
  #expect(articles.count > 20)
  for (name, text, _) in articles {
    let sentences = Segmenter().sentences(in: text)
    #expect(samePieces(QuantityPieces(text, sentences: sentences).pieces, referencePieces(text, sentences)), "\(name)")
  }
}

@Test("The names' index finds every mention a scan of the regions finds, on every corpus article", .enabled(if: Corpus.available))
func nameIndexMatchesScanOnCorpus() {
  for (name, text, _) in Samples.load(Corpus.folder) {
    let sentences = Segmenter().sentences(in: text)
    let entities = EntityExtractor().extract(from: text, sentences: sentences)
    let scalars = QuantityPieces.scalars(of: text)
    // Every other sentence: regions with gaps between them.
    let regions = sentences.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element.start..<$0.element.end }
    var initials = Attribution.Initials()
    let needles = entities.map { Array($0.text.unicodeScalars) }.filter {
      guard let first = $0.first else { return false }
      return QuantityPieces.isUppercase(first) && !IndicatorExtractor.overlapsItself($0)
    }
    for needle in needles { initials.insert(needle[0]) }
    let starts = QuantityPieces.uppercaseStarts(scalars, in: regions, initials: initials)
    for needle in needles {
      let indexed = IndicatorExtractor.occurrences(
        of: needle, in: scalars,
        at: starts.filter { $0 >> 32 == UInt64(needle[0].value) }.map { Int($0 & 0xFFFF_FFFF) })
      let scanned = IndicatorExtractor.occurrences(of: needle[...], in: scalars, within: regions)
      #expect(indexed == scanned, "\(name): \(String(String.UnicodeScalarView(needle)))")
    }
  }
}

@Test(
  "The scalars the segmenter hands over are the text's scalars",
  arguments: [
    "Xã có 166 đảng viên, 13/13 chi bộ đạt 100,5% kế hoạch.",
    "ĐẢNG BỘ XÃ BẢN HON\r\n\r\nTĂNG 5, 5% — “Trên 90%”… 😀 e\u{0302}\u{0301}",
    "",
  ])
func handedOverScalars(_ text: String) {
  let sentences = Segmenter().sentences(in: text)
  let handed = sentences.first?.textScalars.values ?? []
  #expect(text.isEmpty || !handed.isEmpty)
  #expect(QuantityPieces.scalars(of: text, handedOver: handed) == Array(text.unicodeScalars))
  #expect(QuantityPieces.scalars(of: text, handedOver: []) == Array(text.unicodeScalars))
}
