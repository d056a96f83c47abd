import Testing
@testable import VNXText

private let normalizer = TextNormalizer()

@Test(
  "Tone marks of open oa/oe/uy syllables go on the first vowel by default",
  arguments: [
    ("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("Hoà Bình", "Hòa Bình"),
    ("Đảng uỷ", "Đảng ủy"), ("HOÀ", "HÒA"), ("loà xoà", "lòa xòa"), ("tuỳ", "tùy"),
  ])
func oldToneStyle(_ input: String, _ expected: String) {
  #expect(normalizer.normalize(input).text == expected)
}

@Test(
  "--tone-style new puts them on the second vowel",
  arguments: [("hòa", "hoà"), ("khỏe", "khoẻ"), ("thủy", "thuỷ"), ("ủy", "uỷ"), ("Ủy ban", "Uỷ ban")])
func newToneStyle(_ input: String, _ expected: String) {
  #expect(TextNormalizer(toneStyle: .new).normalize(input).text == expected)
}

@Test(
  "Syllables outside the rule never change",
  arguments: ["quý", "giữ", "thuở", "hoàn", "khuyến", "quỳnh", "hoạch", "toán", "khoai", "Huế", "thuyền"])
func untouchedSyllables(_ word: String) {
  #expect(normalizer.normalize(word).text == word)
  #expect(TextNormalizer(toneStyle: .new).normalize(word).text == word)
}

@Test(
  "Character repairs",
  arguments: [
    ("Ðảng ðoàn", "Đảng đoàn"),
    ("nông\u{200B}thôn mới\u{00AD}", "nôngthôn mới"),
    ("Lai\u{00A0}Châu\u{2003}2019", "Lai Châu 2019"),
    ("dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
    ("  nhiều    dấu   cách  \n", "nhiều dấu cách"),
    ("đoạn một\n\n\n\n  đoạn hai", "đoạn một\n\nđoạn hai"),
    ("a\u{0007}b\u{009C}c", "abc"),
    ("\u{FF11}\u{FF10}\u{FF05} \u{FF28}\u{FF34}\u{FF38}", "10\u{FF05} HTX"),
    ("dòng một   \ndòng hai", "dòng một\ndòng hai"),
  ])
func repairs(_ input: String, _ expected: String) {
  #expect(normalizer.normalize(input).text == expected)
}

@Test(
  "HTML character references are decoded",
  arguments: [
    ("Ho&agrave; B&igrave;nh", "Hòa Bình"), ("B&#7897;", "Bộ"), ("&#x1EA1;", "ạ"),
    ("UBND&nbsp;tỉnh", "UBND tỉnh"), ("A &amp; B", "A & B"), ("5 &lt; 6", "5 < 6"),
    ("&unknown; &#xZZ; & ;", "&unknown; &#xZZ; & ;"),
  ])
func characterReferences(_ input: String, _ expected: String) {
  #expect(normalizer.normalize(input).text == expected)
}

@Test("NFD input composes to NFC, including with the other tone style")
func decomposedInput() throws {
  let nfd = try ICU.nfd("Ðảng bộ xã Bản Hon có 166 đảng viên, hoà thuận")
  #expect(normalizer.normalize(nfd).text == "Đảng bộ xã Bản Hon có 166 đảng viên, hòa thuận")
}

@Test("Repairs are counted")
func repairCounts() {
  let result = normalizer.normalize("Ðảng\u{00A0}uỷ\r\n&agrave;\u{200B}")
  #expect(result.repairs.ethReplaced == 1)
  #expect(result.repairs.spacesReplaced == 1)
  #expect(result.repairs.toneMarksMoved == 1)
  #expect(result.repairs.lineEndsReplaced == 1)
  #expect(result.repairs.characterReferencesDecoded == 1)
  #expect(result.repairs.invisiblesRemoved == 1)
  #expect(TextNormalizer().normalize("Lai Châu").repairs.isEmpty)
}


@Test(
  "A string given away normalizes as a borrowed one, also when only its end changes",
  arguments: ["Lai Châu\n", "Lai Châu", "Lai Châu  \n\n", "", "  \n", "Ho\u{300}a Bi\u{300}nh\n", "hoà\n"])
func takenString(_ input: String) {
  let borrowed = normalizer.normalize(input)
  var copy = String(input.unicodeScalars)
  copy.append("")
  let taken = normalizer.normalize(taking: copy)
  #expect(taken.text == borrowed.text && Array(taken.text.utf8) == Array(borrowed.text.utf8))
  #expect(taken.repairs == borrowed.repairs && taken.offsets == borrowed.offsets)
}
