/// What a Unicode scalar is to the scanner, decided by an ASCII table first and by ranges
/// for the Vietnamese letters before falling back to Unicode properties.
enum ScalarClass: UInt8 {
  case space, newline, letter, digit, other
}

extension ScalarClass {
  @inline(__always)
  init(_ value: UInt32) {
    if value < 0x80 {
      self = ScalarClass.ascii[Int(value)]
      return
    }
    switch value {
    case 0x85, 0x2028, 0x2029: self = .newline
    case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: self = .space
    case 0xD7, 0xF7: self = .other
    case 0xC0...0x24F, 0x1E00...0x1EFF, 0x300...0x36F: self = .letter
    default:
      guard let scalar = Unicode.Scalar(value) else {
        self = .other
        return
      }
      let properties = scalar.properties
      if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
        self = .letter
      } else if properties.numericType == .decimal {
        self = .other
      } else if properties.isWhitespace {
        self = .space
      } else {
        self = .other
      }
    }
  }

  private static let ascii: [ScalarClass] = (0..<128).map { value -> ScalarClass in
    switch value {
    case 0x0A, 0x0B, 0x0C, 0x0D: return .newline
    case 0x09, 0x20: return .space
    case 0x30...0x39: return .digit
    case 0x41...0x5A, 0x61...0x7A: return .letter
    case 0x00..<0x20, 0x7F: return .space
    default: return .other
    }
  }
}

/// Case helpers for the letters Vietnamese uses, without Unicode tables on the hot path.
enum LetterCase {
  /// The lowercase form of a scalar value (Vietnamese letters by range; others by Unicode).
  @inline(__always)
  static func lower(_ value: UInt32) -> UInt32 {
    if value < 0x80 { return (value >= 0x41 && value <= 0x5A) ? value + 0x20 : value }
    switch value {
    case 0xC0...0xDE where value != 0xD7: return value + 0x20
    case 0x100...0x137 where value & 1 == 0 && value != 0x130: return value + 1
    case 0x14A...0x177 where value & 1 == 0: return value + 1
    case 0x1A0, 0x1AF: return value + 1
    case 0x1E00...0x1EFF where value & 1 == 0: return value + 1
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
