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
    // Classify every scalar once; the rules below read only these classes.
    let (latin, extended) = (latinClasses, extendedClasses)
    var classes = [Class](repeating: .other, count: scalars.count)
    for index in scalars.indices {
      classes[index] = letterClass(scalars[index], latin, extended)
    }
    var restored = 0
    var lineStart = 0
    while lineStart < scalars.count {
      var lineEnd = lineStart
      while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
      restored += restoreLine(&scalars, &classes, lineStart..<lineEnd)
      lineStart = lineEnd + 1
    }
    restored += restoreSentenceStarts(&scalars, classes)
    guard restored > 0 else { return (text, 0) }
    return (String(String.UnicodeScalarView(scalars)), restored)
  }

  /// Letter classes, from one flat table over Latin (U+0000–U+024F) and Latin Extended
  /// Additional (U+1E00–U+1EFF): Unicode property lookups per scalar cost more than decoding.
  enum Class: UInt8 {
    case other = 0, lowercase, uppercase, caseless, space

    var isLetter: Bool { self == .lowercase || self == .uppercase || self == .caseless }
  }

  private static let latinClasses: [Class] = classes(0..<0x250)
  private static let extendedClasses: [Class] = classes(0x1E00..<0x1F00)

  private static func classes(_ range: Range<UInt32>) -> [Class] {
    range.map { value in
      let scalar = Unicode.Scalar(value)!
      let properties = scalar.properties
      if let vowel = VietnameseLetter.vowel(scalar), !vowel.uppercase, vowel.tone != .level {
        return .caseless
      }
      if properties.isWhitespace { return .space }
      if properties.isUppercase { return .uppercase }
      // A letter without case counts as lowercase: it is not a capital.
      if properties.isLowercase || properties.isAlphabetic { return .lowercase }
      return .other
    }
  }

  @inline(__always) private static func letterClass(
    _ scalar: Unicode.Scalar, _ latin: [Class], _ extended: [Class]
  ) -> Class {
    let value = scalar.value
    if value < 0x250 { return latin[Int(value)] }
    if value >= 0x1E00 && value < 0x1F00 { return extended[Int(value - 0x1E00)] }
    let properties = scalar.properties
    return properties.isWhitespace ? .space : properties.isUppercase ? .uppercase
      : properties.isAlphabetic ? .lowercase : .other
  }

  /// A lowercase vowel with a tone mark: the letters TCVN3 writes for both cases.
  static func isCaseless(_ scalar: Unicode.Scalar) -> Bool {
    letterClass(scalar, latinClasses, extendedClasses) == .caseless
  }

  private static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    guard let vowel = VietnameseLetter.vowel(scalar) else { return scalar }
    return VietnameseLetter.compose(base: vowel.base, tone: vowel.tone, uppercase: true) ?? scalar
  }

  private static func capitalize(
    _ index: Int, _ scalars: inout [Unicode.Scalar], _ classes: inout [Class]
  ) {
    scalars[index] = upper(scalars[index])
    classes[index] = .uppercase
  }

  /// Capitals in all-capital lines and words.
  private static func restoreLine(
    _ scalars: inout [Unicode.Scalar], _ classes: inout [Class], _ line: Range<Int>
  ) -> Int {
    var capitals = 0
    var caseless = 0
    var lowercase = 0
    for index in line {
      switch classes[index] {
      case .caseless: caseless += 1
      case .lowercase: lowercase += 1
      case .uppercase: capitals += 1
      case .other, .space: break
      }
    }
    guard caseless > 0 else { return 0 }
    if lowercase == 0 && capitals >= 2 {
      for index in line where classes[index] == .caseless { capitalize(index, &scalars, &classes) }
      return caseless
    }
    // Word by word: HOạCH, CáC (two capitals at least: "Bà" is a capitalized word).
    var restored = 0
    var index = line.lowerBound
    while index < line.upperBound {
      guard classes[index].isLetter else {
        index += 1
        continue
      }
      var end = index
      var wordCapitals = 0
      var wordLowercase = 0
      while end < line.upperBound && classes[end].isLetter {
        if classes[end] == .lowercase { wordLowercase += 1 }
        if classes[end] == .uppercase { wordCapitals += 1 }
        end += 1
      }
      if wordCapitals >= 2 && wordLowercase == 0 {
        for letter in index..<end where classes[letter] == .caseless {
          capitalize(letter, &scalars, &classes)
          restored += 1
        }
      }
      index = end
    }
    return restored
  }

  /// Capitals at sentence starts.
  private static func restoreSentenceStarts(_ scalars: inout [Unicode.Scalar], _ classes: [Class])
    -> Int
  {
    var restored = 0
    var sentenceStart = true
    var lastVisible: (scalar: Unicode.Scalar, lowercase: Bool) = (".", false)
    for index in scalars.indices {
      let scalar = scalars[index]
      let letterClass = classes[index]
      if scalar == "\n" {
        // A new line starts a sentence unless the previous line was cut mid-sentence.
        sentenceStart = !(lastVisible.scalar == "," || lastVisible.lowercase)
        continue
      }
      if letterClass.isLetter {
        if sentenceStart && letterClass == .caseless {
          scalars[index] = upper(scalar)
          restored += 1
        }
        sentenceStart = false
      } else if scalar == "." || scalar == "?" || scalar == "!" {
        sentenceStart = index + 1 < scalars.count && classes[index + 1] == .space
      } else if letterClass != .space && scalar != "\"" && scalar != "“" && scalar != "(" {
        sentenceStart = false
      }
      if letterClass != .space {
        lastVisible = (scalars[index], letterClass == .lowercase || letterClass == .caseless)
      }
    }
    return restored
  }
}
