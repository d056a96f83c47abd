/// Puts back the capitals TCVN3 cannot write. VN3 has no capital with a tone mark (Ấ, Ủ, Ở…):
/// documents wrote them with the lowercase code (in a capitals font), so decoded text reads
/// "ủy ban" for "Ủy ban", "THU HOạCH" for "THU HOẠCH". Two contexts tell the case back:
/// - a line (or a word of at least two capitals) whose only lowercase letters are toned
///   vowels is written in capitals: "THU HOạCH" → "THU HOẠCH", "XÃ ĐÃ" stays right;
/// - a sentence starts with a capital: the first letter of the text, of a sentence after
///   . ? ! and of a line that does not continue the previous one (which ended in a lowercase
///   letter or a comma): "ông Khải nói." → "Ông Khải nói.".
/// Capitals inside a sentence ("theo ủy ban") cannot be told from lowercase and stay lowercase.
enum TCVN3Capitals {
  /// The text with capitals restored, and how many letters changed.
  static func restore(_ text: String) -> (text: String, restored: Int) {
    var scalars = Array(text.unicodeScalars)
    var restored = 0
    var lineStart = 0
    while lineStart < scalars.count {
      var lineEnd = lineStart
      while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
      restored += restoreLine(&scalars, lineStart..<lineEnd)
      lineStart = lineEnd + 1
    }
    restored += restoreSentenceStarts(&scalars)
    guard restored > 0 else { return (text, 0) }
    return (String(String.UnicodeScalarView(scalars)), restored)
  }

  /// Letter classes, from one flat table over Latin (U+0000–U+024F) and Latin Extended
  /// Additional (U+1E00–U+1EFF): Unicode property lookups per scalar cost more than decoding.
  private enum Class: UInt8 {
    case other = 0, lowercase, uppercase, caseless, space
  }

  private static let latinClasses: [UInt8] = classes(0..<0x250)
  private static let extendedClasses: [UInt8] = classes(0x1E00..<0x1F00)

  private static func classes(_ range: Range<UInt32>) -> [UInt8] {
    range.map { value in
      let scalar = Unicode.Scalar(value)!
      let properties = scalar.properties
      let letterClass: Class =
        if let vowel = VietnameseLetter.vowel(scalar), !vowel.uppercase, vowel.tone != .level {
          .caseless
        } else if properties.isWhitespace {
          .space
        } else if properties.isUppercase {
          .uppercase
        } else if properties.isLowercase {
          .lowercase
        } else if properties.isAlphabetic {
          .lowercase  // a letter without case counts as lowercase: it is not a capital
        } else {
          .other
        }
      return letterClass.rawValue
    }
  }

  @inline(__always) private static func letterClass(_ scalar: Unicode.Scalar) -> Class {
    let value = scalar.value
    let raw: UInt8
    if value < 0x250 {
      raw = latinClasses[Int(value)]
    } else if value >= 0x1E00 && value < 0x1F00 {
      raw = extendedClasses[Int(value - 0x1E00)]
    } else {
      let properties = scalar.properties
      return properties.isWhitespace ? .space : properties.isUppercase ? .uppercase
        : properties.isAlphabetic ? .lowercase : .other
    }
    return Class(rawValue: raw)!
  }

  /// A lowercase vowel with a tone mark: the letters TCVN3 writes for both cases.
  static func isCaseless(_ scalar: Unicode.Scalar) -> Bool { letterClass(scalar) == .caseless }

  private static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    guard let vowel = VietnameseLetter.vowel(scalar) else { return scalar }
    return VietnameseLetter.compose(base: vowel.base, tone: vowel.tone, uppercase: true) ?? scalar
  }

  private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { letterClass(scalar) == .uppercase }
  private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { letterClass(scalar) == .lowercase }
  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { letterClass(scalar) == .space }
  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch letterClass(scalar) {
    case .lowercase, .uppercase, .caseless: true
    case .other, .space: false
    }
  }

  /// Capitals in all-capital lines and words.
  private static func restoreLine(_ scalars: inout [Unicode.Scalar], _ line: Range<Int>) -> Int {
    var capitals = 0
    var caseless = 0
    var lowercase = 0
    for scalar in scalars[line] {
      if isCaseless(scalar) {
        caseless += 1
      } else if isLowercase(scalar) {
        lowercase += 1
      } else if isUppercase(scalar) {
        capitals += 1
      }
    }
    guard caseless > 0 else { return 0 }
    if lowercase == 0 && capitals >= 2 {
      for index in line where isCaseless(scalars[index]) { scalars[index] = upper(scalars[index]) }
      return caseless
    }
    // Word by word: HOạCH, CáC (two capitals at least: "Bà" is a capitalized word).
    var restored = 0
    var index = line.lowerBound
    while index < line.upperBound {
      guard isLetter(scalars[index]) else {
        index += 1
        continue
      }
      var end = index
      var wordCapitals = 0
      var wordLowercase = 0
      while end < line.upperBound && isLetter(scalars[end]) {
        if isCaseless(scalars[end]) {
        } else if isLowercase(scalars[end]) {
          wordLowercase += 1
        } else if isUppercase(scalars[end]) {
          wordCapitals += 1
        }
        end += 1
      }
      if wordCapitals >= 2 && wordLowercase == 0 {
        for letter in index..<end where isCaseless(scalars[letter]) {
          scalars[letter] = upper(scalars[letter])
          restored += 1
        }
      }
      index = end
    }
    return restored
  }

  /// Capitals at sentence starts.
  private static func restoreSentenceStarts(_ scalars: inout [Unicode.Scalar]) -> Int {
    var restored = 0
    var sentenceStart = true
    var lastVisible: Unicode.Scalar = "."
    for index in scalars.indices {
      let scalar = scalars[index]
      if scalar == "\n" {
        // A new line starts a sentence unless the previous line was cut mid-sentence.
        sentenceStart = !(lastVisible == "," || isLowercase(lastVisible))
        continue
      }
      if isLetter(scalar) {
        if sentenceStart && isCaseless(scalar) {
          scalars[index] = upper(scalar)
          restored += 1
        }
        sentenceStart = false
      } else if scalar == "." || scalar == "?" || scalar == "!" {
        sentenceStart = index + 1 < scalars.count && isSpace(scalars[index + 1])
      } else if !isSpace(scalar) && scalar != "\"" && scalar != "“" && scalar != "(" {
        sentenceStart = false
      }
      if !isSpace(scalar) { lastVisible = scalar }
    }
    return restored
  }
}
