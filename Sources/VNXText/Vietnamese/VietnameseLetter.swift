/// The six tones of Vietnamese, as written on a vowel.
public enum Tone: UInt8, CaseIterable, Sendable, Hashable, Codable {
  case level = 0  // ngang: a
  case grave  // huyền: à (U+0300)
  case acute  // sắc: á (U+0301)
  case hook  // hỏi: ả (U+0309)
  case tilde  // ngã: ã (U+0303)
  case dot  // nặng: ạ (U+0323)

  /// The combining mark that writes this tone, nil for the level tone.
  public var combiningMark: Unicode.Scalar? {
    switch self {
    case .level: nil
    case .grave: "\u{300}"
    case .acute: "\u{301}"
    case .hook: "\u{309}"
    case .tilde: "\u{303}"
    case .dot: "\u{323}"
    }
  }
}

/// A Vietnamese vowel letter split into its base (with its own diacritic) and its tone.
///
///     VietnameseLetter.vowel("ệ")   // (base: "ê", tone: .dot, uppercase: false)
///     VietnameseLetter.compose(base: "ê", tone: .dot)   // "ệ"
public enum VietnameseLetter {
  /// The twelve vowel bases, lowercase.
  public static let vowelBases: [Unicode.Scalar] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
  ]

  public struct Vowel: Hashable, Sendable {
    /// The lowercase base vowel, without tone: a, ă, â, e, ê, i, o, ô, ơ, u, ư, y.
    public let base: Unicode.Scalar
    public let tone: Tone
    public let uppercase: Bool
  }

  /// Flat tables: `packed[scalar - 0x41]` holds base index + 1 (bits 0-3), tone (bits 4-6)
  /// and case (bit 7) for every vowel letter up to U+1EF9; `composed[(base*6+tone)*2+upper]`.
  private static let tables: (packed: [UInt8], composed: [Unicode.Scalar]) = {
    var packed = [UInt8](repeating: 0, count: Int(lastVowel - firstVowel) + 1)
    var composed = [Unicode.Scalar](repeating: "a", count: vowelBases.count * 6 * 2)
    for (baseIndex, base) in vowelBases.enumerated() {
      let upper = String(base).uppercased().unicodeScalars.first!
      for tone in Tone.allCases {
        for (letter, isUpper) in [(base, false), (upper, true)] {
          var letterScalar = letter
          if let mark = tone.combiningMark {
            var text = String.UnicodeScalarView()
            text.append(letter)
            text.append(mark)
            // Every Vietnamese toned vowel has a precomposed form.
            letterScalar = (try? ICU.nfc(String(text)))?.unicodeScalars.first ?? letter
          }
          packed[Int(letterScalar.value - firstVowel)] =
            UInt8(baseIndex + 1) | tone.rawValue << 4 | (isUpper ? 0x80 : 0)
          composed[(baseIndex * 6 + Int(tone.rawValue)) * 2 + (isUpper ? 1 : 0)] = letterScalar
        }
      }
    }
    return (packed, composed)
  }()

  private static let firstVowel: UInt32 = 0x41
  private static let lastVowel: UInt32 = 0x1EF9

  /// The vowel a precomposed letter writes, or nil when it is not a Vietnamese vowel.
  @inline(__always)
  public static func vowel(_ scalar: Unicode.Scalar) -> Vowel? {
    let value = scalar.value
    guard value >= firstVowel, value <= lastVowel else { return nil }
    let packed = tables.packed[Int(value - firstVowel)]
    guard packed != 0 else { return nil }
    return Vowel(
      base: vowelBases[Int(packed & 0x0F) - 1], tone: Tone(rawValue: packed >> 4 & 0x07)!,
      uppercase: packed & 0x80 != 0)
  }

  /// True when the scalar is a Vietnamese vowel letter, with or without tone (one lookup).
  @inline(__always)
  public static func isVowel(_ value: UInt32) -> Bool {
    value >= firstVowel && value <= lastVowel && tables.packed[Int(value - firstVowel)] != 0
  }

  /// The precomposed letter for a base vowel with a tone (base given lowercase).
  public static func compose(base: Unicode.Scalar, tone: Tone, uppercase: Bool = false)
    -> Unicode.Scalar?
  {
    guard let baseIndex = vowelBases.firstIndex(of: base) else { return nil }
    return tables.composed[(baseIndex * 6 + Int(tone.rawValue)) * 2 + (uppercase ? 1 : 0)]
  }

  /// Every precomposed Vietnamese vowel letter (12 bases × 6 tones × 2 cases).
  public static var allVowels: [Unicode.Scalar] { tables.composed.sorted { $0.value < $1.value } }
}
