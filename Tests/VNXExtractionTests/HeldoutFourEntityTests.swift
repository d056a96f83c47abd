import Testing

@testable import VNXExtraction

// The entity rules added after the first measurement of corpus/heldout4 (see its README), one table
// per rule, each with cases written for the rule rather than taken from an article.

@Test(
  "A number after a place prefix counts something when a lower-case word follows it",
  arguments: [
    ("Doanh thu của đặc khu 9 tháng đầu năm tăng mạnh.", [String]()),
    ("Tại thị trấn Mường Tè, 24 hộ được hỗ trợ làm nhà.", ["commune:Mường Tè"]),
    ("Phường Hà Giang 1 và phường Hà Giang 2 tổ chức hội nghị.", ["commune:Hà Giang 1", "commune:Hà Giang 2"]),
  ])
func numberAfterPrefixIsACount(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text).filter { !$0.hasPrefix("organization:") } == expected)
}

@Test(
  "Two village prefixes in a row, or an ethnic group's name after one, name no village",
  arguments: [
    ("Cà phê được giá, buôn làng Ê Đê đầu tư tái canh.", [String]()),
    ("Giữ rừng ở làng Cơ Tu Đông Sơn.", []),
    ("Đường về thôn bản đã được bê tông hóa.", []),
    ("Người Mông ở bản Mông làm homestay.", []),
    ("Hội viên buôn Ea Knốp và làng Tà Lang trồng rừng.", ["village:Ea Knốp", "village:Tà Lang"]),
  ])
func genericVillageNouns(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text).filter { $0.hasPrefix("village:") } == expected)
}

@Test(
  "A body's name that opens with \"Vì\" goes on in lower case",
  arguments: [
    ("Quỹ Vì người nghèo để xây nhà.", ["Quỹ Vì người nghèo"]),
    ("Ủy ban đã nhận tiền từ Quỹ Vì trẻ em tỉnh Yên Bái.", ["Quỹ Vì trẻ em tỉnh Yên Bái"]),
    ("Quỹ Vì biển, đảo quê hương trao quà.", ["Quỹ Vì biển"]),
  ])
func forNames(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.extract(text).filter { $0.type == .organization }.map(\.text) == expected)
}

@Test(
  "Document codes open with their number; a quarter is no code",
  arguments: [
    ("Kế hoạch quý IV/2025 của chi bộ.", [String]()),
    ("Nghị quyết số 09-NQ/TU và Kế hoạch 45/KH-UBND.", ["09-NQ/TU", "45/KH-UBND"]),
  ])
func documentCodesOpenWithNumbers(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.extract(text).filter { $0.type == .document }.map(\.text) == expected)
}

@Test(
  "\"Chi bộ số 3\" is a numbered cell, as \"Chi bộ 3\" is",
  arguments: [
    ("Chi bộ số 3 có 57 đảng viên.", ["cell:Chi bộ số 3"]),
    ("Chi bộ số 12 (thôn Nà Bó) sinh hoạt.", ["cell:Chi bộ số 12", "village:Nà Bó"]),
  ])
func numberedCells(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text) == expected)
}
