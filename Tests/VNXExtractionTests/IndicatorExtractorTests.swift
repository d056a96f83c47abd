import Testing
import VNXSegmentation

@testable import VNXExtraction

private func extract(_ text: String) -> [Indicator] { IndicatorExtractor().extract(from: text) }

@Test(
  "Values, units and kinds",
  arguments: [
    ("Xã có 166 đảng viên.", 166.0, "đảng viên", QuantityKind.count),
    ("Sản lượng đạt 2.343 tấn.", 2343, "tấn", .mass),
    ("Tổng vốn 1,2 tỷ đồng.", 1_200_000_000, "đồng", .money),
    ("Thu về 3 nghìn tấn vải.", 3000, "tấn", .mass),
    ("Đã giải ngân 112.380 triệu đồng.", 112_380_000_000, "đồng", .money),
    ("Diện tích 1.246,5 ha cà phê.", 1246.5, "ha", .area),
    ("Hiến 3.200 m2 đất.", 3200, "m2", .area),
    ("Làm 46,8 km đường.", 46.8, "km", .length),
    ("Năng suất 52,8 tạ/ha.", 52.8, "tạ/ha", .rate),
    ("Giá 9.000 đồng/kg.", 9000, "đồng/kg", .rate),
    ("Thu nhập 24 triệu đồng/người/năm.", 24_000_000, "đồng/người/năm", .rate),
    ("Tỷ lệ che phủ rừng là 53,81%.", 53.81, "%", .percent),
    ("Bể chứa 500 m3 nước.", 500, "m3", .volume),
    ("Luân phiên 10 bác sĩ về tuyến xã.", 10, "bác sĩ", .count),
    ("Phường có 48 khối phố.", 48, "khối", .count),
    ("Xuất khẩu 2,5 triệu USD.", 2_500_000, "usd", .money),
    ("Thôn có hai mươi lăm hộ thoát nghèo.", 25, "hộ", .count),
    ("Cả buôn chỉ có ba giếng.", 3, "giếng", .count),
    ("Kết nạp bảy đảng viên mới.", 7, "đảng viên", .count),
    ("Có 03 bản chưa có đảng viên.", 3, "bản", .count),
    ("Nuôi 01 con bò cái.", 1, "con", .count),
    ("Trao 40 máy bơm cho bà con.", 40, "máy", .count),
    ("Có 12 hợp tác xã kiểu mới.", 12, "hợp tác xã", .count),
    ("Vận động hơn 3 ngàn học sinh đến lớp.", 3000, "học sinh", .count),
  ])
func readsQuantities(_ text: String, _ value: Double, _ unit: String, _ kind: QuantityKind) {
  let found = extract(text)
  #expect(found.count == 1, "\(found.map(\.text))")
  #expect(found.first?.value == value)
  #expect(found.first?.unit == unit)
  #expect(found.first?.kind == kind)
}

@Test(
  "Not quantities: dates, times, years, durations, codes, names, ordinals, vague amounts, ratings",
  arguments: [
    "Ngày 22/9/2017, Ban Bí thư ban hành Kết luận số 18-KL/TW.",
    "Năm 2018, xã hoàn thành nhiệm vụ.",
    "Sinh hoạt vào ngày 03 hằng tháng.",
    "Trước sinh hoạt từ 01 đến 02 ngày.",
    "Chi bộ 6 (Chi bộ trường Tiểu học) sinh hoạt mẫu.",
    "Nghị quyết Trung ương 4 khóa XII của Đảng.",
    "Đại hội lần thứ V diễn ra sôi nổi.",
    "Phòng, chống dịch COVID-19 hiệu quả.",
    "Nguồn vốn Chương trình 135 được phân bổ.",
    "Em học sinh lớp 9 đạt giải.",
    "Người dân thôn Long Láy 1 phấn khởi.",
    "Hàng trăm hộ tham gia ngày hội.",
    "Homestay đạt chuẩn 4 sao.",
    "Lúc 17:44 đoàn đến thăm.",
    "Giai đoạn 2021 - 2025 huyện phấn đấu.",
    "Quyết định số 90/QĐ-TTg ngày 18/01/2022.",
    "Trong 2 ngày (27-28/7) đại hội diễn ra.",
    "Mỗi năm thôn bán ra nhiều quế.",
    "Đến cuối năm huyện tập trung đẩy nhanh tiến độ.",
    "Bài viết có 1.982 lượt xem.",
    "Sau 5 năm triển khai, chương trình đạt kết quả.",
    "Một người dân cho biết.",
    "Tháng 5/2024 huyện tổ chức sơ kết.",
  ])
func skipsNonQuantities(_ text: String) {
  #expect(extract(text).isEmpty, "\(extract(text).map(\.text))")
}

@Test(
  "Qualifiers before the number",
  arguments: [
    ("trên 5, 5 ha", 5.5, Indicator.Qualifier.over),
    ("hơn 5, 5%", 5.5, .over),
    ("hơn 18.600 hộ", 18600, .over),
    ("vượt 5%", 5, .over),
    ("dưới 18%", 18, .under),
    ("chưa đến 0,5 ha", 0.5, .under),
    ("khoảng 30%", 30, .approx),
    ("gần 16,5 tỷ đồng", 16_500_000_000, .approx),
    ("xấp xỉ 40 tấn", 40, .approx),
    ("ước đạt 52,8 tạ/ha", 52.8, .approx),
    ("chừng 20 hộ", 20, .approx),
  ])
func readsQualifiers(_ text: String, _ value: Double, _ qualifier: Indicator.Qualifier) {
  let found = extract("Kết quả " + text + " trong năm.")
  #expect(found.first?.value == value)
  #expect(found.first?.qualifier == qualifier)
  #expect(found.first?.text == text)
}

@Test(
  "Trends are changes; a level reached is not",
  arguments: [
    ("Tổng đàn tăng 4,2% so với năm 2022.", [Indicator.Trend.increase]),
    ("Mỗi năm giảm gần 3%.", [.decrease]),
    ("Bán được tăng thêm 500.000 đồng.", [.increase]),
    ("Xã giảm 142 hộ nghèo.", [.decrease]),
    ("Tỷ lệ hộ nghèo giảm xuống còn 18,9%.", [nil]),
    ("Tỷ lệ giảm từ 49,47% xuống còn 42,32%, giảm 7,15%.", [nil, nil, .decrease]),
    ("Số hộ tăng từ 40 lên 55 hộ.", [nil, nil]),
    ("Phấn đấu giảm tỷ lệ hộ nghèo từ 6 - 7%.", [.decrease]),
    ("Giá trị sản xuất tăng bình quân từ 8 - 10% mỗi năm.", [.increase]),
    ("Tỷ lệ hộ nghèo còn 36,8%.", [nil]),
  ])
func readsTrends(_ text: String, _ trends: [Indicator.Trend?]) {
  let found = extract(text)
  #expect(found.map(\.trend) == trends, "\(found.map(\.text))")
}

@Test("Level start takes the unit of the level reached")
func levelStartTakesUnit() {
  let found = extract("Số hộ tăng từ 40 lên 55 hộ.")
  #expect(found.map(\.value) == [40, 55])
  #expect(found.map(\.unit) == ["hộ", "hộ"])
}

@Test(
  "Ranges and shares",
  arguments: [
    ("từ 3 đến 4 hộ gia đình", 3.0, 4.0 as Double?, nil as Double?, "hộ"),
    ("từ 30 - 50 triệu đồng", 30_000_000, 50_000_000, nil, "đồng"),
    ("từ 1,5 - 2 tấn/ha", 1.5, 2, nil, "tấn/ha"),
    ("3-5 con bò", 3, 5, nil, "con"),
    ("3 – 5 ha", 3, 5, nil, "ha"),
    ("từ 9.000 - 9.500 đồng/kg", 9000, 9500, nil, "đồng/kg"),
    ("từ 500.000 đồng đến 1 triệu đồng", 500_000, 1_000_000, nil, "đồng"),
    ("13/13 chi bộ", 13, nil, 13, "chi bộ"),
    ("11/12 bản", 11, nil, 12, "bản"),
    ("4/4 trường học", 4, nil, 4, "trường"),
  ])
func readsRangesAndShares(
  _ text: String, _ value: Double, _ valueMax: Double?, _ total: Double?, _ unit: String
) {
  let found = extract("Có " + text + " tham gia.")
  #expect(found.count == 1, "\(found.map(\.text))")
  #expect(found.first?.value == value)
  #expect(found.first?.valueMax == valueMax)
  #expect(found.first?.total == total)
  #expect(found.first?.unit == unit)
}

@Test("Offsets are Unicode scalar offsets into the text")
func offsetsAreScalarOffsets() {
  let text = "Đảng bộ xã có 166 đảng viên, tăng 2,8%."
  let found = extract(text)
  let scalars = Array(text.unicodeScalars)
  for item in found {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[item.start..<item.end])
    #expect(String(view) == item.text)
  }
  #expect(found.map(\.text) == ["166 đảng viên", "tăng 2,8%"])
}

@Test(
  "What is measured and the year",
  arguments: [
    ("Năm 2018, tổng sản lượng lương thực đạt 2.343 tấn.", "sản lượng lương thực", 2018),
    ("Năm 2021, tỷ lệ che phủ rừng của xã là 53,81%.", "tỷ lệ che phủ rừng", 2021),
    ("Toàn huyện có 1.186 hộ thoát nghèo.", "hộ thoát nghèo", nil),
    ("Xã có 182 hộ, hơn 95% là đồng bào Jrai.", "đồng bào jrai", nil),
    ("Đã hỗ trợ 1.280 con bò giống cho hộ nghèo.", "bò giống", nil),
    ("Đến nay, làng đã tái canh được 96 ha.", "tái canh", nil),
    ("Năm 2023 thu ngân sách đạt 108% dự toán.", "dự toán", 2023),
    ("Tỷ lệ doanh nghiệp có tổ chức đảng còn thấp, chưa đến 2%.", "tỷ lệ doanh nghiệp", nil),
    ("Tại xã, tỷ lệ người dân được tiêm mũi 1 đạt 95,1%.", "tiêm mũi 1", nil),
    ("Huyện đã trồng 1.512,4 ha rừng, đạt 108% kế hoạch năm.", "kế hoạch năm", nil),
    // The base of a comparison is not the year measured, here or further on.
    ("Năm 2023, xã thu 500 tấn lúa, tăng so với năm 2022. Tỷ lệ hộ nghèo còn 3%.", "tỷ lệ hộ nghèo", 2023),
    ("Năm 2023, xã thu 500 tấn lúa, tăng so với cùng kỳ năm 2022; tỷ lệ hộ nghèo còn 3%.", "tỷ lệ hộ nghèo", 2023),
  ])
func readsAboutAndYear(_ text: String, _ about: String, _ year: Int?) {
  let found = extract(text).last
  #expect(found?.about?.lowercased().contains(about) == true, "\(found?.about ?? "nil")")
  #expect(found?.year == year)
}

@Test(
  "What is measured keeps names whole and leaves out where it is measured",
  arguments: [
    ("Dư nợ tín dụng chính sách trên địa bàn huyện Quảng Ninh, tỉnh Quảng Bình đạt 612,4 tỷ đồng.",
     "Dư nợ tín dụng chính sách"),
    ("Tổng thu ngân sách nhà nước trên địa bàn huyện Sìn Hồ ước đạt 71,8 tỷ đồng.", "Tổng thu ngân sách nhà nước"),
    ("Đồng bào Mông chiếm trên 50% dân số của xã.", "Đồng bào Mông"),
    ("Chi bộ thôn Đông Bình có 56 đảng viên.", "Chi bộ thôn Đông Bình"),
  ])
func readsAboutExactly(_ text: String, _ about: String) {
  #expect(extract(text).first?.about == about)
}

@Test(
  "Counted nouns are the segmenter's words; names and years before nouns are not counts",
  arguments: [
    ("Hội nghị có 200 đại biểu tham dự.", ["200 đại biểu"]),
    ("Lắp đặt 35 bóng đèn chiếu sáng.", ["35 bóng đèn"]),
    ("Tết Nguyên đán 2024 diễn ra an toàn.", []),
    ("Nhiệm kỳ 2020 - 2025 huyện đề ra nhiều chỉ tiêu.", []),
    ("Quốc lộ 279 đi qua địa bàn.", []),
    ("Sư đoàn 316 tổ chức giao lưu.", []),
    ("Ngày 2/9 vừa qua, xã tổ chức lễ.", []),
    ("Sản lượng tăng gấp 2 lần.", []),
    ("Đội tuyển U23 Việt Nam thi đấu.", []),
    ("Người từ 18 tuổi trở lên đăng ký.", []),
    ("Mô hình \"1 phải 5 giảm\" được áp dụng.", []),
    ("Giá sâm loại 1 hiện dao động.", []),
    ("Trong đó đảng viên là người Khmer 1.018 đồng chí.", ["1.018 đồng chí"]),
    ("Cả làng 100% người dân đã tiêm.", ["100%"]),
    ("Gia đình có thêm một con bê.", ["một con"]),
    ("Ruộng một vụ kém hiệu quả.", []),
    ("Huyện làm 8.600 ngày công.", ["8.600 ngày công"]),
  ])
func countsAndNames(_ text: String, _ expected: [String]) {
  #expect(extract(text).map(\.text) == expected)
}

@Test("Links to the place and subject named before the quantity in its sentence")
func linksEntities() {
  let text = "Đảng bộ xã Bản Hon có 166 đảng viên. Xã Pả Vi có 97 hộ. Toàn huyện có 18 xã."
  let entities = [
    Entity(type: .organization, text: "Đảng bộ xã Bản Hon", start: 0, end: 18),
    Entity(type: .commune, text: "Bản Hon", start: 11, end: 18),
    Entity(type: .commune, text: "Pả Vi", start: 40, end: 45),
  ]
  let found = IndicatorExtractor().extract(
    from: text, sentences: Segmenter().sentences(in: text), entities: entities)
  #expect(found.map(\.text) == ["166 đảng viên", "97 hộ", "18 xã"])
  #expect(found.map(\.place) == [1, 2, nil])
  #expect(found.map(\.subject) == [0, nil, nil])
}

@Test("Each key's literal hash is the hash of its word", arguments: [
    (Keys.trăm, "trăm"),
    (Keys.một, "một"),
    (Cue.năm, "năm"),
    (Keys.từ, "từ"),
    (Keys.đến, "đến"),
    (Keys.tới, "tới"),
    (Keys.lên, "lên"),
    (Keys.xuống, "xuống"),
    (Keys.thứ, "thứ"),
    (Keys.lượt, "lượt"),
    (Keys.percent, "%"),
    (Keys.permille, "‰"),
    (Cue.slash, "/"),
    (Cue.colon, ":"),
    (Cue.comma, ","),
    (Cue.dash, "-"),
    (Cue.enDash, "–"),
    (Keys.semicolon, ";"),
    (Cue.open, "("),
    (Cue.close, ")"),
    (Cue.và, "và"),
    (Keys.kỳ, "kỳ"),
    (Keys.với, "với"),
    (Keys.so, "so"),
    (Keys.học, "học"),
    (Keys.đoạn, "đoạn"),
    (Keys.chiếm, "chiếm"),
    (Keys.là, "là"),
    (Keys.của, "của"),
    (Keys.đồng, "đồng"),
    (Keys.thời, "thời"),
    (Keys.trên, "trên"),
    (Keys.địa, "địa"),
    (Keys.bàn, "bàn"),
    (Cue.thành, "thành"),
    (Cue.thị, "thị"),
  ] as [(UInt64, String)])
func literalKeys(_ key: UInt64, _ word: String) { #expect(key == Keys.h(word)) }
