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

  private static let tables: (decompose: [UInt32: Vowel], compose: [UInt32: Unicode.Scalar]) = {
    var decompose: [UInt32: Vowel] = [:]
    var compose: [UInt32: Unicode.Scalar] = [:]
    for base in vowelBases {
      let upper = String(base).uppercased().unicodeScalars.first!
      for tone in Tone.allCases {
        for (letter, isUpper) in [(base, false), (upper, true)] {
          let composed: Unicode.Scalar
          if let mark = tone.combiningMark {
            var text = String.UnicodeScalarView()
            text.append(letter)
            text.append(mark)
            // Every Vietnamese toned vowel has a precomposed form.
            composed = (try? ICU.nfc(String(text)))?.unicodeScalars.first ?? letter
          } else {
            composed = letter
          }
          decompose[composed.value] = Vowel(base: base, tone: tone, uppercase: isUpper)
          compose[key(base, tone, isUpper)] = composed
        }
      }
    }
    return (decompose, compose)
  }()

  private static func key(_ base: Unicode.Scalar, _ tone: Tone, _ upper: Bool) -> UInt32 {
    base.value << 4 | UInt32(tone.rawValue) << 1 | (upper ? 1 : 0)
  }

  /// The vowel a precomposed letter writes, or nil when it is not a Vietnamese vowel.
  public static func vowel(_ scalar: Unicode.Scalar) -> Vowel? { tables.decompose[scalar.value] }

  /// The precomposed letter for a base vowel with a tone (base given lowercase).
  public static func compose(base: Unicode.Scalar, tone: Tone, uppercase: Bool = false)
    -> Unicode.Scalar?
  {
    tables.compose[key(base, tone, uppercase)]
  }

  /// Every precomposed Vietnamese vowel letter (12 bases × 6 tones × 2 cases).
  public static var allVowels: [Unicode.Scalar] {
    tables.decompose.keys.sorted().compactMap(Unicode.Scalar.init)
  }
}
