/// Chooses the encoding of bytes that carry no BOM.
enum EncodingDetector {
  static func decode(_ bytes: [UInt8]) -> DecodedText {
    // Placeholder until legacy detection lands: UTF-8 with replacements.
    TextDecoder.utf8(bytes[...])
  }
}
