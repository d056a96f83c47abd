/// Turns bytes in any encoding Vietnamese sites use into a Swift string.
///
/// Binary formats (PDF, PNG, ZIP, NUL bytes) are refused with `DecodingError.binary`.
/// BOMs decide first (UTF-8, UTF-16 LE/BE). Otherwise valid UTF-8 is UTF-8 (unless it is
/// VIQR), and bytes that are not valid UTF-8 are decoded with every legacy candidate
/// (Windows-1258, TCVN3, VNI-Windows, and UTF-8 with replacements); the candidate that
/// yields the most valid Vietnamese syllables wins (`EncodingDetector`). Valid UTF-8 that is
/// mojibake (TCVN3, VNI, Windows-1258 or UTF-8 read as Windows-1252 and saved as UTF-8) is
/// repaired, with a warning.
///
///     try TextDecoder().decode(Array("Lai Châu".utf8)).encoding   // .utf8
public struct TextDecoder: Sendable {
  /// When set, the bytes are decoded in this encoding without detection.
  public var forcedEncoding: TextEncoding?

  public init(forcedEncoding: TextEncoding? = nil) {
    self.forcedEncoding = forcedEncoding
  }

  public func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
    if let format = BinarySniffer.format(of: bytes) { throw .binary(format: format) }
    if let forced = forcedEncoding {
      var decoded = try Self.decode(bytes, as: forced)
      decoded.detected = false
      return decoded
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Self.utf8(bytes.dropFirst(3)) }
    if bytes.starts(with: [0xFF, 0xFE]) { return Self.utf16(bytes.dropFirst(2), .utf16LE) }
    if bytes.starts(with: [0xFE, 0xFF]) { return Self.utf16(bytes.dropFirst(2), .utf16BE) }
    return EncodingDetector.decode(bytes)
  }

  /// Decodes bytes in one given encoding; a BOM that matches it is skipped.
  public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws(DecodingError)
    -> DecodedText
  {
    switch encoding {
    case .utf8:
      let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
      return utf8(body)
    case .utf16LE:
      return utf16(bytes.starts(with: [0xFF, 0xFE]) ? bytes.dropFirst(2) : bytes[...], .utf16LE)
    case .utf16BE:
      return utf16(bytes.starts(with: [0xFE, 0xFF]) ? bytes.dropFirst(2) : bytes[...], .utf16BE)
    case .windows1258:
      do {
        let text = try Windows1258Codec.decode(bytes)
        return DecodedText(text: text, encoding: .windows1258)
      } catch {
        throw .undecodable(encoding: .windows1258, reason: "\(error)")
      }
    case .tcvn3, .vniWindows, .viqr:
      return LegacyCodec.decode(bytes, as: encoding)
    }
  }

  /// UTF-8, each maximal invalid subsequence replaced by U+FFFD and counted.
  static func utf8(_ bytes: ArraySlice<UInt8>) -> DecodedText {
    var replacements = 0
    let text = bytes.withUnsafeBufferPointer { buffer -> String in
      if let valid = UTF8Validation.string(validating: buffer) { return valid }
      // The standard library repairs with the same maximal-subpart rule; the replacements
      // are the U+FFFDs it wrote beyond those the input spelled out itself.
      var repaired = String(decoding: buffer, as: UTF8.self)
      replacements = repaired.withUTF8 { Self.countReplacementCharacters($0) }
        - Self.countReplacementCharacters(buffer)
      return repaired
    }
    return DecodedText(
      text: text, encoding: .utf8, replacements: replacements,
      warnings: replacements == 0 ? [] : ["\(replacements) invalid UTF-8 sequences replaced by U+FFFD"])
  }

  /// How many times U+FFFD (EF BF BD) occurs in UTF-8 bytes.
  private static func countReplacementCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
        count += 1
        index += 3
      } else {
        index += 1
      }
    }
    return count
  }

  static func utf16(_ bytes: ArraySlice<UInt8>, _ encoding: TextEncoding) -> DecodedText {
    let bigEndian = encoding == .utf16BE
    let units = [UInt16](unsafeUninitializedCapacity: bytes.count / 2) { buffer, count in
      bytes.withUnsafeBufferPointer { input in
        for index in 0..<input.count / 2 {
          let (first, second) = (UInt16(input[2 * index]), UInt16(input[2 * index + 1]))
          buffer[index] = bigEndian ? first << 8 | second : second << 8 | first
        }
      }
      count = bytes.count / 2
    }
    var (text, replacements) = units.withUnsafeBufferPointer { UTF8Writer.string(fromUTF16: $0) }
    if bytes.count % 2 == 1 {
      text.unicodeScalars.append("\u{FFFD}")
      replacements += 1
    }
    return DecodedText(
      text: text, encoding: encoding, replacements: replacements,
      warnings: replacements == 0 ? [] : ["\(replacements) invalid UTF-16 units replaced by U+FFFD"])
  }
}
