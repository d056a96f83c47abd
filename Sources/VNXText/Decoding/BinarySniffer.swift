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
    let sample = bytes.prefix(8192)
    var controls = 0
    for byte in sample {
      if byte == 0 { return "binary data (NUL bytes)" }
      if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) { controls += 1 }
    }
    return controls * 10 > sample.count && sample.count >= 16 ? "binary data" : nil
  }
}
