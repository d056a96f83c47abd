import Testing
import VNXSegmentation

@testable import VNXExtraction

/// (quantity text, place text or nil, year or nil) for each indicator of `text`.
private func attribution(_ text: String, published: String? = nil) -> [(String, String?, Int?)] {
  let sentences = Segmenter().sentences(in: text)
  let entities = EntityExtractor().extract(from: text, sentences: sentences)
  let found = IndicatorExtractor().extract(
    from: text, sentences: sentences, entities: entities, published: published)
  return found.map { ($0.text, $0.place.map { entities[$0].text }, $0.year) }
}

@Test(
  "An indicator's place: named before it, the apposed chain's most specific, a level noun, named after, the article's",
  arguments: [
    ("Xã Pả Vi có 97 hộ nghèo.", "97 hộ", "Pả Vi"),
    ("Huyện Tam Bình, tỉnh Vĩnh Long thu hoạch 9.860 ha lúa.", "9.860 ha", "Tam Bình"),
    ("Xã Bản Hon (huyện Tam Đường) có 166 đảng viên.", "166 đảng viên", "Bản Hon"),
    ("Huyện Hà Quảng có xã Sóc Hà. Toàn huyện có 214 công trình thủy lợi.", "214 công trình", "Hà Quảng"),
    ("Huyện Hà Quảng có xã Sóc Hà. Năm qua có 97 hộ ở xã Sóc Hà thoát nghèo.", "97 hộ", "Sóc Hà"),
    // The district named most is the article's place.
    ("Huyện Mường Tè có xã Bum Nưa. Huyện Mường Tè đẩy mạnh trồng rừng. Người dân trồng 500 ha quế.",
     "500 ha", "Mường Tè"),
  ])
func linksPlaces(_ text: String, _ quantity: String, _ place: String?) {
  let found = attribution(text).first { $0.0 == quantity }
  #expect(found?.1 == place)
}

@Test(
  "No place when none is named or none dominates",
  arguments: [
    "Ông Lò Văn Phà cho biết có 5 hộ đăng ký.",
    "Xã Pả Vi và xã Bản Hon được hỗ trợ. Người dân trồng 500 ha quế.",
    "Các xã đều đạt 100% kế hoạch.",
  ])
func leavesPlaceEmpty(_ text: String) {
  let found = attribution(text)
  #expect(!found.isEmpty)
  #expect(found.allSatisfy { $0.1 == nil })
}

@Test(
  "An indicator's year from its sentence when the paragraph names none before it",
  arguments: [
    ("Đến ngày 31/12/2024, huyện có 4.286 người tham gia.", "4.286 người", nil, 2024 as Int?),
    ("Tính đến cuối tháng 9/2024, huyện có 4.286 người tham gia.", "4.286 người", nil, 2024),
    ("Huyện hỗ trợ 850 triệu đồng trong năm 2022.", "850 triệu đồng", nil, 2022),
    ("Vụ đông xuân năm nay, huyện xuống giống 11.880 ha.", "11.880 ha", "2023-03-13T10:05:00+07:00", 2023),
    ("Năm ngoái huyện trồng 300 ha chè.", "300 ha", "2023-03-13", 2022),
    // A comparison base and a document's date are not the year measured.
    ("Huyện có 4.286 người tham gia, tăng 1.027 người so với cuối năm 2023.", "4.286 người", nil, nil),
    ("Nghị quyết số 07-NQ/HU ngày 12/8/2021 hỗ trợ 850 triệu đồng.", "850 triệu đồng", nil, nil),
    ("Vụ đông xuân năm nay, huyện xuống giống 11.880 ha.", "11.880 ha", nil, nil),
  ] as [(String, String, String?, Int?)])
func readsYears(_ text: String, _ quantity: String, _ published: String?, _ year: Int?) {
  let found = attribution(text, published: published).first { $0.0 == quantity }
  #expect(found != nil)
  #expect(found?.2 == year)
}

@Test("A place listed many times is searched and mentioned once per occurrence, not once per listing")
func repeatedPlacesStayLinear() {
  let paragraph = "Xã Bản Hon, huyện Tam Đường có 166 đảng viên và 97 hộ nghèo. "
  let text = String(repeating: paragraph, count: 200)
  let sentences = Segmenter().sentences(in: text)
  let entities = EntityExtractor().extract(from: text, sentences: sentences)
  let attribution = Attribution(text: text, sentences: sentences, entities: entities, published: nil)
  // Two place names, each written 200 times: 400 mentions, whatever the number of listings.
  #expect(attribution.places.count == 400)
  let found = IndicatorExtractor().extract(
    from: text, sentences: sentences, entities: entities, published: nil)
  #expect(found.count == 400)
  #expect(found.allSatisfy { $0.place.map { entities[$0].text } == "Bản Hon" })
}

@Test("Each year word's literal hash is the hash of its word", arguments: [
    (Attribution.năm, "năm"), (Attribution.ngày, "ngày"), (Attribution.nay, "nay"),
    (Attribution.ngoái, "ngoái"), (Attribution.tới, "tới"),
  ] as [(UInt64, String)])
func literalYearWords(_ key: UInt64, _ word: String) { #expect(key == Attribution.hash(word)) }
