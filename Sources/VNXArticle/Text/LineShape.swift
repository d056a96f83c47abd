/// What a line of a page looks like, measured once: the features the boilerplate rules use
/// (length, sentence punctuation, separators, digits, capitals, stop-word density).
///
///     LineShape("Trang chủ | Giới thiệu | Liên hệ").separators   // 2
struct LineShape: Sendable {
  let text: String
  /// Lowercased words, punctuation trimmed at both ends.
  let words: [Substring]
  let lowered: String
  let scalars: Int
  let letters: Int
  let uppercaseLetters: Int
  let digits: Int
  let stopWords: Int
  /// Menu separators: `|`, `»`, `›`, `>`, `•`, `·`.
  let separators: Int
  /// Ends like a sentence: `.`, `!`, `?`, `…`, `"`, `”`, `)` after a full stop, `./.`.
  let endsSentence: Bool

  init(_ text: String, lexicon: ArticleLexicon = .shared) {
    self.text = text
    let lowered = text.lowercased()
    self.lowered = lowered
    var scalars = 0
    var letters = 0
    var uppercase = 0
    var digits = 0
    var separators = 0
    for scalar in text.unicodeScalars {
      scalars += 1
      switch scalar.value {
      case 0x30...0x39: digits += 1
      case 0x41...0x5A:
        letters += 1
        uppercase += 1
      case 0x61...0x7A: letters += 1
      case 0x7C, 0xBB, 0x203A, 0x2022, 0xB7: separators += 1
      case 0x3E: separators += 1
      case 0x80...:
        if scalar.properties.isAlphabetic {
          letters += 1
          if scalar.properties.isUppercase { uppercase += 1 }
        }
      default: break
      }
    }
    self.scalars = scalars
    self.letters = letters
    self.uppercaseLetters = uppercase
    self.digits = digits
    self.separators = separators
    // Rules look at the words of short lines only; a long line's stop-word density is read
    // from its first words, so a 10 MB paragraph costs no more than a short one.
    let prefix = Self.prefix(of: text, words: Self.wordLimit)
    let whole = prefix.utf8.count == text.utf8.count
    self.words = Self.words(of: whole ? lowered : prefix.lowercased())
    self.wordCount = whole ? self.words.count : Self.countWords(text)
    self.stopWords = self.words.reduce(0) { $0 + (lexicon.stopWords.contains(String($1)) ? 1 : 0) }
    var end = text.unicodeScalars.reversed().drop(while: { $0 == " " }).makeIterator()
    var endsSentence = false
    if let last = end.next() {
      switch last {
      case ".", "!", "?", "…", ";": endsSentence = true
      case "\"", "”", "’", "»", ")":
        if let before = end.next() { endsSentence = [".", "!", "?", "…"].contains(before) }
        if !endsSentence, last != ")" { endsSentence = true }
      default: break
      }
    }
    self.endsSentence = endsSentence
  }

  /// Words in the whole line.
  let wordCount: Int

  static let wordLimit = 400

  /// Stop words per word (over the first words); prose sits around 0.2–0.35, menus near 0.
  var stopWordDensity: Double { words.isEmpty ? 0 : Double(stopWords) / Double(words.count) }

  /// The text up to its `words`-th space-separated word.
  static func prefix(of text: String, words limit: Int) -> Substring {
    var count = 0
    var inWord = false
    var index = text.startIndex
    for position in text.unicodeScalars.indices {
      let isSpace = text.unicodeScalars[position] == " "
      if !isSpace, !inWord {
        count += 1
        if count > limit { return text[text.startIndex..<position] }
      }
      inWord = !isSpace
      index = position
    }
    _ = index
    return text[...]
  }

  /// Punctuation trimmed from both ends of a word.
  static let trimmed: Set<Unicode.Scalar> = [
    ",", ".", ":", ";", "!", "?", "(", ")", "\"", "“", "”", "'", "‘", "’", "[", "]", "…", "-", "–",
    "—", "/", "|", "«", "»",
  ]

  /// Space-separated words with punctuation trimmed, scanned by Unicode scalar.
  static func words(of string: String) -> [Substring] {
    string.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { word in
      var word = word
      while let first = word.first, trimmed.contains(first) { word.removeFirst() }
      while let last = word.last, trimmed.contains(last) { word.removeLast() }
      return word.isEmpty ? nil : Substring(word)
    }
  }

  static func countWords(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
      let isSpace = byte == 0x20
      if !isSpace, !inWord { count += 1 }
      inWord = !isSpace
    }
    return count
  }

  /// Lines written in capitals: site names, section headings, some bylines.
  var isUppercase: Bool { letters >= 3 && uppercaseLetters * 10 >= letters * 9 }

  /// Long, punctuated prose with the function words of running Vietnamese text.
  var isProse: Bool {
    wordCount >= 15 && stopWordDensity >= 0.1 && separators * 4 < wordCount
  }
}
