import VNXSegmentation
import VNXText

/// The segmenter's tokens seen the way quantities are read: syllables, digit runs (with their
/// Vietnamese separators kept inside: "1.234,5") and single symbols.
///
/// Word and punctuation tokens map one to one. Numeric tokens that pack several parts
/// ("13/13", "3-5", "41,7%", "18-KL/TW", "17:44") are opened into their digit runs, letters
/// and symbols, so that shares, ranges, dates and codes can be told apart. Each piece knows
/// whether it touches the previous one, starts a line, or starts a sentence.
struct QuantityPieces {
  enum Kind: Equatable { case word, number, symbol }

  /// A plain value (no reference inside): the reading copies pieces freely, with no
  /// retain or release.
  struct Piece {
    var kind: Kind
    /// Whitespace separates this piece from the previous one.
    var spaced: Bool
    /// A line break separates this piece from the previous one.
    var newLine: Bool
    /// The word starts with an uppercase letter.
    var capitalized: Bool
    /// The number of syllables of the segmenter's word that starts here (1 when none).
    var wordLength: Int32 = 1
    var start: Int
    var end: Int
    /// The index of the sentence the piece belongs to.
    var sentence: Int
    /// `QuantityPieces.hash` of the piece's key (a word's lowercase text, else the text
    /// itself; "url" for links): lexicon look-ups and word tests compare this, not strings.
    var hash: UInt64 = 0
  }

  let scalars: [Unicode.Scalar]
  private(set) var pieces: [Piece] = []
  /// The number of pieces of kind `.number`.
  private(set) var numberCount = 0
  /// `caseTable`, fetched once (a static is a lazy global: each read is a call).
  private let table = Self.caseTable

  init(_ text: String, sentences: [Sentence]) {
    scalars = Self.scalars(of: text, handedOver: sentences.first?.textScalars.values ?? [])
    // At most one piece per token, or per scalar of a token that is opened (`open`).
    var bound = 0
    for sentence in sentences {
      sentence.tokens.withUnsafeBufferPointer { tokens in
        for token in tokens { bound += Self.opens(token.kind) ? max(token.end - token.start, 1) : 1 }
      }
    }
    let scalars = scalars
    let table = table
    var numbers = 0
    pieces = scalars.withUnsafeBufferPointer { source in
      table.withUnsafeBufferPointer { table in
        [Piece](unsafeUninitializedCapacity: bound) { buffer, count in
          guard let out = buffer.baseAddress else { return }
          var writer = Writer(source: source, table: table, out: out)
          writer.read(sentences)
          count = writer.count
          numbers = writer.numbers
        }
      }
    }
    numberCount = numbers
  }

  /// Whether a token of `kind` is opened into digit runs, letter runs and symbols.
  @inline(__always)
  static func opens(_ kind: TokenKind) -> Bool {
    switch kind {
    case .number, .percent, .date, .time, .documentCode: true
    default: false
    }
  }

  /// The token pass: writes the pieces of every sentence into storage sized beforehand, with
  /// no array bookkeeping per piece.
  private struct Writer {
    let source: UnsafeBufferPointer<Unicode.Scalar>
    let table: UnsafeBufferPointer<UInt32>
    let out: UnsafeMutablePointer<Piece>
    var count = 0
    var numbers = 0
    let urlHash = QuantityPieces.urlHash

    mutating func read(_ sentences: [Sentence]) {
      var previousEnd = 0
      for sentenceIndex in sentences.indices {
        let sentence = sentences[sentenceIndex]
        sentence.tokens.withUnsafeBufferPointer { tokens in
          sentence.words.withUnsafeBufferPointer { words in
            read(tokens, words, sentence: sentenceIndex, previousEnd: &previousEnd)
          }
        }
      }
    }

    private mutating func read(
      _ tokens: UnsafeBufferPointer<Token>, _ words: UnsafeBufferPointer<Word>, sentence: Int,
      previousEnd: inout Int
    ) {
      // Multi-syllable words, met in order with the tokens their first syllable starts.
      var wordCursor = 0
      for token in tokens where token.start < token.end && token.end <= source.count {
        let gapStart = min(previousEnd, token.start)
        var newLine = count == 0
        if !newLine {
          var index = gapStart
          while index < token.start {
            if QuantityPieces.isLineBreak(source[index]) {
              newLine = true
              break
            }
            index += 1
          }
        }
        let spaced = newLine || gapStart < token.start
        previousEnd = token.end
        switch token.kind {
        case .word, .abbreviation:
          let first = source[token.start].value
          let capitalized =
            first < 0x2000
            ? table[Int(first)] & 0x4000_0000 != 0 : source[token.start].properties.isUppercase
          var wordLength: Int32 = 1
          while wordCursor < words.count, words[wordCursor].start < token.start { wordCursor += 1 }
          var probe = wordCursor
          while probe < words.count, words[probe].start == token.start {
            let word = words[probe]
            if word.tokenEnd - word.tokenStart > 1, allWords(tokens, word.tokenStart, word.tokenEnd) {
              wordLength = Int32(truncatingIfNeeded: word.tokenEnd - word.tokenStart)
            }
            probe += 1
          }
          out[count] = Piece(
            kind: .word, spaced: spaced, newLine: newLine, capitalized: capitalized,
            wordLength: wordLength, start: token.start, end: token.end, sentence: sentence,
            hash: wordHash(token.start, token.end))
          count += 1
        case .number, .percent, .date, .time, .documentCode:
          open(token.start, token.end, spaced: spaced, newLine: newLine, sentence: sentence)
        case .url, .email:
          append(.symbol, token.start, token.end, spaced, newLine, sentence, hash: urlHash)
        case .punctuation, .symbol:
          // "km²": a power sign touching a short word belongs to it.
          if !spaced, token.end - token.start == 1,
            source[token.start] == "²" || source[token.start] == "³", count > 0,
            out[count - 1].kind == .word, out[count - 1].end - out[count - 1].start <= 2
          {
            out[count - 1].end = token.end
            out[count - 1].hash = wordHash(out[count - 1].start, token.end)
            continue
          }
          append(.symbol, token.start, token.end, spaced, newLine, sentence, hash: nil)
        }
      }
    }

    /// Whether the tokens `start..<end` of the sentence are all syllables.
    private func allWords(_ tokens: UnsafeBufferPointer<Token>, _ start: Int, _ end: Int) -> Bool {
      guard start >= 0, end <= tokens.count else { return false }
      for index in start..<end where tokens[index].kind != .word { return false }
      return true
    }

    /// `hash(text(start, end).lowercased())`: from the table, or from the string when a scalar
    /// lies beyond it or lowercases to several.
    @inline(__always)
    private func wordHash(_ start: Int, _ end: Int) -> UInt64 {
      QuantityPieces.wordHash(source, table, start, end)
        ?? QuantityPieces.hash(QuantityPieces.string(source, start, end).lowercased())
    }

    private func textHash(_ start: Int, _ end: Int) -> UInt64 {
      var hash = PhraseKey.seed
      for index in start..<end { hash = (hash ^ UInt64(source[index].value)) &* 0x100_0000_01b3 }
      return hash
    }

    private mutating func append(
      _ kind: Kind, _ start: Int, _ end: Int, _ spaced: Bool, _ newLine: Bool, _ sentence: Int,
      hash: UInt64?
    ) {
      let capitalized: Bool
      if kind == .word {
        let first = source[start].value
        capitalized =
          first < 0x2000 ? table[Int(first)] & 0x4000_0000 != 0 : source[start].properties.isUppercase
      } else {
        capitalized = false
      }
      out[count] = Piece(
        kind: kind, spaced: spaced, newLine: newLine, capitalized: capitalized, start: start,
        end: end, sentence: sentence,
        hash: hash ?? (kind == .word ? wordHash(start, end) : textHash(start, end)))
      count += 1
      if kind == .number { numbers += 1 }
    }

    /// Opens a numeric token into digit runs, letter runs and single symbols.
    private mutating func open(_ start: Int, _ end: Int, spaced: Bool, newLine: Bool, sentence: Int) {
      var index = start
      var first = true
      while index < end {
        let pieceStart = index
        let kind: Kind
        if QuantityPieces.isDigit(source[index]) {
          kind = .number
          index += 1
          while index < end {
            if QuantityPieces.isDigit(source[index]) {
              index += 1
            } else if source[index] == "." || source[index] == ",", index + 1 < end,
              QuantityPieces.isDigit(source[index + 1])
            {
              index += 2
            } else {
              break
            }
          }
        } else if isLetter(source[index]) {
          kind = .word
          while index < end, isLetter(source[index]) { index += 1 }
        } else {
          kind = .symbol
          index += 1
        }
        append(kind, pieceStart, index, first && spaced, first && newLine, sentence, hash: nil)
        first = false
      }
    }

    /// `QuantityPieces.isLetter` with the table at hand.
    @inline(__always)
    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
      if scalar.value < 0x80 {
        return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
      }
      if scalar.value < 0x2000 { return table[Int(scalar.value)] & 0x2000_0000 != 0 }
      return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }
  }

  /// `hash(text(start, end).lowercased())` from the scalars and `caseTable`, nil when a scalar
  /// lies beyond the table or lowercases to several (`wordHash(_:_:)` decides then).
  @inline(__always)
  static func wordHash(
    _ source: UnsafeBufferPointer<Unicode.Scalar>, _ table: UnsafeBufferPointer<UInt32>,
    _ start: Int, _ end: Int
  ) -> UInt64? {
    var hash = PhraseKey.seed
    for index in start..<end {
      let value = source[index].value
      guard value < 0x2000 else { return nil }
      let entry = table[Int(value)]
      guard entry & 0x8000_0000 == 0 else { return nil }
      hash = (hash ^ UInt64(entry & 0x1F_FFFF)) &* 0x100_0000_01b3
    }
    return hash
  }

  static let urlHash = hash("url")

  /// The string of `source[start..<end]`.
  static func string(_ source: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> String {
    var string = ""
    string.unicodeScalars.append(contentsOf: source[start..<end])
    return string
  }

  /// The text between two scalar offsets.
  func text(_ start: Int, _ end: Int) -> String {
    guard start < end else { return "" }
    return scalars.withUnsafeBufferPointer { source in
      // The exact UTF-8 length: a text of up to 15 bytes ("62 tỷ đồng") then stays inline in
      // the string (no allocation), which a capacity of four bytes a scalar would prevent.
      var length = 0
      for scalar in source[start..<end] {
        let value = scalar.value
        length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4
      }
      return String(unsafeUninitializedCapacity: length) { buffer in
        guard let target = buffer.baseAddress else { return 0 }
        var count = 0
        for scalar in source[start..<end] { count += UTF8Scalars.write(scalar.value, to: target + count) }
        return count
      }
    }
  }

  /// `hash(text(start, end).lowercased())` without building the strings when every scalar
  /// lowercases to one below U+2000 (`caseTable`).
  func lowercaseHash(_ start: Int, _ end: Int) -> UInt64 {
    scalars.withUnsafeBufferPointer { source in
      table.withUnsafeBufferPointer { table in
        Self.wordHash(source, table, start, end) ?? Self.hash(text(start, end).lowercased())
      }
    }
  }

  /// A word piece's key: its lowercase text.
  func lowercasedText(of piece: Piece) -> String {
    keyAndHash(piece.start, piece.end, lowercased: true).0
  }

  /// `hash(text(start, end))` without building the string.
  func textHash(_ start: Int, _ end: Int) -> UInt64 {
    scalars.withUnsafeBufferPointer { source in
      var hash = PhraseKey.seed
      for scalar in source[start..<end] { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
      return hash
    }
  }

  /// The value of a number piece (`VietnameseNumber.digits` of its text), read from the
  /// scalars: a run of plain digits directly, others through the byte reader.
  func numberValue(_ piece: Piece) -> Double? {
    numberValue(piece.start, piece.end, prefix: [])
  }

  /// `VietnameseNumber.digits` of `prefix` followed by the text `start..<end`.
  func numberValue(_ start: Int, _ end: Int, prefix: [UInt8]) -> Double? {
    scalars.withUnsafeBufferPointer { source in
      if prefix.isEmpty, end - start <= 15 {
        var value = 0.0
        var plain = start < end
        for scalar in source[start..<end] {
          guard Self.isDigit(scalar) else {
            plain = false
            break
          }
          value = value * 10 + Double(scalar.value - 0x30)
        }
        if plain { return value }
        // Thousand dots ("1.250", "12.345.678"): the same sums as the byte reader's.
        var group = 0
        var groups = 0
        var dotted = true
        value = 0
        for scalar in source[start..<end] {
          if scalar == "." {
            guard group >= 1, group <= 3, groups == 0 || group == 3 else {
              dotted = false
              break
            }
            groups += 1
            group = 0
          } else if Self.isDigit(scalar) {
            value = value * 10 + Double(scalar.value - 0x30)
            group += 1
          } else {
            dotted = false
            break
          }
        }
        if dotted, groups > 0, group == 3 { return value }
      }
      if prefix.isEmpty, let value = Self.decimalCommaValue(source, start, end) { return value }
      var bytes = prefix
      bytes.reserveCapacity(prefix.count + end - start)
      for scalar in source[start..<end] {
        guard Self.isDigit(scalar) || scalar == "." || scalar == "," else { return nil }
        bytes.append(UInt8(scalar.value))
      }
      return VietnameseNumber.digits(bytes: bytes[...])
    }
  }

  /// A decimal comma after digits or thousand groups ("100,5", "2.343,5"), read with the
  /// byte reader's sums (`VietnameseNumber.digits`) but without its arrays; nil for any other
  /// shape, which the byte reader then reads.
  static func decimalCommaValue(_ source: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int)
    -> Double?
  {
    var integer = 0.0
    var fraction = 0.0
    var divisor = 1.0
    var group = 0
    var dots = 0
    var comma = false
    for scalar in source[start..<end] {
      if isDigit(scalar) {
        let digit = Double(scalar.value - 0x30)
        if comma {
          fraction = fraction * 10 + digit
          divisor *= 10
        } else {
          integer = integer * 10 + digit
          group += 1
        }
      } else if scalar == ".", !comma {
        // Thousand groups: one to three digits first, then three.
        guard dots == 0 ? (1...3).contains(group) : group == 3 else { return nil }
        dots += 1
        group = 0
      } else if scalar == ",", !comma {
        guard group > 0, dots == 0 || group == 3 else { return nil }
        comma = true
      } else {
        return nil
      }
    }
    guard comma, divisor > 1 else { return nil }
    let value = integer + fraction / divisor
    return value.isFinite ? value : nil
  }

  /// The number of digits of a piece written as plain digits ("5", "2024"), nil otherwise.
  func plainDigits(_ piece: Piece) -> Int? {
    guard piece.kind == .number else { return nil }
    for offset in piece.start..<piece.end where !Self.isDigit(scalars[offset]) { return nil }
    return piece.end - piece.start
  }

  /// `hash(text(start, end).lowercased())` without building the string.
  func wordHash(_ start: Int, _ end: Int) -> UInt64 {
    return scalars.withUnsafeBufferPointer { source in
      var hash = PhraseKey.seed
      for scalar in source[start..<end] {
        guard scalar.value < 0x2000, table[Int(scalar.value)] & 0x8000_0000 == 0 else {
          return Self.hash(text(start, end).lowercased())
        }
        hash = (hash ^ UInt64(table[Int(scalar.value)] & 0x1F_FFFF)) &* 0x100_0000_01b3
      }
      return hash
    }
  }

  /// The key of the piece `start..<end` — its text, lowercased for words — and the key's
  /// `hash`, in one pass. Lowercase comes from a table of the one-scalar mappings below U+2000
  /// (every Vietnamese letter), written straight as UTF-8; other scalars take the standard
  /// library's path (`lowercased()`).
  func keyAndHash(_ start: Int, _ end: Int, lowercased: Bool) -> (String, UInt64) {
    guard start < end else { return ("", PhraseKey.seed) }
    return scalars.withUnsafeBufferPointer { source in
      if lowercased {
        for scalar in source[start..<end]
        where scalar.value >= 0x2000 || table[Int(scalar.value)] & 0x8000_0000 != 0 {
          let key = text(start, end).lowercased()
          return (key, Self.hash(key))
        }
      }
      var hash = PhraseKey.seed
      let key = String(unsafeUninitializedCapacity: (end - start) * 4) { buffer in
        var count = 0
        for scalar in source[start..<end] {
          let value = lowercased ? table[Int(scalar.value)] & 0x1F_FFFF : scalar.value
          hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
          UTF8.encode(Unicode.Scalar(value)!) { byte in
            buffer[count] = byte
            count += 1
          }
        }
        return count
      }
      return (key, hash)
    }
  }

  /// The text's scalars: a copy of those the segmenter decoded when it handed them over with
  /// the sentences (`Sentence.textScalars`, the same text from its first scalar), else
  /// decoded from the text's UTF-8.
  static func scalars(of text: String, handedOver values: [UInt32]) -> [Unicode.Scalar] {
    guard !values.isEmpty else { return scalars(of: text) }
    assert(values.count == UTF8Scalars.count(text), "scalars handed over for another text")
    return values.withUnsafeBytes { source in
      [Unicode.Scalar](unsafeUninitializedCapacity: values.count) { buffer, count in
        // A `Unicode.Scalar` is its `UInt32` value, and the segmenter decoded valid UTF-8.
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
        count = values.count
      }
    }
  }

  /// The text's scalars, decoded from its UTF-8 in one pass.
  static func scalars(of text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { bytes in
      [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
        guard let input = bytes.baseAddress, let output = buffer.baseAddress else { return }
        // Counters in locals, not in `count`: the loop keeps them in registers.
        let size = bytes.count
        var offset = 0
        var written = 0
        while offset < size {
          let lead = input[offset]
          if lead < 0x80 {
            output[written] = Unicode.Scalar(lead)
            written += 1
            offset += 1
            continue
          }
          // Vietnamese letters take two or three bytes: decoded here, not by a call.
          if lead < 0xE0, offset + 2 <= size {
            let value = UInt32(lead & 0x1F) << 6 | UInt32(input[offset + 1] & 0x3F)
            output[written] = unsafeBitCast(value, to: Unicode.Scalar.self)
            written += 1
            offset += 2
            continue
          }
          if lead >= 0xE0, lead < 0xF0, offset + 3 <= size {
            let value =
              UInt32(lead & 0x0F) << 12 | UInt32(input[offset + 1] & 0x3F) << 6
              | UInt32(input[offset + 2] & 0x3F)
            output[written] = unsafeBitCast(value, to: Unicode.Scalar.self)
            written += 1
            offset += 3
            continue
          }
          let (value, length) = UTF8Scalars.decode(bytes, at: offset)
          // Valid UTF-8 (a `String`'s) decodes to valid scalars.
          output[written] = unsafeBitCast(value, to: Unicode.Scalar.self)
          written += 1
          offset += length
        }
        count = written
      }
    }
  }

  /// The key of a piece as a 64-bit hash of its scalars (FNV-1a), for look-ups that allocate
  /// nothing; a phrase's hash combines its words' hashes (`PhraseKey.combine`).
  static func hash(_ key: String) -> UInt64 {
    var hash = PhraseKey.seed
    for scalar in key.unicodeScalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
    return hash
  }

  /// The hash of a phrase of words joined by single spaces ("đảng viên").
  static func phraseHash(_ phrase: String) -> UInt64 {
    let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
    var hash = Self.hash(String(words[0]))
    for word in words.dropFirst() { hash = PhraseKey.combine(hash, Self.hash(String(word))) }
    return hash
  }

  /// Below U+2000, per scalar: bits 0–20 the one-scalar lowercase mapping, bit 31 set when the
  /// mapping is not one scalar, bit 30 uppercase, bit 29 a letter (`isLetter`).
  /// The lowercase mapping (a string: the costliest property) is asked only of the scalars
  /// that change when lowercased; every other scalar maps to itself.
  private static let caseTable: [UInt32] = (0..<0x2000).map { value in
    guard let scalar = Unicode.Scalar(UInt32(value)) else { return UInt32(value) }
    let properties = scalar.properties
    var entry = UInt32(value)
    if properties.changesWhenLowercased {
      let mapped = properties.lowercaseMapping.unicodeScalars
      entry = mapped.count == 1 ? mapped.first!.value : (0x8000_0000 | UInt32(value))
    }
    if properties.isUppercase { entry |= 0x4000_0000 }
    if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
      entry |= 0x2000_0000
    }
    return entry
  }

  func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x2000 ? table[Int(scalar.value)] & 0x4000_0000 != 0 : scalar.properties.isUppercase
  }

  /// `hash(text.lowercased())` without building the lowercase string.
  static func lowercaseHash(_ text: String) -> UInt64 {
    let table = caseTable
    var hash = PhraseKey.seed
    for scalar in text.unicodeScalars {
      guard scalar.value < 0x2000, table[Int(scalar.value)] & 0x8000_0000 == 0 else {
        return Self.hash(text.lowercased())
      }
      hash = (hash ^ UInt64(table[Int(scalar.value)] & 0x1F_FFFF)) &* 0x100_0000_01b3
    }
    return hash
  }

  /// The scalars of `regions` of `scalars` that are among `initials` (the uppercase first
  /// letters of the names searched), each as its value (high 32 bits) and offset (low 32
  /// bits), sorted: by value, then offset.
  static func uppercaseStarts(
    _ scalars: [Unicode.Scalar], in regions: [Range<Int>], initials: Attribution.Initials
  ) -> [UInt64] {
    var starts: [UInt64] = []
    scalars.withUnsafeBufferPointer { scalars in
      initials.bits.withUnsafeBufferPointer { bits in
        guard let base = scalars.baseAddress, let bits = bits.baseAddress else { return }
        for region in regions where region.upperBound <= scalars.count {
          // A pointer walk: the loop keeps its few values in registers.
          var cursor = base + region.lowerBound
          let end = base + region.upperBound
          while cursor < end {
            let value = cursor.pointee.value
            // ASCII (most of the text): only a capital A–Z among the initials counts.
            let listed =
              value < 0x80
              ? value &- 0x41 < 26 && initials.asciiCapitals >> (value &- 0x41) & 1 != 0
              : value < 0x2000
                ? bits[Int(value >> 6)] >> (value & 63) & 1 != 0 : initials.others.contains(value)
            if listed { starts.append(UInt64(value) << 32 | UInt64(cursor - base)) }
            cursor += 1
          }
        }
      }
    }
    starts.sort()
    return starts
  }

  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x2000 ? caseTable[Int(scalar.value)] & 0x4000_0000 != 0 : scalar.properties.isUppercase
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }
    if scalar.value < 0x2000 { return caseTable[Int(scalar.value)] & 0x2000_0000 != 0 }
    return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
  }
}
