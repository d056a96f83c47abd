import Testing

@testable import VNXExtraction

// The rules added after the first held-out measurement (corpus/heldout/README.md), one table
// per rule, each with cases written for the rule rather than taken from an article.

@Test(
  "A bare province name is a province; a bare name the text gives with a prefix keeps that type",
  arguments: [
    ("Nhiều lao động đi làm ở Đà Nẵng và Bình Dương.", ["province:Đà Nẵng", "province:Bình Dương"]),
    ("Thị xã Thái Hòa (Nghệ An) có 48 khối.", ["district:Thái Hòa", "province:Nghệ An"]),
    ("Huyện Quảng Ninh có 15 xã. Quảng Ninh trồng 200 ha lúa.", ["district:Quảng Ninh", "district:Quảng Ninh"]),
    ("Tỉnh Sơn La có 12 huyện. Sơn La đẩy mạnh chăn nuôi.", ["province:Sơn La", "province:Sơn La"]),
    // A former name the gazetteer keeps beside the newer one.
    ("Anh về làm việc ở Thừa Thiên Huế.", ["province:Thừa Thiên Huế"]),
    // A run led by a province's name names a thing, neither a person nor the province.
    ("Câu lạc bộ Hà Giang Xanh có 30 thành viên.", []),
    ("Sau khi tốt nghiệp Đại học Thái Nguyên, anh về quê.", ["organization:Đại học Thái Nguyên"]),
  ])
func readsBarePlaceNames(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text) == expected)
}

@Test(
  "A bare place name after a noun for a river, road or product is no place",
  arguments: [
    "Người dân trồng hơn 1.100 ha sâm Ngọc Linh dưới tán rừng.",
    "Nước sông Đồng Nai dâng cao.",
    "Cây quế Trà My đang được khôi phục.",
  ])
func ignoresNamesOfThings(_ text: String) {
  #expect(EntityFixture.keys(text).filter { !$0.hasPrefix("person:") } == [])
}

@Test(
  "Words that hold a prefix word do not introduce a place",
  arguments: [
    ("Sản phẩm được Hợp tác xã Dệt thổ cẩm bao tiêu.", [String]()),
    ("Hợp tác xã Nông nghiệp Phú Hòa liên kết với doanh nghiệp.", []),
    ("Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Bác Ái quản lý 18 tổ.",
     ["organization:Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Bác Ái", "district:Bác Ái"]),
    ("Lãnh đạo xã Hội Hoan kiểm tra.", ["commune:Hội Hoan"]),
    ("Huyện Đoàn phối hợp với Tỉnh Đoàn tổ chức.", ["organization:Huyện Đoàn", "organization:Tỉnh Đoàn"]),
    ("Tỉnh Lai Châu và các tỉnh Tây Bắc hợp tác.", ["province:Lai Châu"]),
  ])
func skipsPrefixFalseFriends(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text) == expected)
}

@Test(
  "Organizations: task committees, branches with their place, bodies with a bare province",
  arguments: [
    ("Quỹ Phòng, chống thiên tai tỉnh Bến Tre hỗ trợ 1,6 tỷ đồng.",
     ["Quỹ Phòng, chống thiên tai tỉnh Bến Tre"]),
    ("Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện họp khẩn.",
     ["Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện"]),
    ("Ban Chỉ đạo giải phóng mặt bằng xã đã họp.", ["Ban Chỉ đạo giải phóng mặt bằng xã"]),
    ("Ban Dân tộc tỉnh Gia Lai đề nghị rà soát.", ["Ban Dân tộc tỉnh Gia Lai"]),
    ("Sở Y tế Lai Châu kiểm tra.", ["Sở Y tế Lai Châu"]),
    ("Chi hội Nông dân thôn Nà Bưa có 40 hội viên.", ["Chi hội Nông dân thôn Nà Bưa"]),
    ("Xã giao Chi hội Phụ nữ và Chi đoàn thanh niên phụ trách.", []),
    ("Nhiều hộ ở hai xã miền núi Trường Sơn và Trường Xuân thoát nghèo.", []),
    ("Huyện xây trường Mầm non xã Nậm Tăm.", ["trường Mầm non xã Nậm Tăm"]),
    ("Hạt Kiểm lâm Đắk Glei tuần tra.", ["Hạt Kiểm lâm Đắk Glei"]),
    ("Đội Quản lý thị trường số 3 kiểm tra.", ["Đội Quản lý thị trường số 3"]),
    ("Ban Quản lý các khu công nghiệp tỉnh ký kết.", ["Ban Quản lý các khu công nghiệp tỉnh"]),
    ("Ban Quản lý dự án đầu tư xây dựng huyện làm chủ đầu tư.",
     ["Ban Quản lý dự án đầu tư xây dựng huyện"]),
    ("Hội Nông dân Việt Nam phát động thi đua.", ["Hội Nông dân Việt Nam"]),
    ("Đảng ủy Quân sự tỉnh họp.", ["Đảng ủy Quân sự tỉnh"]),
    ("Cán bộ đến từ Viện Khoa học Nông nghiệp, Trung tâm Dạy nghề.",
     ["Viện Khoa học Nông nghiệp", "Trung tâm Dạy nghề"]),
  ])
func findsFullerOrganizations(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.extract(text).filter { $0.type == .organization }.map(\.text) == expected)
}

@Test(
  "A body is listed in its fullest form, abbreviations read as the words they stand for",
  arguments: [
    ("Hội Cựu chiến binh huyện Bác Ái có 900 hội viên. Hội CCB huyện tặng quà.",
     ["Hội Cựu chiến binh huyện Bác Ái"]),
    ("Bảo hiểm xã hội huyện Bình Sơn vận động người dân tham gia BHXH tự nguyện.",
     ["Bảo hiểm xã hội huyện Bình Sơn"]),
    // The abbreviated form is no fuller as written: both stay.
    ("Ngân hàng Chính sách xã hội cho vay. Cán bộ NHCSXH huyện giải ngân.",
     ["Ngân hàng Chính sách xã hội", "NHCSXH huyện"]),
  ])
func appliesFullestFormThroughAbbreviations(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.extract(text).filter { $0.type == .organization }.map(\.text) == expected)
}

@Test(
  "People: minority surnames, middle names, degrees, short second mentions, names after Trưởng thôn",
  arguments: [
    ("Hỏi nhà CCB Pinăng Văn Lới ai cũng biết.", ["Pinăng Văn Lới"]),
    ("Anh Arất Bhiếc mở tiệm sửa máy.", ["Arất Bhiếc"]),
    ("Gia đình chị Pơloong Thị Mai trồng 0,5 ha ba kích.", ["Pơloong Thị Mai"]),
    ("Gia đình chị Zrâng Thị Hoa trồng 0,5 ha ba kích.", ["Zrâng Thị Hoa"]),
    ("Bác sĩ CKI Nguyễn Văn Tâm khám bệnh.", ["Nguyễn Văn Tâm"]),
    ("Bí thư Chi bộ kiêm Trưởng thôn Lò Văn Sơn nhường đất.", ["Lò Văn Sơn"]),
    ("Bà Néang Sa Vane có nhà mới. Bà Sa Vane rất vui.", ["Néang Sa Vane"]),
    ("Ông Y Thông Mlô kể chuyện. \"Bà con đã quen\", Y Thông nói.", ["Y Thông Mlô"]),
    ("PGS.TS Trần Văn Minh chia sẻ kinh nghiệm.", ["Trần Văn Minh"]),
    ("Trao đổi với phóng viên, Chủ tịch UBND huyện Đoàn Văn Sơn cho biết.", ["Đoàn Văn Sơn"]),
  ])
func findsMorePeople(_ text: String, _ expected: [String]) {
  let entities = EntityFixture.extract(text)
  #expect(entities.filter { $0.type == .person }.map(\.text) == expected)
  #expect(!entities.contains { $0.type == .village })
}

@Test(
  "Small forms: a day in brackets after a named day, a final full stop, lists after a singular prefix",
  arguments: [
    ("Nhân kỷ niệm Ngày Thương binh - Liệt sĩ (27/7), hội tặng quà.", ["date:27/7"]),
    ("Hội gia cố cống ở các ấp Phú Ninh, Song Phú B. Các công trình xong.",
     ["village:Phú Ninh", "village:Song Phú B"]),
    ("Huyện ưu tiên các thôn ở xã Đắk Ring, Măng Bút, Ngọc Tem.",
     ["commune:Đắk Ring", "commune:Măng Bút", "commune:Ngọc Tem"]),
    ("Bò sữa tập trung ở thị trấn Nông trường Mộc Châu.", ["commune:Nông trường Mộc Châu"]),
    ("Chi bộ Công ty TNHH Dệt may Phú Thịnh được thành lập.", ["cell:Chi bộ Công ty TNHH Dệt may Phú Thịnh"]),
    ("Chi bộ Trạm Y tế xã sinh hoạt chuyên đề.", ["cell:Chi bộ Trạm Y tế xã"]),
  ])
func readsSmallForms(_ text: String, _ expected: [String]) {
  #expect(EntityFixture.keys(text) == expected)
}
