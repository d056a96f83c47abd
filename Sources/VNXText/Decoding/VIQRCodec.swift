/// VIQR (RFC 1456): Vietnamese in plain ASCII, each mark written after its letter.
///
///     VIQRCodec.decode("Vie^.t Nam, DDa\\`ng")   // "Việt Nam, Đa`ng"
///     VIQRCodec.encode("Đường")                  // "DDu+o+`ng"
///
/// Vowel marks: `(` breve (ă), `^` circumflex (â ê ô), `+` horn (ơ ư); then tones:
/// `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng; `dd`/`DD` is đ/Đ. A backslash makes the
/// next mark character (or d, or a backslash) literal: "ha\\." is "ha." and not "hạ".
/// Decoding is greedy, as RFC 1456 reads it, except that a syllable takes one tone only (so
/// an unescaped "No^.i." still reads "Nội."); `encode` escapes every literal character a decoder
/// could take as a mark, so encode → decode is the identity.
public enum VIQRCodec {
  static func toneMark(_ scalar: Unicode.Scalar) -> Tone? {
    switch scalar {
    case "'": .acute
    case "`": .grave
    case "?": .hook
    case "~": .tilde
    case ".": .dot
    default: nil
    }
  }

  static func toneCharacter(_ tone: Tone) -> Unicode.Scalar? {
    switch tone {
    case .level: nil
    case .acute: "'"
    case .grave: "`"
    case .hook: "?"
    case .tilde: "~"
    case .dot: "."
    }
  }

  /// The base a vowel mark makes of a letter (lowercase), nil when it does not apply.
  static func marked(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
    switch (base, mark) {
    case ("a", "("): "ă"
    case ("a", "^"): "â"
    case ("e", "^"): "ê"
    case ("o", "^"): "ô"
    case ("o", "+"): "ơ"
    case ("u", "+"): "ư"
    default: nil
    }
  }

  static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y": true
    default: false
    }
  }

  static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "'", "`", "?", "~", ".", "(", "^", "+", "d", "D", "\\": true
    default: false
    }
  }

  private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
  }

  /// Every composed letter: index (base × 6 + tone) × 2 + capital, bases in
  /// `VietnameseLetter.vowelBases` order (a ă â e ê i o ô ơ u ư y).
  private static let letters: [Unicode.Scalar] = VietnameseLetter.vowelBases.flatMap { base in
    Tone.allCases.flatMap { tone in
      [false, true].map { VietnameseLetter.compose(base: base, tone: tone, uppercase: $0)! }
    }
  }

  /// The base index of an ASCII vowel (lowercase), and of it with a vowel mark byte.
  @inline(__always) private static func baseIndex(_ vowel: UInt8) -> Int {
    switch vowel {
    case 0x61: 0
    case 0x65: 3
    case 0x69: 5
    case 0x6F: 6
    case 0x75: 9
    default: 11  // y
    }
  }

  @inline(__always) private static func markedIndex(_ vowel: UInt8, _ mark: UInt8) -> Int? {
    switch (vowel, mark) {
    case (0x61, 0x28): 1  // a( ă
    case (0x61, 0x5E): 2  // a^ â
    case (0x65, 0x5E): 4  // e^ ê
    case (0x6F, 0x5E): 7  // o^ ô
    case (0x6F, 0x2B): 8  // o+ ơ
    case (0x75, 0x2B): 10  // u+ ư
    default: nil
    }
  }

  @inline(__always) private static func toneIndex(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x27: 2  // ' acute
    case 0x60: 1  // ` grave
    case 0x3F: 3  // ? hook
    case 0x7E: 4  // ~ tilde
    case 0x2E: 5  // . dot
    default: nil
    }
  }

  @inline(__always) private static func isEscapable(byte: UInt8) -> Bool {
    switch byte {
    case 0x27, 0x60, 0x3F, 0x7E, 0x2E, 0x28, 0x5E, 0x2B, 0x64, 0x44, 0x5C: true
    default: false
    }
  }

  /// Decodes VIQR text (already read as UTF-8) into Vietnamese letters.
  public static func decode(_ text: String) -> String {
    var text = text
    let letters = Self.letters
    return text.withUTF8 { input in
      // "a." (2 bytes) becomes ạ (3 bytes): output is at most 1.5 times the input.
      UTF8Writer.string(capacity: input.count * 2 + 4) { output in
        var index = 0
        // A syllable has one tone: once a letter of the word took one, tone characters after
        // its other vowels are literal ("No^.i." is "Nội.", not "Nộị").
        var wordHasTone = false
        var afterConsonant = false  // a vowel after a consonant may start a new syllable: HàNội
        while index < input.count {
          let byte = input[index]
          index += 1
          let next: UInt8 = index < input.count ? input[index] : 0
          if !(0x61...0x7A).contains(byte | 0x20) { wordHasTone = false }
          let wasAfterConsonant = afterConsonant
          afterConsonant = false
          switch byte {
          case 0x5C where isEscapable(byte: next):  // backslash: next is literal
            output.append(next)
            index += 1
          case _ where byte | 0x20 == 0x64 && next | 0x20 == 0x64:  // dd, DD: đ, Đ
            output.append(byte == 0x64 ? "đ" : "Đ")
            index += 1
            afterConsonant = true
          case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x41, 0x45, 0x49, 0x4F, 0x55, 0x59:
            let lower = byte | 0x20
            if wasAfterConsonant { wordHasTone = false }
            var base = baseIndex(lower)
            if let marked = markedIndex(lower, next) {
              base = marked
              index += 1
            }
            var tone = 0
            if !wordHasTone, index < input.count, let mark = toneIndex(input[index]) {
              tone = mark
              index += 1
              wordHasTone = true
            }
            output.append(letters[(base * 6 + tone) * 2 + (byte == lower ? 0 : 1)])
          default:
            output.append(byte)
            afterConsonant = (0x61...0x7A).contains(byte | 0x20)
          }
        }
      }
    }
  }

  /// Encodes text as VIQR; characters other than Vietnamese letters are kept as they are.
  public static func encode(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    // What the letter just written may still absorb: its base, and whether it has a tone.
    var open: (base: Unicode.Scalar, hasVowelMark: Bool, hasTone: Bool)?
    let scalars = Array(LegacyCodec.nfcScalars(text))
    for (index, scalar) in scalars.enumerated() {
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if let vowel = VietnameseLetter.vowel(scalar) {
        let plain: Unicode.Scalar
        var vowelMark: Unicode.Scalar?
        switch vowel.base {
        case "ă": (plain, vowelMark) = ("a", "(")
        case "â": (plain, vowelMark) = ("a", "^")
        case "ê": (plain, vowelMark) = ("e", "^")
        case "ô": (plain, vowelMark) = ("o", "^")
        case "ơ": (plain, vowelMark) = ("o", "+")
        case "ư": (plain, vowelMark) = ("u", "+")
        default: plain = vowel.base
        }
        output.append(vowel.uppercase ? Unicode.Scalar(UInt8(plain.value - 0x20)) : plain)
        if let vowelMark { output.append(vowelMark) }
        let tone = toneCharacter(vowel.tone)
        if let tone { output.append(tone) }
        open = (plain, vowelMark != nil, tone != nil)
        continue
      }
      if scalar == "đ" || scalar == "Đ" {
        output.append(contentsOf: (scalar == "đ" ? "dd" : "DD").unicodeScalars)
        open = nil
        continue
      }
      if let letter = open, absorbs(letter, scalar) {
        output.append("\\")
      } else if scalar == "\\", let next, isEscapable(next) {
        output.append("\\")
      } else if (scalar == "d" || scalar == "D"), let next,
        next == "d" || next == "D" || next == "đ" || next == "Đ"
      {
        output.append("\\")
      }
      output.append(scalar)
      open = nil
    }
    return String(output)
  }

  /// Whether a decoder reading `scalar` right after `letter` would take it as a mark.
  private static func absorbs(
    _ letter: (base: Unicode.Scalar, hasVowelMark: Bool, hasTone: Bool), _ scalar: Unicode.Scalar
  ) -> Bool {
    if letter.hasTone { return false }
    if toneMark(scalar) != nil { return true }
    return !letter.hasVowelMark && marked(letter.base, scalar) != nil
  }
}
