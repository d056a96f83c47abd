/// Repairs valid UTF-8 that is really another encoding read as Windows-1252 and saved again
/// as UTF-8: "Viá»‡t" (UTF-8), "ViÖt" (TCVN3), "Vieät" (VNI), "Viêòt" (Windows-1258).
///
/// Windows-1252 maps back to the original bytes one to one, so the repair is exact: the text
/// is turned back into those bytes and the candidate decodings are scored like raw bytes.
/// It is tried only when the UTF-8 reading has more invalid than valid Vietnamese words, and
/// kept only when a candidate reads clearly better.
enum MojibakeRepair {
  /// The bytes Windows-1252 (with C1 controls for its five undefined bytes) would have read as
  /// these scalars, or nil when a scalar is outside Windows-1252.
  static func windows1252Bytes(_ scalars: some Sequence<Unicode.Scalar>) -> [UInt8]? {
    var bytes = [UInt8]()
    bytes.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars {
      let value = scalar.value
      if value < 0x80 || (value >= 0xA0 && value <= 0xFF) || (value >= 0x80 && value <= 0x9F) {
        bytes.append(UInt8(value))
      } else if let byte = high[value] {
        bytes.append(byte)
      } else {
        return nil
      }
    }
    return bytes
  }

  private static let high: [UInt32: UInt8] = {
    var high: [UInt32: UInt8] = [:]
    for (index, scalar) in LegacyCodec.windows1252High.enumerated() where scalar.value > 0xFF {
      high[scalar.value] = UInt8(0x80 + index)
    }
    return high
  }()

  /// The repaired text when `text` is mojibake; nil when it should stay as it is.
  static func repair(_ text: String) -> DecodedText? {
    var sample = Substring(text).unicodeScalars
    sample = sample[..<(sample.index(sample.startIndex, offsetBy: EncodingDetector.sampleSize, limitedBy: sample.endIndex) ?? sample.endIndex)]
    let asRead = EncodingDetector.score(String(sample))
    guard asRead < 0, let sampleBytes = windows1252Bytes(sample) else { return nil }
    var best: (encoding: TextEncoding, score: Int)?
    for encoding in EncodingDetector.candidates {
      guard let decoded = try? TextDecoder.decode(sampleBytes, as: encoding) else { continue }
      let score = EncodingDetector.score(decoded.text)
      if score > 0 && score > asRead && score > (best?.score ?? 0) { best = (encoding, score) }
    }
    guard let best, let bytes = windows1252Bytes(text.unicodeScalars),
      var decoded = try? TextDecoder.decode(bytes, as: best.encoding)
    else { return nil }
    decoded.warnings.append(
      "repaired mojibake: \(best.encoding.rawValue) text that was read as Windows-1252 and saved as UTF-8")
    return decoded
  }
}
