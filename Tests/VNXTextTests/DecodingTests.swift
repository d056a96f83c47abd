import Testing
@testable import VNXText

@Test("BOMs decide the encoding", arguments: [
  ([0xEF, 0xBB, 0xBF] + Array("Lai Châu".utf8), TextEncoding.utf8),
  ([0xFF, 0xFE, 0x4C, 0x00, 0xE2, 0x00], .utf16LE),
  ([0xFE, 0xFF, 0x00, 0x4C, 0x00, 0xE2], .utf16BE),
])
func bomsDecide(_ bytes: [UInt8], _ encoding: TextEncoding) throws {
  let decoded = try TextDecoder().decode(bytes)
  #expect(decoded.encoding == encoding)
  #expect(decoded.text.hasPrefix("L"))
  #expect(!decoded.text.hasPrefix("\u{FEFF}"))
}

@Test("Invalid UTF-8 becomes U+FFFD, counted", arguments: [
  ([0x61, 0xFF, 0x62] as [UInt8], 1),  // byte never valid
  ([0x61, 0xC3], 1),  // truncated at the end
  ([0xE1, 0xBB, 0x61], 1),  // truncated three-byte sequence
  ([0xC0, 0xAF], 2),  // overlong encoding of "/"
  ([0xED, 0xA0, 0x80], 3),  // UTF-16 surrogate
  ([0x80, 0x80, 0x80], 3),  // lone continuation bytes
  ([0xF4, 0x90, 0x80, 0x80], 4),  // beyond U+10FFFF
])
func invalidUTF8(_ bytes: [UInt8], _ count: Int) throws {
  let decoded = try TextDecoder(forcedEncoding: .utf8).decode(bytes)
  #expect(decoded.replacements == count)
  #expect(decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == count)
  #expect(decoded.warnings == ["\(count) invalid UTF-8 sequences replaced by U+FFFD"])
}

@Test("Binary inputs are refused", arguments: [
  Array("%PDF-1.4\n%âãÏÓ\n1 0 obj".utf8),
  [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
  [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
  [0x1F, 0x8B, 0x08, 0x00],
  Array("Xin chào".utf8) + [0x00] + Array("thế giới".utf8),
  (0..<64).map { UInt8($0 % 8 + 1) },
])
func binaryRefused(_ bytes: [UInt8]) {
  #expect(throws: DecodingError.self) { try TextDecoder().decode(bytes) }
  for encoding in TextEncoding.allCases where encoding != .utf16LE && encoding != .utf16BE {
    #expect(throws: DecodingError.self) { try TextDecoder(forcedEncoding: encoding).decode(bytes) }
  }
}

@Test("Forcing an encoding skips detection", arguments: TextEncoding.allCases)
func forcingSkipsDetection(_ encoding: TextEncoding) throws {
  let text = "Xã Tân Hòa có 187 hộ"
  let decoded = try TextDecoder(forcedEncoding: encoding).decode(try TextEncoder.encode(text, as: encoding))
  #expect(decoded.encoding == encoding)
  #expect(!decoded.detected)
  #expect(try ICU.nfc(decoded.text) == (encoding == .tcvn3 ? "Xã Tân Hòa có 187 hộ" : text))
}

@Test("Empty input is empty UTF-8")
func emptyInput() throws {
  let decoded = try TextDecoder().decode([])
  #expect(decoded.text == "")
  #expect(decoded.encoding == .utf8)
}

/// The sniffer's verdict counted byte by byte, as it was before words were skipped whole.
private func sniffedByteByByte(_ bytes: [UInt8]) -> String? {
  let sample = bytes.prefix(8192)
  var controls = 0
  for byte in sample {
    if byte == 0 { return "binary data (NUL bytes)" }
    if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) { controls += 1 }
  }
  return controls * 10 > sample.count && sample.count >= 16 ? "binary data" : nil
}

@Test(
  "Control bytes are counted over the first 8 KB wherever they sit in a word",
  arguments: [0, 1, 7, 8, 15, 16, 17, 100, 8191, 8192, 8193, 9000])
func controlBytesCounted(_ length: Int) {
  let text = Array("Xã Tân Hòa\tcó 187 hộ\r\n".utf8)
  for every in [3, 5, 9, 10, 11, 64] {
    for control: UInt8 in [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0E, 0x1B, 0x1F, 0x20] {
      var bytes = (0..<length).map { text[$0 % text.count] }
      for index in stride(from: every / 2, to: length, by: every) { bytes[index] = control }
      #expect(BinarySniffer.format(of: bytes) == sniffedByteByByte(bytes), "\(length) \(every) \(control)")
    }
  }
}
