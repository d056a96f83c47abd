/// TCVN 5712:1993 VN3, the "ABC" font encoding (.VnTime, .VnArial): one byte per letter.
///
///     TCVN3Codec.decode([0x56, 0x69, 0xD6, 0x74])   // "Việt"
///
/// VN3 has the 67 lowercase letters with diacritics and the 7 capitals Ă Â Ê Ô Ơ Ư Đ, but no
/// capital with a tone mark: documents wrote those with the same lowercase codes in a
/// capitals font (.VnTimeH), so the bytes cannot tell "Ấp" from "ấp". `encode` therefore
/// writes such a capital as its lowercase letter, and decoding gives the lowercase letter.
/// Bytes 0x80–0x9F are read as Windows-1252 punctuation (the fonts were ANSI fonts, and Word
/// stored smart quotes and dashes there); other unused bytes are read as Latin-1.
public enum TCVN3Codec {
  static let letters: [UInt8: Unicode.Scalar] = [
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
  ]

  static let table = LegacyCodec.byteTable(letters: letters)
  static let reverse = LegacyCodec.reverse(table, letters: letters)

  /// Decodes TCVN3 bytes; every byte has a meaning, so this never fails.
  public static func decode(_ bytes: some Collection<UInt8>) -> String {
    let table = Self.table
    return bytes.withBytes { input in
      UTF8Writer.string(capacity: input.count * 3) { output in
        for byte in input {
          if byte < 0x80 { output.append(byte) } else { output.append(table[Int(byte)]) }
        }
      }
    }
  }

  /// Encodes text as TCVN3: capitals with a tone mark become lowercase (see above);
  /// characters TCVN3 cannot hold become "?".
  public static func encode(_ text: String) -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(text.utf8.count)
    for scalar in LegacyCodec.nfcScalars(text) {
      if let byte = reverse[scalar.value] {
        bytes.append(byte)
      } else if let vowel = VietnameseLetter.vowel(scalar), vowel.uppercase,
        let lower = VietnameseLetter.compose(base: vowel.base, tone: vowel.tone),
        let byte = reverse[lower.value]
      {
        bytes.append(byte)
      } else {
        bytes.append(LegacyCodec.substitute)
      }
    }
    return bytes
  }

  /// Whether TCVN3 can write this letter with its case.
  public static func canEncode(_ scalar: Unicode.Scalar) -> Bool { reverse[scalar.value] != nil }
}
