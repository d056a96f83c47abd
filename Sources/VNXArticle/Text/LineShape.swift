import VNXText

/// What a line of a page looks like, measured once: the features the boilerplate rules use
/// (length, sentence punctuation, separators, digits, capitals, stop-word density).
///
///     LineShape("Trang chủ | Giới thiệu | Liên hệ").separators   // 2
struct LineShape: Sendable, Equatable {
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
  /// Whether every scalar of the line is a `Character` of its own
  /// (`UTF8Search.scalarsAreCharacters`), measured in the same pass.
  let scalarsAreCharacters: Bool
  /// Whether `lowered` has the line's byte offsets: every scalar's lowercase has its length.
  let loweredInPlace: Bool

  /// Measures a line in one pass over its UTF-8 bytes: counts, the lowercase form, the words
  /// and their stop words. Letter classes and lowercase forms come from `LetterCase`'s tables.
  /// The lowercase form is a copy of the line changed in place, scalar by scalar: a Vietnamese
  /// capital and its small letter have UTF-8 forms of one length. A line with a scalar whose
  /// lowercase is longer or shorter ("İ", "K") is lowercased again by `LetterCase.lowercased`
  /// and its words found in a second pass over that.
  init(_ text: String, lexicon: ArticleLexicon = .shared) {
    self.init(text, lexicon: lexicon, inOnePass: true)
  }

  /// With `inOnePass: false`, the words are found in a second pass over the lowercased line,
  /// as for a line whose lowercase changes length (tests compare both).
  init(_ text: String, lexicon: ArticleLexicon, inOnePass: Bool) {
    self.text = text
    var counts = Counts()
    var lowered: [UInt8] = []
    var words: [Range<Int>] = []
    var endsSentence = false
    let stopWordSet = lexicon.stopWords
    var copy = text
    copy.withUTF8 { bytes in
      // A word takes a byte and a space at least.
      let capacity = inOnePass ? min((bytes.count + 1) / 2, Self.wordLimit) : 0
      // The arrays are made by copying (specialized code), not with
      // `init(unsafeUninitializedCapacity:)`, whose allocation asks the runtime for the
      // storage type each time (hundreds of instructions per line).
      lowered = Array(bytes)
      withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: max(capacity, 1)) { scratch in
        let wordBuffer = UnsafeMutableBufferPointer(rebasing: scratch[..<capacity])
        lowered.withUnsafeMutableBufferPointer { output in
          counts = Self.measure(bytes, lowering: output, words: inOnePass ? wordBuffer : nil, stopWords: stopWordSet)
        }
        words = Array(UnsafeBufferPointer(rebasing: scratch[..<counts.words]))
      }
      if !counts.sameLengths { lowered = LetterCase.lowercased(bytes) }
      endsSentence = Self.endsSentence(bytes)
    }
    self.scalars = counts.scalars
    self.letters = counts.letters
    self.uppercaseLetters = counts.uppercase
    self.digits = counts.digits
    self.separators = counts.separators
    self.endsSentence = endsSentence
    self.scalarsAreCharacters = counts.scalarsAreCharacters
    self.loweredInPlace = counts.sameLengths
    // Rules look at the words of short lines only; a long line's stop-word density is read
    // from its first words, so a 10 MB paragraph costs no more than a short one.
    let whole = counts.spaceWords <= Self.wordLimit
    if !inOnePass || !counts.wordsTaken {
      let end = whole ? lowered.count : Self.startOfWord(Self.wordLimit, in: lowered)
      words = Self.words(in: lowered, upTo: end, capacity: min(counts.spaceWords, Self.wordLimit))
      counts.stopWords = 0
      for word in words where stopWordSet.contains(lowered[word]) { counts.stopWords += 1 }
    }
    self.words = words
    self.wordCount = whole ? words.count : counts.spaceWords
    self.stopWords = counts.stopWords
    self.lowered = lowered
  }

  /// What `measure` counts.
  private struct Counts {
    var scalars = 0
    var letters = 0
    var uppercase = 0
    var digits = 0
    var separators = 0
    var spaceWords = 0
    var words = 0
    var stopWords = 0
    /// Whether every scalar's lowercase has the length of the scalar (`output` then holds the
    /// lowercased line).
    var sameLengths = true
    /// Whether the words were found (not when the lowercase changed length, nor when tabs
    /// split more words than the buffer holds).
    var wordsTaken = true
    /// `UTF8Search.scalarsAreCharacters` of the line.
    var scalarsAreCharacters = true
  }

  /// The counts of a line and its lowercase form written over `output` (a copy of `bytes`);
  /// when a buffer is given, its words (split at spaces and tabs, punctuation trimmed) among
  /// the first `wordLimit` space-separated words, with the stop words among them.
  private static func measure(
    _ bytes: UnsafeBufferPointer<UInt8>, lowering output: UnsafeMutableBufferPointer<UInt8>,
    words: UnsafeMutableBufferPointer<Range<Int>>?, stopWords stopWordSet: ByteStringSet
  ) -> Counts {
    let table = LetterCase.table
    return table.classes.withUnsafeBufferPointer { classes in
      table.lower.withUnsafeBufferPointer { lower in
        measure(bytes, output, words, stopWordSet, classes, lower)
      }
    }
  }

  /// `measure(_:lowering:words:stopWords:)` with `LetterCase`'s tables at hand. One loop per
  /// space-separated word; a word's punctuation is trimmed once it ends.
  ///
  /// The small ASCII letters that make most of Vietnamese text only move the cursor: nothing
  /// is counted for them in the loop. The scalars are the bytes less the continuation bytes,
  /// the letters the scalars less those that are no letter; both are worked out at the end.
  /// With a counter bumped per byte, LLVM kept it in several stack slots and stored each
  /// (about 25 instructions a letter); now the letter loop is five.
  private static func measure(
    _ bytes: UnsafeBufferPointer<UInt8>, _ output: UnsafeMutableBufferPointer<UInt8>,
    _ wordBuffer: UnsafeMutableBufferPointer<Range<Int>>?, _ stopWordSet: ByteStringSet,
    _ classes: UnsafeBufferPointer<LetterCase.Class>, _ lower: UnsafeBufferPointer<UInt32>
  ) -> Counts {
    let count = bytes.count
    var counts = Counts()
    guard count > 0, let base = bytes.baseAddress, let out = output.baseAddress else { return counts }
    let words = wordBuffer ?? UnsafeMutableBufferPointer(start: nil, count: 0)
    var collecting = wordBuffer != nil
    var wordsTaken = collecting
    let lowered = UnsafeBufferPointer(output)
    // Bytes after the first of each scalar; scalars that are no letter.
    var continuationBytes = 0
    var notLetters = 0
    var uppercase = 0
    var digits = 0
    var separators = 0
    var spaceWords = 0
    var wordCount = 0
    var stopWords = 0
    var sameLengths = true
    var plainScalars = true
    var index = 0
    while index < count {
      if base[index] == 0x20 {
        let spaces = index
        repeat { index &+= 1 } while index < count && base[index] == 0x20
        notLetters &+= index &- spaces
        continue
      }
      spaceWords &+= 1
      if spaceWords > wordLimit { collecting = false }
      var wordStart = index
      while index < count {
        let byte = base[index]
        if byte &- 0x61 < 26 {
          index &+= 1
          continue
        }
        if byte < 0x80 {
          if byte == 0x20 { break }
          index &+= 1
          switch byte {
          case 0x41...0x5A:
            uppercase &+= 1
            out[index &- 1] = byte | 0x20
          case 0x30...0x39:
            digits &+= 1
            notLetters &+= 1
          case 0x7C, 0x3E:
            separators &+= 1
            notLetters &+= 1
          case 0x09:
            notLetters &+= 1
            if collecting, wordStart < index &- 1 {
              if !take(wordStart, index &- 1, lowered, words, &wordCount, &stopWords, stopWordSet) {
                wordsTaken = false
                collecting = false
              }
            }
            wordStart = index
          case 0x0D:
            notLetters &+= 1
            plainScalars = false
          default:
            notLetters &+= 1
          }
          continue
        }
        let value: UInt32
        let length: Int
        if byte < 0xE0, index &+ 1 < count {
          value = UInt32(byte & 0x1F) << 6 | UInt32(base[index &+ 1] & 0x3F)
          length = 2
        } else if byte < 0xF0, index &+ 2 < count {
          value = UInt32(byte & 0x0F) << 12 | UInt32(base[index &+ 1] & 0x3F) << 6 | UInt32(base[index &+ 2] & 0x3F)
          length = 3
        } else {
          (value, length) = UTF8Scalars.decode(bytes, at: index)
        }
        continuationBytes &+= length &- 1
        // As `UTF8Search.scalarsAreCharacters`: Latin to U+02FF, U+1E00–U+1EFF, U+2000–U+207F
        // but the joiners.
        if value >= 0x300, !(value >= 0x1E00 && value < 0x1F00),
          !(value >= 0x2000 && value < 0x2080 && value != 0x200C && value != 0x200D)
        {
          plainScalars = false
        }
        let mapped: UInt32
        let kind: UInt8
        if value < LetterCase.tableLimit {
          kind = classes[Int(value)].rawValue
          mapped = lower[Int(value)]
        } else {
          kind = LetterCase.of(value).rawValue
          mapped = LetterCase.lower(value)
        }
        // Added, not branched on: `letter` is bit 0, `uppercase` bit 1.
        uppercase &+= Int(kind & kind &>> 1 & 1)
        if kind & 1 == 0 {
          notLetters &+= 1
          // »  ·  ›  • (no letters).
          if value == 0xBB || value == 0xB7 || value == 0x203A || value == 0x2022 { separators &+= 1 }
        }
        if mapped != value, sameLengths {
          if mapped != LetterCase.several, utf8Length(mapped) == length {
            _ = UTF8Scalars.write(mapped, to: out + index)
          } else {
            sameLengths = false
            wordsTaken = false
            collecting = false
          }
        }
        index &+= length
      }
      if collecting, wordStart < index {
        if !take(wordStart, index, lowered, words, &wordCount, &stopWords, stopWordSet) {
          wordsTaken = false
          collecting = false
        }
      }
    }
    counts.scalars = count &- continuationBytes
    counts.letters = counts.scalars &- notLetters
    counts.uppercase = uppercase
    counts.digits = digits
    counts.separators = separators
    counts.spaceWords = spaceWords
    counts.words = wordCount
    counts.stopWords = stopWords
    counts.sameLengths = sameLengths
    counts.wordsTaken = wordsTaken
    counts.scalarsAreCharacters = plainScalars
    return counts
  }

  /// Adds the word of `lowered[start..<end]` without its punctuation, if any is left, to
  /// `words`, counting it when it is a stop word; false when the buffer is full.
  @inline(__always)
  private static func take(
    _ start: Int, _ end: Int, _ lowered: UnsafeBufferPointer<UInt8>, _ words: UnsafeMutableBufferPointer<Range<Int>>,
    _ wordCount: inout Int, _ stopWords: inout Int, _ stopWordSet: ByteStringSet
  ) -> Bool {
    var word = start..<end
    // Most words open and close with a letter: nothing to trim.
    if !(isLetterOrDigit(lowered[start]) && isLetterOrDigit(lowered[end &- 1])) {
      word = UTF8Scalars.trimmed(word, in: lowered, isTrimmed)
      guard !word.isEmpty else { return true }
    }
    guard wordCount < words.count else { return false }
    words[wordCount] = word
    wordCount &+= 1
    // Wrapping operators: the word holds 1 byte or more, within the line.
    let length = word.upperBound &- word.lowerBound
    let isStopWord: Bool
    if length <= 8, word.lowerBound &+ 8 <= lowered.count, lowered[word.upperBound &- 1] != 0 {
      // The word's bytes in one load, as `ByteStringSet.packed` lays them out.
      let loaded = UnsafeRawPointer(lowered.baseAddress! + word.lowerBound).loadUnaligned(as: UInt64.self)
      let key = loaded & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* length))
      isStopWord = stopWordSet.containsShort(UInt64(littleEndian: key))
    } else {
      isStopWord = stopWordSet.contains(UnsafeBufferPointer(rebasing: lowered[word]))
    }
    if isStopWord { stopWords &+= 1 }
    return true
  }

  /// An ASCII letter or digit, or the lead byte of a Vietnamese letter (U+00C0–U+01B0,
  /// U+1EA0–U+1EF9): never trimmed from a word's end.
  @inline(__always)
  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0xC3, 0xC4, 0xC6: true
    default: false
    }
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
