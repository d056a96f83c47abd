/// Repairs valid UTF-8 that is really another encoding read as Windows-1252 and saved again
/// as UTF-8: "Viá»‡t" (UTF-8), "ViÖt" (TCVN3), "Vieät" (VNI), "Viêòt" (Windows-1258).
///
/// Windows-1252 maps back to the original bytes one to one, so the repair is exact: the text
/// is turned back into those bytes and the candidate decodings are scored like raw bytes.
/// It is tried only when the UTF-8 reading has more invalid than valid Vietnamese words, and
/// kept only when a candidate reads clearly better.
enum MojibakeRepair {
  /// The bytes Windows-1252 (with C1 controls for its five undefined bytes) would have read as
  /// the scalars of `text`, or nil when a scalar is outside Windows-1252 (checked as it goes,
  /// so a Vietnamese letter beyond Latin-1 ends the work at once).
  static func windows1252Bytes(_ text: String) -> [UInt8]? {
    var bytes = [UInt8]()
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value <= 0xFF {
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
    // Text with a scalar outside Windows-1252 (any Vietnamese letter beyond Latin-1) was never
    // read as Windows-1252: this cheap test goes first, the scoring only when it passes.
    guard let bytes = windows1252Bytes(text) else { return nil }
    // One byte per scalar: the sample is the first `sampleSize` scalars.
    let sampleBytes = Array(bytes.prefix(EncodingDetector.sampleSize))
    let sample = bytes.count > sampleBytes.count
      ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(EncodingDetector.sampleSize))) : text
    let asRead = EncodingDetector.score(sample)
    guard asRead < 0 else { return nil }
    var best: (encoding: TextEncoding, score: Int)?
    for encoding in EncodingDetector.candidates {
      guard let decoded = try? TextDecoder.decode(sampleBytes, as: encoding) else { continue }
      let score = EncodingDetector.score(decoded.text)
      if score > 0 && score > asRead && score > (best?.score ?? 0) { best = (encoding, score) }
    }
    guard let best, var decoded = try? TextDecoder.decode(bytes, as: best.encoding)
    else { return nil }
    decoded.warnings.append(
      "repaired mojibake: \(best.encoding.rawValue) text that was read as Windows-1252 and saved as UTF-8")
    return decoded
  }
}
