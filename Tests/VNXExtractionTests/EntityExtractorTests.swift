import Testing
import VNXSegmentation

@testable import VNXExtraction

enum EntityFixture {
  static let extractor = EntityExtractor()

  static func extract(_ text: String) -> [Entity] { extractor.extract(from: text) }

  /// "type:text" for each entity, in text order.
  static func keys(_ text: String) -> [String] { extract(text).map { "\($0.type.rawValue):\($0.text)" } }
}

@Test(
  "People after honorifics, roles and in appositions",
  arguments: [
    ("Đồng chí Lò Văn Hặc, Bí thư Đảng ủy xã Mường So phát biểu.", "Lò Văn Hặc", "Bí thư Đảng ủy xã Mường So"),
    ("Ông Hà Trọng Hải - Phó Chủ tịch UBND tỉnh Lai Châu kiểm tra.", "Hà Trọng Hải", "Phó Chủ tịch UBND tỉnh Lai Châu"),
    ("Theo bà Lường Thị Thu, Chủ tịch Hội Nông dân xã Nậm Tăm, hội có 300 hội viên.", "Lường Thị Thu", "Chủ tịch Hội Nông dân xã Nậm Tăm"),
    ("Già làng Y Ngông Niê Kđăm kể lại chuyện xưa.", "Y Ngông Niê Kđăm", nil),
    ("Chị H'Hen Niê về thăm buôn.", "H'Hen Niê", nil),
    ("Anh Ksor Phước trồng 2 ha cà phê.", "Ksor Phước", nil),
    ("Bí thư Huyện ủy Sìn Hồ Giàng A Tính đi kiểm tra.", "Giàng A Tính", "Bí thư Huyện ủy Sìn Hồ"),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", "Hồ Chí Minh", nil),
    ("Quần chúng Sùng A Páo được kết nạp vào Đảng.", "Sùng A Páo", nil),
  ] as [(String, String, String?)])
func findsPeople(_ text: String, _ name: String, _ role: String?) {
  let people = EntityFixture.extract(text).filter { $0.type == .person }
  #expect(people.map(\.text) == [name])
  #expect(people.first?.role == role)
}

@Test(
  "Party cells, with the village they belong to",
  arguments: [
    ("Chi bộ 4 (bản Nà Tăm) có 25 đảng viên.", "Chi bộ 4", "Nà Tăm"),
    ("Chi bộ bản Thẳm tổ chức sinh hoạt chuyên đề.", "Chi bộ bản Thẳm", "Thẳm"),
    ("Chi bộ Trường THCS Tà Mung có 18 đảng viên.", "Chi bộ Trường THCS Tà Mung", nil),
    ("Chi bộ trường Mầm non tổ chức sinh hoạt.", "Chi bộ trường Mầm non", nil),
    ("Chi bộ 2 (tổ dân phố Đoàn Kết) họp thường kỳ.", "Chi bộ 2", "Đoàn Kết"),
  ] as [(String, String, String?)])
func findsCells(_ text: String, _ cell: String, _ village: String?) {
  let entities = EntityFixture.extract(text)
  let cells = entities.filter { $0.type == .cell }
  #expect(cells.map(\.text) == [cell])
  #expect(cells.first?.village == village)
  if let village {
    #expect(entities.contains { $0.type == .village && $0.text == village })
    #expect(cells.first?.parent.map { entities[$0].text } == village)
  }
}

@Test(
  "Generic mentions yield nothing",
  arguments: [
    "Các chi bộ trực thuộc đã sinh hoạt đúng quy định.",
    "100% thôn bản có chi bộ, các đoàn thể thôn bản hoạt động tốt.",
    "Năm 2018 xã kết nạp 7 đảng viên mới, 13/13 chi bộ hoàn thành tốt nhiệm vụ.",
    "Đánh giá việc thực hiện Nghị quyết Trung ương 4 khóa XII.",
    "Bà con buôn bán nông sản ở chợ phiên, xây dựng bản văn hóa.",
    "Các đồng chí Huyện ủy viên được phân công phụ trách.",
    "Đạt 4/4 tiêu chí, có 19/19 xã đạt chuẩn.",
  ])
func ignoresGenericMentions(_ text: String) {
  #expect(EntityFixture.keys(text) == [])
}

@Test(
  "Villages, lowercase-written names and lists",
  arguments: [
    ("Người dân bản Pá Khoang trồng lúa.", ["village:Pá Khoang"]),
    ("Chi bộ 5 (bản Chăn nuôi) họp.", ["cell:Chi bộ 5", "village:Chăn nuôi"]),
    ("Đường vào các bản Nà Khum, Pa Pe và Huổi Luông đã được cứng hóa.", ["village:Nà Khum", "village:Pa Pe", "village:Huổi Luông"]),
    ("Nhà văn hóa thôn Long Láy 1 mới khánh thành.", ["village:Long Láy 1"]),
    ("Bà con ấp Sóc Chà, sóc Bưng Tum và plei Ốp đều có điện.", ["village:Sóc Chà", "village:Bưng Tum", "village:Ốp"]),
    ("Làng Kon Klor có 120 hộ.", ["village:Kon Klor"]),
  ])
func findsVillages(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text).filter { $0.hasPrefix("village:") || $0.hasPrefix("cell:") } == expected)
}

@Test("Communes, districts and provinces resolve against the gazetteer")
func resolvesPlaces() {
  let entities = EntityFixture.extract(
    "Đảng bộ xã Bản Hon, huyện Tam Đường, tỉnh Lai Châu có 13 chi bộ; TP. Lai Châu cách 20 km.")
  let places = entities.filter { [.commune, .district, .province].contains($0.type) }
  #expect(places.map(\.text) == ["Bản Hon", "Tam Đường", "Lai Châu", "Lai Châu"])
  #expect(places.map(\.type) == [.commune, .district, .province, .district])
  #expect(places.map(\.code) == ["03421", "106", "12", "105"])
  #expect(places.map(\.kind) == ["xã", "huyện", "tỉnh", "thành phố"])
  let commune = entities.firstIndex { $0.text == "Bản Hon" && $0.type == .commune }!
  let district = entities[commune].parent!
  #expect(entities[district].text == "Tam Đường")
  #expect(entities[district].parent.map { entities[$0].text } == "Lai Châu")
  #expect(entities.contains { $0.type == .organization && $0.text == "Đảng bộ xã Bản Hon" })
}

@Test(
  "A name is tagged by what it names where it stands",
  arguments: [
    ("Đoàn công tác đến TP. Hồ Chí Minh.", "province:Hồ Chí Minh"),
    ("Thực hiện Chỉ thị 05 về học tập và làm theo tư tưởng Hồ Chí Minh.", "person:Hồ Chí Minh"),
    ("Thị trấn Mường Ảng và huyện Mường Ảng tổ chức hội nghị.", "commune:Mường Ảng"),
    ("Thị trấn Mường Ảng và huyện Mường Ảng tổ chức hội nghị.", "district:Mường Ảng"),
  ])
func tagsByPosition(_ text: String, _ expected: String) {
  #expect(EntityFixture.keys(text).contains(expected))
}

@Test(
  "Organizations in their fullest written form",
  arguments: [
    ("Đảng ủy xã Giai Xuân chỉ đạo; Đảng ủy xã đã ban hành nghị quyết.", ["Đảng ủy xã Giai Xuân"]),
    ("Ban Thường vụ Huyện ủy Mường Ảng và Ban Tổ chức Trung ương hướng dẫn.", ["Ban Thường vụ Huyện ủy Mường Ảng", "Ban Tổ chức Trung ương"]),
    ("Ông Lò Văn Inh, Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện Sìn Hồ cho biết.", ["phòng Nông nghiệp và Phát triển nông thôn huyện Sìn Hồ"]),
    ("Hội Khuyến học huyện Mỹ Xuyên trao 50 suất học bổng.", ["Hội Khuyến học huyện Mỹ Xuyên"]),
    ("Ngân hàng Chính sách xã hội huyện Trà Cú cho vay.", ["Ngân hàng Chính sách xã hội huyện Trà Cú"]),
    ("Hoạt động của HĐND, UBND có nhiều tiến bộ; Mặt trận Tổ quốc vận động nhân dân.", ["HĐND", "UBND", "Mặt trận Tổ quốc"]),
    ("Đồn Biên phòng Hướng Phùng phối hợp với Bộ Chính trị.", ["Đồn Biên phòng Hướng Phùng", "Bộ Chính trị"]),
  ])
func findsOrganizations(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.extract(text).filter { $0.type == .organization }.map(\.text) == expected)
}

@Test(
  "Documents by code family, kind from the word before, date from a following ngày",
  arguments: [
    ("Quán triệt Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư.", "18-KL/TW", "Kết luận", "2017-09-22"),
    ("Thực hiện Nghị quyết 35-NQ/TW của Bộ Chính trị.", "35-NQ/TW", "Nghị quyết", nil),
    ("Theo Quyết định số 1234/QĐ-UBND ngày 5/6/2021 của UBND tỉnh.", "1234/QĐ-UBND", "Quyết định", "2021-06-05"),
    ("Thông tư 05/2019/TT-BTC hướng dẫn quản lý kinh phí.", "05/2019/TT-BTC", "Thông tư", nil),
    ("Triển khai 120-KH/HU ngày 12 tháng 3 năm 2024 của Huyện ủy.", "120-KH/HU", "Kế hoạch", "2024-03-12"),
  ] as [(String, String, String, String?)])
func findsDocuments(_ text: String, _ code: String, _ kind: String, _ date: String?) {
  let documents = EntityFixture.extract(text).filter { $0.type == .document }
  #expect(documents.map(\.text) == [code])
  #expect(documents.first?.kind == kind)
  #expect(documents.first?.date == date)
}

@Test(
  "Dates in every common style, as precise as written",
  arguments: [
    ("Ngày 22/9/2017, hội nghị khai mạc.", "22/9/2017", "2017-09-22"),
    ("Từ ngày 25-10-2017 đến nay.", "25-10-2017", "2017-10-25"),
    ("Đến tháng 5/2019, xã có 120 hộ.", "tháng 5/2019", "2019-05"),
    ("Chiều 21/8, đoàn làm việc tại xã.", "21/8", "--08-21"),
    ("Ngày 05 tháng 12 năm 2023, UBND tỉnh ban hành quyết định.", "05 tháng 12 năm 2023", "2023-12-05"),
    ("Trong tháng 12 năm 2023 xã trồng rừng.", "tháng 12 năm 2023", "2023-12"),
    ("Kỷ niệm ngày thành lập Đảng 3/2/1930.", "3/2/1930", "1930-02-03"),
  ])
func findsDates(_ text: String, _ written: String, _ value: String) {
  let dates = EntityFixture.extract(text).filter { $0.type == .date }
  #expect(dates.map(\.text) == [written])
  #expect(dates.first?.value == value)
}

@Test(
  "Date values", arguments: [
    ("22/9/2017", "2017-09-22"), ("5/2019", "2019-05"), ("5/9", "--09-05"), ("29/2/2024", "2024-02-29"),
    ("29/2/2023", nil), ("13/13", nil), ("32/1/2020", nil), ("2021-2025", nil), ("1.234", nil),
  ] as [(String, String?)])
func readsDateValues(_ text: String, _ value: String?) {
  #expect(DateValue.numeric(text) == value)
}

@Test("Offsets are Unicode scalar offsets into the text")
func entityOffsetsAreScalarOffsets() {
  let text = "Người dân thôn Khe Bốc, xã Nậm Tha trồng quế."
  let scalars = Array(text.unicodeScalars)
  for entity in EntityFixture.extract(text) {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[entity.start..<entity.end])
    #expect(String(view) == entity.text)
  }
}

@Test("Places follow the structure the text is written in, before or after the 2025 reform")
func followsAdministrativeStructure() {
  // After the reform: no district, the special zone (đặc khu) Vân Đồn in Quảng Ninh.
  let after = EntityFixture.extract("Đặc khu Vân Đồn, tỉnh Quảng Ninh đón 2 triệu lượt khách.")
  let zone = after.first { $0.type == .commune }
  #expect(zone?.text == "Vân Đồn")
  #expect(zone?.code == "06994")
  #expect(zone?.parent.map { after[$0].text } == "Quảng Ninh")
  // Before it: the district of Vân Đồn.
  let before = EntityFixture.extract("Huyện Vân Đồn, tỉnh Quảng Ninh đón 2 triệu lượt khách.")
  #expect(before.first { $0.type == .district }?.code != nil)
}
