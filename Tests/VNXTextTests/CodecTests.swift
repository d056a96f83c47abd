import Testing
@testable import VNXText

/// Every Vietnamese letter: 12 vowels × 6 tones × 2 cases, and đ Đ.
let everyVietnameseLetter: [Unicode.Scalar] = VietnameseLetter.allVowels + ["đ", "Đ"]

/// What TCVN3 gives back for a letter: capitals with a tone mark come back lowercase.
func tcvn3Expected(_ letter: Unicode.Scalar) -> Unicode.Scalar {
  guard let vowel = VietnameseLetter.vowel(letter), vowel.uppercase, vowel.tone != .level else {
    return letter
  }
  return VietnameseLetter.compose(base: vowel.base, tone: vowel.tone)!
}

@Test("Every letter has 12 × 6 × 2 vowels plus đ Đ")
func letterCount() {
  #expect(everyVietnameseLetter.count == 146)
}

@Test("Every letter round-trips, alone and inside a word", arguments: [
  TextEncoding.tcvn3, .vniWindows, .viqr, .windows1258, .utf8, .utf16LE, .utf16BE,
])
func everyLetterRoundTrips(_ encoding: TextEncoding) throws {
  for letter in everyVietnameseLetter {
    let expected = encoding == .tcvn3 ? tcvn3Expected(letter) : letter
    for (text, wanted) in [
      (String(letter), String(expected)), ("t" + String(letter) + "n.", "t" + String(expected) + "n."),
    ] {
      let bytes = try TextEncoder.encode(text, as: encoding)
      #expect(try ICU.nfc(try decodeTable(bytes, encoding)) == wanted, "\(encoding) \(letter) \(bytes)")
    }
  }
  // All letters in one run, so each letter's marks meet the next letter (VIQR: a syllable
  // has one tone, so a consonant starts the next one).
  let separator: [Unicode.Scalar] = encoding == .viqr ? ["n"] : []
  let all = String(String.UnicodeScalarView(everyVietnameseLetter.flatMap { [$0] + separator }))
  let expected = String(String.UnicodeScalarView(everyVietnameseLetter.flatMap {
    [encoding == .tcvn3 ? tcvn3Expected($0) : $0] + separator
  }))
  #expect(try ICU.nfc(try decodeTable(try TextEncoder.encode(all, as: encoding), encoding)) == expected)
}

/// The codec's own table decoding: for TCVN3, without the capitals restored from context.
func decodeTable(_ bytes: [UInt8], _ encoding: TextEncoding) throws -> String {
  encoding == .tcvn3 ? TCVN3Codec.decode(bytes) : try TextDecoder.decode(bytes, as: encoding).text
}

@Test("TCVN3 capitals come back from context", arguments: [
  ("THU HOẠCH LÚA ĐÔNG XUÂN", "THU HOẠCH LÚA ĐÔNG XUÂN"),
  ("XÃ ĐÃ THU", "XÃ ĐÃ THU"),
  ("Ông Khải nói. Ủy ban họp! Ở xã", "Ông Khải nói. Ủy ban họp! Ở xã"),
  ("Tin: MỘT CÁC Bà", "Tin: MỘT CÁC Bà"),
  ("Theo Ủy ban xã, Ấp 3", "Theo ủy ban xã, ấp 3"),  // inside a sentence: cannot tell
  ("các hạn chế,\nở xã", "các hạn chế,\nở xã"),  // a line cut mid-sentence
  ("Xong.\nỞ xã", "Xong.\nỞ xã"),
  ("“Ấy là", "“Ấy là"),
])
func tcvn3RestoresCapitals(_ original: String, _ expected: String) throws {
  let decoded = try TextDecoder.decode(try TextEncoder.encode(original, as: .tcvn3), as: .tcvn3)
  #expect(decoded.text == expected)
  #expect(decoded.warnings.isEmpty == (TCVN3Codec.decode(try TextEncoder.encode(original, as: .tcvn3)) == decoded.text))
}

@Test("TCVN3 can write exactly the lowercase letters and the capitals without tone")
func tcvn3Coverage() {
  for letter in everyVietnameseLetter {
    let vowel = VietnameseLetter.vowel(letter)
    let expected = !(vowel?.uppercase == true && vowel?.tone != .level)
    #expect(TCVN3Codec.canEncode(letter) == expected || letter.isASCII, "\(letter)")
  }
  #expect(TCVN3Codec.decode(TCVN3Codec.encode("ẤP ĐÌNH")) == "ấP ĐìNH")
}

@Test("Known bytes", arguments: [
  (TextEncoding.tcvn3, "Việt Nam", [0x56, 0x69, 0xD6, 0x74, 0x20, 0x4E, 0x61, 0x6D] as [UInt8]),
  (.tcvn3, "Đường", [0xA7, 0xAD, 0xEA, 0x6E, 0x67]),
  (.tcvn3, "ăn ở", [0xA8, 0x6E, 0x20, 0xEB]),
  (.vniWindows, "Việt", [0x56, 0x69, 0x65, 0xE4, 0x74]),
  (.vniWindows, "Đường", [0xD1, 0xF6, 0xF4, 0xF8, 0x6E, 0x67]),
  (.vniWindows, "ẤP ĩ Ỵ", [0x41, 0xC1, 0x50, 0x20, 0xF3, 0x20, 0xCE]),
  (.vniWindows, "Bắc", [0x42, 0x61, 0xE9, 0x63]),
  (.viqr, "Việt Nam", Array("Vie^.t Nam".utf8)),
  (.viqr, "Đường", Array("DDu+o+`ng".utf8)),
  (.viqr, "quê tôi.", Array("que^ to^i\\.".utf8)),
  (.windows1258, "Việt", [0x56, 0x69, 0xEA, 0xF2, 0x74]),
  (.windows1258, "Đà", [0xD0, 0x61, 0xCC]),
])
func knownBytes(_ encoding: TextEncoding, _ text: String, _ bytes: [UInt8]) throws {
  #expect(try TextEncoder.encode(text, as: encoding) == bytes)
  #expect(try ICU.nfc(TextDecoder.decode(bytes, as: encoding).text) == text)
}

@Test("Punctuation of the ANSI fonts survives", arguments: [TextEncoding.tcvn3, .vniWindows, .windows1258])
func ansiPunctuation(_ encoding: TextEncoding) throws {
  let text = "“Tổng kết” – năm 2018… 25°C"
  let decoded = try TextDecoder.decode(try TextEncoder.encode(text, as: encoding), as: encoding)
  #expect(try ICU.nfc(decoded.text) == text)
}

@Test("VIQR escapes literal marks and d's so they survive", arguments: [
  "Hà Nội.", "Có không?", "Anh đi đâu?", "a+b (o^)", "odd Buddha dđ", "C:\\data\\dd", "Ơ'", "e.g. i.e.",
  "“Dạ”, ông nói.",
])
func viqrEscapes(_ text: String) throws {
  let encoded = VIQRCodec.encode(text)
  #expect(VIQRCodec.decode(encoded) == text, "\(encoded)")
}

@Test("VIQR reads RFC 1456 text", arguments: [
  ("Vie^.t Nam", "Việt Nam"), ("DDa\\.ng", "Đa.ng"), ("tu+o+i ddu+o+`ng", "tươi đường"),
  ("Nguye^~n Thi. Mai", "Nguyễn Thị Mai"), ("A(n", "Ăn"), ("Ha` No^.i.", "Hà Nội."),
  ("co' ddu+o+.c kho^ng?", "có được không?"), ("Ha`No^.i", "HàNội"),
])
func viqrReads(_ viqr: String, _ text: String) {
  #expect(VIQRCodec.decode(viqr) == text)
}

@Test("VNI accepts a mark byte of either case after a letter of either case")
func vniMixedCaseMarks() {
  #expect(VNIWindowsCodec.decode([0x41, 0xF9]) == "Á")
  #expect(VNIWindowsCodec.decode([0x61, 0xD9]) == "á")
  #expect(VNIWindowsCodec.decode([0xF9]) == "\u{301}")
}
