/// What a Unicode scalar is to the scanner, decided by ASCII comparisons first and by ranges
/// for the Vietnamese letters before falling back to Unicode properties.
enum ScalarClass: UInt8 {
  case space, newline, letter, digit, other
}

extension ScalarClass {
  @inline(__always)
  init(_ value: UInt32) {
    if value < 0x80 {
      // Comparisons, not a static table: a static costs a lazy-initialization check per call.
      if value >= 0x61 {
        self = value <= 0x7A ? .letter : (value == 0x7F ? .space : .other)
      } else if value >= 0x41 {
        self = value <= 0x5A ? .letter : .other
      } else if value >= 0x30 {
        self = value <= 0x39 ? .digit : .other
      } else if value == 0x20 || value == 0x09 {
        self = .space
      } else if value >= 0x0A && value <= 0x0D {
        self = .newline
      } else {
        self = value < 0x20 ? .space : .other
      }
      return
    }
    if (value >= 0x1E00 && value <= 0x1EFF)
      || (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7)
    {
      self = .letter  // Vietnamese letters: Latin-1, Latin Extended-A/B and Additional
      return
    }
    self = Self.nonASCII(value)
  }

  @inline(never)
  private static func nonASCII(_ value: UInt32) -> ScalarClass {
    switch value {
    case 0x85, 0x2028, 0x2029: return .newline
    case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
    case 0xD7, 0xF7: return .other
    case 0x2B9...0x2BF, 0x2C2...0x2DF: return .other  // modifier primes and accents: ʺ ˈ ˜
    case 0xC0...0x24F, 0x1E00...0x1EFF, 0x300...0x36F: return .letter
    default:
      guard let scalar = Unicode.Scalar(value) else { return .other }
      let properties = scalar.properties
      if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
        return .letter
      } else if properties.numericType == .decimal {
        return .other
      } else if properties.isWhitespace {
        return .space
      } else {
        return .other
      }
    }
  }
}

/// Case helpers for the letters Vietnamese uses, without Unicode tables on the hot path.
enum LetterCase {
  /// The lowercase form of a scalar value (Vietnamese letters by range; others by Unicode).
  @inline(__always)
  static func lower(_ value: UInt32) -> UInt32 {
    if value < 0x80 { return (value >= 0x41 && value <= 0x5A) ? value + 0x20 : value }
    // The most common letters of Vietnamese text first: the toned vowels (capitals at even
    // values, small letters at odd ones) and the small letters of Latin-1.
    if value >= 0x1E00 && value <= 0x1EFF { return value | 1 }
    if value >= 0xDF && value <= 0xFF { return value }
    switch value {
    case 0xC0...0xDE where value != 0xD7: return value + 0x20
    case 0x100...0x137 where value & 1 == 0 && value != 0x130: return value + 1
    case 0x14A...0x177 where value & 1 == 0: return value + 1
    case 0x1A0, 0x1AF: return value + 1
    case 0x0391...0x03A9, 0x0410...0x042F:
      return value + 0x20
    default: return value
    }
  }

  /// Whether a scalar value is an uppercase letter.
  @inline(__always)
  static func isUpper(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x41 && value <= 0x5A }
    switch value {
    case 0xC0...0xDE: return value != 0xD7
    case 0x100...0x137, 0x14A...0x177, 0x1E00...0x1EFF: return value & 1 == 0
    case 0x1A0, 0x1AF: return true
    case 0xDF...0xFF, 0x1A1, 0x1B0: return false
    default:
      guard let scalar = Unicode.Scalar(value) else { return false }
      return scalar.properties.isUppercase
    }
  }
}
