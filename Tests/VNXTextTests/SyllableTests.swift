import Testing
import VNXText

@Test(
  "Valid Vietnamese syllables",
  arguments: [
    "a", "ba", "nghiêng", "Nguyễn", "quốc", "Quỳnh", "quý", "giữ", "gì", "gìn", "giường", "giếng",
    "khuỷu", "khuya", "thuở", "hoặc", "ngoằng", "hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ",
    "uống", "người", "yêu", "yến", "chuyện", "huých", "xoong", "kỹ", "kể", "ghi", "nghĩ", "cạnh",
    "thịt", "tiếp", "sách", "ĐẢNG", "Ủy", "ấp", "hoạch", "khuấy", "ươm", "đường", "rượu",
    "tuần", "xuân", "oẳn", "Đắk", "Lắk", "gia", "mỹ", "lý", "của", "được", "những", "với", "trong",
    // NFD and Windows-1258 style (base + combining marks)
    "Vie\u{302}\u{323}t", "ca\u{301}c", "đu\u{31B}o\u{31B}\u{300}ng",
  ])
func acceptsSyllables(_ word: String) {
  #expect(VietnameseSyllable.isValid(word), "\(word)")
  #expect(VietnameseSyllable.isValid(utf8: word.utf8), "\(word)")
}

@Test(
  "Letter strings Vietnamese spelling cannot write",
  arguments: [
    "càp", "hạn g", "cat", "bảt", "ka", "ce", "ngi", "ge", "ghu", "quá\u{301}", "qu", "q",
    "free", "jazz", "window", "tyên", "strong", "xyz", "aaa", "ă", "â", "iên", "yn", "êng", "ơng", "ing", "Viá»‡t", "Ä‘á»ƒ", "Vieät", "Vi\u{1EDD}\u{169}t", "Æ°á»", "", "a1",
    "ngoaoo", "thuyết.", "mm", "ưa\u{301}\u{300}",
  ])
func rejectsNonSyllables(_ word: String) {
  #expect(!VietnameseSyllable.isValid(word), "\(word)")
  #expect(!VietnameseSyllable.isValid(utf8: word.utf8), "\(word)")
}

@Test("Invalid UTF-8 is not a syllable")
func invalidUTF8IsNotASyllable() {
  #expect(!VietnameseSyllable.isValid(utf8: [0x62, 0xE1, 0xBA]))  // truncated ạ
  #expect(!VietnameseSyllable.isValid(utf8: [0x62, 0xFF]))
  #expect(VietnameseSyllable.isValid(utf8: [0x62, 0xE1, 0xBA, 0xA1]))  // bạ
}

@Test("Every toned vowel alone is a syllable except ă and â, which need a coda")
func everyVowelAlone() {
  for scalar in VietnameseLetter.allVowels {
    let vowel = VietnameseLetter.vowel(scalar)!
    let expected = vowel.base != "ă" && vowel.base != "â"
    #expect(VietnameseSyllable.isValid(String(scalar)) == expected, "\(scalar)")
    #expect(VietnameseSyllable.isValid("t" + String(scalar) + "n") == (vowel.base != "y"))
  }
}

@Test("The tone of a syllable", arguments: [("Việt", Tone.dot), ("Nam", .level), ("hoà", .grave)])
func readsTone(_ word: String, _ tone: Tone) {
  #expect(VietnameseSyllable.tone(of: word) == tone)
}

@Test("Stop codas p, t, c, ch only with sắc or nặng")
func stopCodas() {
  for tone in Tone.allCases {
    let letter = String(VietnameseLetter.compose(base: "a", tone: tone)!)
    for coda in ["p", "t", "c", "ch"] {
      #expect(VietnameseSyllable.isValid("b" + letter + coda) == (tone == .acute || tone == .dot))
    }
    #expect(VietnameseSyllable.isValid("b" + letter + "n"))
  }
}
