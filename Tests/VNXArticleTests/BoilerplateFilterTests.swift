import Testing

@testable import VNXArticle

let filter = BoilerplateFilter()

func kind(_ text: String) -> BlockKind { filter.classify(PageBlock(text: text), LineShape(text)) }

@Test(
  "Widget, menu, list and footer lines are boilerplate",
  arguments: [
    "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
    "Click để đánh giá bài viết",
    "lượt xem: 1982 | lượt tải:204",
    "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Xây dựng Đảng | Liên hệ",
    "Trang chủ » Tin tức - Sự kiện » Xây dựng Đảng",
    "Kbang: Nông dân thu lãi 80 triệu đồng/ha từ mía   13/05/2022",
    "Trao Huy hiệu 30 năm tuổi Đảng cho 12 đảng viên xã Búng Lao (15/02/2024)",
    "Krông Bông: Trao 50 con bò giống cho hộ nghèo (14/11/2024) | 312 lượt xem",
    "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây",
    "Giấy phép hoạt động báo chí điện tử số 95/GP-BTTTT. Địa chỉ: 02 Hoàng Văn Thụ, TP. Pleiku",
    "Tin cùng chuyên mục", "Xem thêm", "top", "Tags: lúa vụ mùa, Thuận Châu",
    "Theo dõi Báo Gia Lai trên Google News",
  ])
func boilerplateLines(_ text: String) {
  #expect(kind(text).isBoilerplate, "\(text) → \(kind(text))")
}

@Test(
  "Article sentences stay, even when they mention sharing or licences",
  arguments: [
    "Ông Vàng A Chư, Trưởng bản Pú Súa chia sẻ: bà con trong bản đã thấy rõ lợi ích của việc trồng sơn tra dưới tán rừng.",
    "Năm 2023, huyện cấp 120 giấy phép xây dựng nhà ở cho hộ gia đình, tăng 15% so với năm trước đó.",
    "Đảng bộ xã Bản Hon có 166 đảng viên sinh hoạt tại 13 chi bộ, trong đó có 9 chi bộ nông thôn, 3 chi bộ trường học và 01 chi bộ trạm y tế.",
  ])
func proseLines(_ text: String) {
  #expect(kind(text) == .prose)
}

@Test(
  "Listed items are found the same on lines read by bytes and on lines with combining marks",
  arguments: [
    ("Kbang: Nông dân thu lãi 80 triệu đồng/ha từ mía   13/05/2022", true),
    ("Trao Huy hiệu 30 năm tuổi Đảng cho 12 đảng viên (15/02/2024)", true),
    ("Năm học mới khai giảng ở Mường Tè 05/09/2023 1.234 lượt xem", true),
    ("Năng suất lúa đạt 60 tạ/ha, tăng 2 tạ/ha so với năm 2022.", false),
    ("Huyện đã hoàn thành kế hoạch năm vào ngày 15/12/2023.", false),
    ("Tin mới 12/03/2024", false),
    ("Giá lúa 7.500 đồng/kg 2024", false),
  ])
func listedItems(_ text: String, _ listed: Bool) {
  #expect(UTF8Search.scalarsAreCharacters(text.utf8))
  #expect(filter.isListedItem(LineShape(text)) == listed)
  // A joiner glues itself to the scalar before it, inside the first word: the Character path.
  let joined = String(text.unicodeScalars.first!) + "\u{200D}" + String(text.unicodeScalars.dropFirst())
  #expect(!UTF8Search.scalarsAreCharacters(joined.utf8))
  #expect(filter.isListedItem(LineShape(joined)) == listed)
}

@Test(
  "Text whose scalars are characters",
  arguments: [
    ("Nguyễn Văn Ánh – Báo Lai Châu", true), ("Giá: 7.500 đ/kg “mới”", true), ("e\u{301}", false),
    ("a\r\nb", false), ("tiếng\u{200D}việt", false), ("Ελλάδα", false), ("", true),
  ])
func scalarsAreCharacters(_ text: String, _ simple: Bool) {
  #expect(UTF8Search.scalarsAreCharacters(text.utf8) == simple)
}
