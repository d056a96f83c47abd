/// What normalization does with one scalar before composition.
enum CharacterRepair: Equatable {
  case keep
  case replace(Unicode.Scalar)
  case space
  case lineBreak
  case paragraphBreak
  case drop

  /// The repair for a scalar, counting it in `repairs`.
  @inline(__always)
  static func of(_ value: UInt32, repairs: inout Repairs) -> CharacterRepair {
    if value < 0x80 {
      switch value {
      case 0x20: return .space
      case 0x0A: return .lineBreak
      case 0x09, 0x0B, 0x0C:
        repairs.spacesReplaced += 1
        return .space
      case 0x0D:
        repairs.lineEndsReplaced += 1
        return .lineBreak
      case 0x00..<0x20, 0x7F:
        repairs.controlsDropped += 1
        return .drop
      default: return .keep
      }
    }
    switch value {
    case 0x00D0:
      repairs.ethReplaced += 1
      return .replace("\u{110}")
    case 0x00F0:
      repairs.ethReplaced += 1
      return .replace("\u{111}")
    case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E:
      repairs.invisiblesRemoved += 1
      return .drop
    case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
      repairs.spacesReplaced += 1
      return .space
    case 0x0085, 0x2028:
      repairs.lineEndsReplaced += 1
      return .lineBreak
    case 0x2029:
      repairs.lineEndsReplaced += 1
      return .paragraphBreak
    case 0x80...0x9F:
      repairs.controlsDropped += 1
      return .drop
    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
      repairs.fullWidthFolded += 1
      return .replace(Unicode.Scalar(value - 0xFEE0)!)
    default: return .keep
    }
  }
}
