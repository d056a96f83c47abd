/// Recognizes files that are not text at all, so they get a clear error instead of mojibake.
enum BinarySniffer {
  private static let signatures: [(bytes: [UInt8], format: String)] = [
    (Array("%PDF".utf8), "a PDF document"),
    ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    (Array("GIF8".utf8), "a GIF image"),
    ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or DOCX/XLSX)"),
    ([0x1F, 0x8B], "a gzip archive"),
    ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document"),
    (Array("RIFF".utf8), "a RIFF media file"),
    ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
  ]

  /// A description of the binary format, or nil when the bytes may be text.
  static func format(of bytes: [UInt8]) -> String? {
    for (signature, format) in signatures where bytes.starts(with: signature) { return format }
    // UTF-16 text has NUL bytes in every other position; it is announced by a BOM.
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
    let count = min(bytes.count, 8192)
    let controls = bytes.withUnsafeBufferPointer { controlBytes(in: UnsafeBufferPointer(rebasing: $0[..<count])) }
    guard let controls else { return "binary data (NUL bytes)" }
    return controls * 10 > count && count >= 16 ? "binary data" : nil
  }

  /// How many control bytes other than tab, line ends and escape `bytes` hold; nil when one is
  /// NUL. Eight-byte words with no byte below 0x20 (text's usual case) are skipped whole.
  private static func controlBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var controls = 0
    var index = 0
    if let base = bytes.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      while bytes.count - index >= 8 {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        // Some byte below 0x20 (exact as a test for the whole word).
        if (word &- ones &* 0x20) & ~word & (ones &* 0x80) == 0 {
          index += 8
          continue
        }
        for offset in index..<(index + 8) {
          guard let counted = count(bytes[offset]) else { return nil }
          controls += counted
        }
        index += 8
      }
    }
    while index < bytes.count {
      guard let counted = count(bytes[index]) else { return nil }
      controls += counted
      index += 1
    }
    return controls
  }

  /// 1 for a control byte that text does not hold, 0 for any other byte, nil for NUL.
  @inline(__always) private static func count(_ byte: UInt8) -> Int? {
    if byte == 0 { return nil }
    return byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) ? 1 : 0
  }
}
