/// TCVN3, VNI-Windows and VIQR.
enum LegacyCodec {
  static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> DecodedText {
    TextDecoder.utf8(bytes[...])
  }
}
