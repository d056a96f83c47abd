/// Writes text in any encoding vnx reads: the reverse of `TextDecoder`, used to build the
/// encoded corpus files and to test round trips.
///
///     try TextEncoder.encode("Việt", as: .tcvn3)   // [0x56, 0x69, 0xD6, 0x74]
public enum TextEncoder {
  /// The bytes of `text` in `encoding`; UTF-16 gets a BOM. Characters an 8-bit encoding
  /// cannot hold are substituted (TCVN3 lowers toned capitals, see `TCVN3Codec`).
  public static func encode(_ text: String, as encoding: TextEncoding) throws -> [UInt8] {
    switch encoding {
    case .utf8: return Array(text.utf8)
    case .utf16LE, .utf16BE:
      var bytes: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
      for unit in text.utf16 {
        let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
        bytes.append(contentsOf: encoding == .utf16LE ? [low, high] : [high, low])
      }
      return bytes
    case .windows1258: return try Windows1258Codec.encode(text)
    case .tcvn3: return TCVN3Codec.encode(text)
    case .vniWindows: return VNIWindowsCodec.encode(text)
    case .viqr: return Array(VIQRCodec.encode(text).utf8)
    }
  }
}
