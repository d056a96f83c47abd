/// VIQR (RFC 1456): Vietnamese in plain ASCII, each mark written after its letter.
///
///     VIQRCodec.decode("Vie^.t Nam, DDa\\`ng")   // "Việt Nam, Đa`ng"
///     VIQRCodec.encode("Đường")                  // "DDu+o+`ng"
///
/// Vowel marks: `(` breve (ă), `^` circumflex (â ê ô), `+` horn (ơ ư); then tones:
/// `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng; `dd`/`DD` is đ/Đ. A backslash makes the
/// next mark character (or d, or a backslash) literal: "ha\\." is "ha." and not "hạ".
/// Decoding is greedy, as RFC 1456 reads it; `encode` escapes every literal character a
/// decoder would otherwise take as a mark, so encode → decode is the identity.
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

  /// Decodes VIQR text (already read as UTF-8) into Vietnamese letters.
  public static func decode(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\\", let next = scalars.first, isEscapable(next) {
        output.append(next)
        scalars.removeFirst()
      } else if scalar == "d" || scalar == "D", let next = scalars.first, next == "d" || next == "D" {
        output.append(scalar == "d" ? "đ" : "Đ")
        scalars.removeFirst()
      } else if isVowel(scalar) {
        var base = lowercase(scalar)
        if let next = scalars.first, let withMark = marked(base, next) {
          base = withMark
          scalars.removeFirst()
        }
        var tone = Tone.level
        if let next = scalars.first, let mark = toneMark(next) {
          tone = mark
          scalars.removeFirst()
        }
        output.append(
          VietnameseLetter.compose(base: base, tone: tone, uppercase: scalar != lowercase(scalar))
            ?? scalar)
      } else {
        output.append(scalar)
      }
    }
    return String(output)
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
