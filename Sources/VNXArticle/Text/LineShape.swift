import VNXText

/// What a line of a page looks like, measured once: the features the boilerplate rules use
/// (length, sentence punctuation, separators, digits, capitals, stop-word density).
///
///     LineShape("Trang chủ | Giới thiệu | Liên hệ").separators   // 2
struct LineShape: Sendable {
  let text: String
  /// The UTF-8 bytes of the lowercased line.
  let lowered: [UInt8]
  /// Byte ranges in `lowered` of the space-separated words, punctuation trimmed at both ends
  /// (of the first `wordLimit` words only).
  let words: [Range<Int>]
  let scalars: Int
  let letters: Int
  let uppercaseLetters: Int
  let digits: Int
  let stopWords: Int
  /// Menu separators: `|`, `»`, `›`, `>`, `•`, `·`.
  let separators: Int
  /// Ends like a sentence: `.`, `!`, `?`, `…`, `"`, `”`, `)` after a full stop, `./.`.
  let endsSentence: Bool
  /// Words in the whole line.
  let wordCount: Int

  /// Measures a line in one pass over its UTF-8 bytes (plus one over its lowercased words);
  /// letter classes and lowercase forms come from `LetterCase`'s tables. The lowercase form is
  /// a copy of the line changed in place, scalar by scalar: a Vietnamese capital and its small
  /// letter have UTF-8 forms of one length. A line with a scalar whose lowercase is longer or
  /// shorter ("İ", "K") is lowercased again by `LetterCase.lowercased`.
  init(_ text: String, lexicon: ArticleLexicon = .shared) {
    self.text = text
    var scalars = 0
    var letters = 0
    var uppercase = 0
    var digits = 0
    var separators = 0
    var spaceWords = 0
    var lowered: [UInt8] = []
    var endsSentence = false
    var copy = text
    copy.withUTF8 { bytes in
      let table = LetterCase.table
      var sameLengths = true
      lowered = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, initialized in
        _ = output.initialize(from: bytes)
        initialized = bytes.count
        var index = 0
        var inWord = false
        while index < bytes.count {
          let byte = bytes[index]
          scalars += 1
          if byte < 0x80 {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x41...0x5A:
              letters += 1
              uppercase += 1
              output[index] = byte | 0x20
            case 0x61...0x7A: letters += 1
            case 0x7C, 0x3E: separators += 1
            default: break
            }
            let isSpace = byte == 0x20
            if !isSpace, !inWord { spaceWords += 1 }
            inWord = !isSpace
            index += 1
            continue
          }
          let (value, length) = UTF8Scalars.decode(bytes, at: index)
          switch value {
          case 0xBB, 0x203A, 0x2022, 0xB7: separators += 1
          default:
            let kind = value < LetterCase.tableLimit ? table.classes[Int(value)] : LetterCase.of(value)
            if kind.contains(.letter) {
              letters += 1
              if kind.contains(.uppercase) { uppercase += 1 }
            }
          }
          if !inWord { spaceWords += 1 }
          inWord = true
          let mapped = value < LetterCase.tableLimit ? table.lower[Int(value)] : LetterCase.lower(value)
          if mapped != value, sameLengths {
            if mapped != LetterCase.several, Self.utf8Length(mapped) == length {
              _ = UTF8Scalars.write(mapped, to: output.baseAddress! + index)
            } else {
              sameLengths = false
            }
          }
          index += length
        }
      }
      if !sameLengths { lowered = LetterCase.lowercased(bytes) }
      endsSentence = Self.endsSentence(bytes)
    }
    self.scalars = scalars
    self.letters = letters
    self.uppercaseLetters = uppercase
    self.digits = digits
    self.separators = separators
    self.endsSentence = endsSentence
    // Rules look at the words of short lines only; a long line's stop-word density is read
    // from its first words, so a 10 MB paragraph costs no more than a short one.
    let whole = spaceWords <= Self.wordLimit
    let end = whole ? lowered.count : Self.startOfWord(Self.wordLimit, in: lowered)
    let words = Self.words(in: lowered, upTo: end, capacity: min(spaceWords, Self.wordLimit))
    self.words = words
    self.wordCount = whole ? words.count : spaceWords
    var stopWords = 0
    for word in words where lexicon.stopWords.contains(lowered[word]) { stopWords += 1 }
    self.stopWords = stopWords
    self.lowered = lowered
  }

  static let wordLimit = 400

  @inline(__always) private static func utf8Length(_ value: UInt32) -> Int {
    value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
  }

  /// Stop words per word (over the first words); prose sits around 0.2–0.35, menus near 0.
  var stopWordDensity: Double { words.isEmpty ? 0 : Double(stopWords) / Double(words.count) }

  /// The lowercased bytes of the `index`-th word.
  func word(_ index: Int) -> ArraySlice<UInt8> { lowered[words[index]] }

  /// The byte offset where the word after the first `count` space-separated words starts.
  private static func startOfWord(_ count: Int, in bytes: [UInt8]) -> Int {
    var seen = 0
    var inWord = false
    for (index, byte) in bytes.enumerated() {
      let isSpace = byte == 0x20
      if !isSpace, !inWord {
        seen += 1
        if seen > count { return index }
      }
      inWord = !isSpace
    }
    return bytes.count
  }

  /// Whether a scalar is punctuation trimmed from both ends of a word:
  /// `, . : ; ! ? ( ) " “ ” ' ‘ ’ [ ] … - – — / | « »`.
  @inline(__always)
  static func isTrimmed(_ value: UInt32) -> Bool {
    switch value {
    case 0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F, 0x28, 0x29, 0x22, 0x27, 0x5B, 0x5D, 0x2D, 0x2F, 0x7C:
      return true
    case 0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2013, 0x2014, 0xAB, 0xBB:
      return true
    default:
      return false
    }
  }

  /// Space-separated words of `bytes[..<end]` with punctuation trimmed, as byte ranges.
  static func words(in bytes: [UInt8], upTo end: Int, capacity: Int = 0) -> [Range<Int>] {
    var words: [Range<Int>] = []
    words.reserveCapacity(capacity)
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < end {
        while index < end, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        let start = index
        while index < end, buffer[index] != 0x20, buffer[index] != 0x09 { index += 1 }
        let word = UTF8Scalars.trimmed(start..<index, in: buffer, isTrimmed)
        if !word.isEmpty { words.append(word) }
      }
    }
    return words
  }

  /// Space-separated words with punctuation trimmed, lowercased (for tests and rare paths).
  static func words(of string: String) -> [String] {
    let bytes = LetterCase.lowercased(Array(string.utf8))
    return words(in: bytes, upTo: bytes.count).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  /// Whether the line ends like a sentence, read backwards from its last non-space scalar.
  private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
    guard end > 0 else { return false }
    let lastStart = UTF8Scalars.start(before: end, in: bytes)
    let last = UTF8Scalars.decode(bytes, at: lastStart).0
    switch last {
    case 0x2E, 0x21, 0x3F, 0x2026, 0x3B: return true
    case 0x22, 0x201D, 0x2019, 0xBB, 0x29:
      var before: UInt32?
      if lastStart > 0 { before = UTF8Scalars.decode(bytes, at: UTF8Scalars.start(before: lastStart, in: bytes)).0 }
      if let before, [0x2E, 0x21, 0x3F, 0x2026].contains(before) { return true }
      return last != 0x29
    default: return false
    }
  }

  /// Lines written in capitals: site names, section headings, some bylines.
  var isUppercase: Bool { letters >= 3 && uppercaseLetters * 10 >= letters * 9 }

  /// Long, punctuated prose with the function words of running Vietnamese text.
  var isProse: Bool {
    wordCount >= 15 && stopWordDensity >= 0.1 && separators * 4 < wordCount
  }
}
