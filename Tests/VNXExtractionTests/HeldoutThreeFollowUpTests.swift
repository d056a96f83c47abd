import Testing

@testable import VNXExtraction

// Rules for errors corpus/heldout3 still showed in the eighth session, one table per rule, each
// with cases written for the rule rather than taken from an article.

@Test(
  "A body's second field of work after a dash is part of its name; a second body is not",
  arguments: [
    ("Huyện phối hợp với Trạm Khuyến nông - Khuyến lâm huyện mở lớp.", ["Trạm Khuyến nông - Khuyến lâm huyện"]),
    ("Trạm Thú y - Bảo vệ thực vật huyện Mường Tè tiêm phòng.", ["Trạm Thú y - Bảo vệ thực vật huyện Mường Tè"]),
  ])
func dashJoinedBodies(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.extract(text).filter { $0.type == .organization }.map(\.text) == expected)
}

@Test(
  "\"Bí thư Chi bộ\" before a name is the role of that person, not a cell named after them",
  arguments: [
    ("Bí thư Chi bộ Siu Blung chia sẻ kinh nghiệm.", "Siu Blung", "Bí thư Chi bộ"),
    ("Bí thư Chi bộ Rơ Châm Hyưk cho biết.", "Rơ Châm Hyưk", "Bí thư Chi bộ"),
    ("Ông Lò Văn Pọm, Bí thư Chi bộ, cho biết.", "Lò Văn Pọm", "Bí thư Chi bộ"),
  ])
func secretaryBeforeName(_ text: String, _ name: String, _ role: String) {
  let found = EntityFixture.extract(text)
  #expect(found.filter { $0.type == .cell }.isEmpty)
  let person = found.first { $0.type == .person }
  #expect(person?.text == name)
  #expect(person?.role == role)
}

@Test(
  "A field (\"cánh đồng\") named after a place is no mention of the place",
  arguments: [
    ("Năm nay cánh đồng Mường Thanh được mùa.", [String]()),
    ("Xã Mường Than có 500 hộ. Trên cánh đồng Mường Than, lúa đã chín.", ["commune:Mường Than"]),
  ])
func fieldsNamedAfterPlaces(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text) == expected)
}

private func indicators(_ text: String) -> [Indicator] { IndicatorExtractor().extract(from: text) }

@Test(
  "\"mùng 5\" is a day of the month; \"thiểu số 52\" is a count",
  arguments: [
    ("Chi bộ sinh hoạt vào ngày mùng 5 hằng tháng.", [Double]()),
    ("Lễ hội mồng 3 hằng năm thu hút khách.", []),
    ("Trong đó đảng viên là người dân tộc thiểu số 52 đồng chí.", [52]),
  ])
func dayMarkersAndWordsEndingInSố(_ text: String, _ values: [Double]) {
  #expect(indicators(text).map(\.value) == values)
}
