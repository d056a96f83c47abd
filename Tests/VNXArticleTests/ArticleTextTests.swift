import Testing

@testable import VNXArticle

@Test("Article text joins the parts and knows where each one is")
func articleTextOffsets() throws {
  let article = Article(
    title: "Bản Hon đổi mới", lead: "Đảng bộ xã Bản Hon có 166 đảng viên.",
    paragraphs: ["Năm 2018 đạt 2.343 tấn.", "Tỷ lệ hộ nghèo giảm 2,8%."], captions: ["Ảnh: Thanh Sơn"])
  let text = article.text
  #expect(text.parts.map(\.kind) == [.title, .lead, .paragraph, .paragraph, .caption])
  let scalars = Array(text.text.unicodeScalars)
  for part in text.parts {
    let piece = String(String.UnicodeScalarView(scalars[part.start..<part.end]))
    let expected: String =
      switch part.kind {
      case .title: article.title!
      case .lead: article.lead!
      case .paragraph: article.paragraphs[part.index]
      case .caption: article.captions[part.index]
      }
    #expect(piece == expected)
    #expect(text.part(containing: part.start) == part)
  }
  #expect(text.part(containing: text.parts[0].end) == nil)
}

@Test(
  "Input form is detected from content",
  arguments: [
    ("<!DOCTYPE html><html><body><p>Lai Châu</p></body></html>", InputFormat.html),
    ("  <div class=\"content\"><p>Tin</p></div>", .html),
    ("{\"url\": \"https://a.vn/1\", \"html\": \"<p>x</p>\"}\n", .jsonl),
    ("Đảng bộ xã Bản Hon\nChủ nhật - 27/01/2019 17:44 489 0\n", .text),
    ("Giá 5 < 7 và 9 > 3 là đúng.", .text),
  ])
func detectsFormat(_ text: String, _ format: InputFormat) {
  #expect(InputFormat.detect(in: Array(text.utf8)) == format)
}

@Test(
  "Site names leave page titles, dashes inside titles stay",
  arguments: [
    ("Bảo Lâm: Hơn 3.400 ha ngô vụ xuân cho thu hoạch | Báo Cao Bằng điện tử", "Bảo Lâm: Hơn 3.400 ha ngô vụ xuân cho thu hoạch"),
    ("Hội nghị Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020 - 2025", "Hội nghị Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020 - 2025"),
    ("Mù Cang Chải đón khách mùa lúa chín - Tin tổng hợp 24h", "Mù Cang Chải đón khách mùa lúa chín"),
  ])
func removesSiteNames(_ title: String, _ expected: String) {
  #expect(ArticleReader.siteSuffixRemoved(title) == expected)
}

@Test(
  "Bare author lines at the end or under the date line of a text dump give the author",
  arguments: [
    "Minh Anh", "PV", "BBT", "Bài, ảnh: Thu Hằng", "Văn Miên", "Điểu Thị Hạnh - Ban Dân tộc tỉnh", "Bríu Quân (TTVH huyện)",
    "NGUYỄN VĂN AN", "Thanh Sơn - Minh Anh", "Nhóm PV",
  ])
func bareAuthorLines(_ line: String) throws {
  let expected = Byline.labeled(line) ?? Byline.name(line)
  #expect(expected != nil)
  let first = "Từ đầu năm 2022 đến nay, huyện đã mở 19 lớp đào tạo nghề cho 564 học viên, trong đó có nhiều người là đồng bào dân tộc thiểu số."
  let second = "Các lớp được tổ chức ngay tại thôn, thời gian học từ 1 đến 3 tháng, với các nghề trồng và chăm sóc sâm, chăn nuôi và dệt thổ cẩm."
  let title = "Huyện đào tạo nghề cho lao động nông thôn trong năm 2022 để có việc làm ổn định"
  let footer = "Chia sẻ: Facebook | Twitter\nCác tin khác:\n» Tây Giang tổ chức Lễ hội văn hóa (12/10/2022)\n© 2022 Báo Lai Châu"
  for page in [
    "\(title)\nThứ năm, 22/09/2022 - 14:05\n\(first)\n\(second)\n\(line)\n\(footer)",
    "\(title)\nThứ năm, 22/09/2022 - 14:05\n\(line)\n\(first)\n\(second)\n\(footer)",
  ] {
    let article = try #require(try ArticleReader().read(Array(page.utf8)).first)
    #expect(article.author == expected)
    #expect(article.title == title)
    #expect(article.lead == first && article.paragraphs == [second])
  }
}

@Test("A menu of capitalized words above the title, its separators only spaces, is no title")
func spaceSeparatedMenuIsNoTitle() throws {
  let title = "Bình Sơn mở rộng diện bao phủ bảo hiểm xã hội tự nguyện"
  let body = "Tính đến cuối tháng 9/2024, toàn huyện Bình Sơn có 4.286 người tham gia bảo hiểm xã hội tự nguyện, tăng gần gấp đôi so với cùng kỳ năm trước."
  let page = """
    Báo Quảng Ngãi điện tử
    Thời sự  Kinh tế  Xã hội  Pháp luật  Văn hóa  Thể thao  Quốc phòng - An ninh  Đất và người Quảng Ngãi
    \(title)
    Ngày 18/10/2024 | 09:12
    \(body)
    """
  let article = try #require(try ArticleReader().read(Array(page.utf8)).first)
  #expect(article.title == title)
  #expect(article.lead == body)
}

@Test(
  "Title-cased lines are told from sentence-case headlines",
  arguments: [
    ("Thời sự Kinh tế Xã hội Pháp luật Văn hóa Thể thao Quốc phòng - An ninh Đất và người Quảng Ngãi", true),
    ("Trang Chủ Giới Thiệu Tin Tức Sự Kiện Văn Bản Dịch Vụ Công Liên Hệ", true),
    ("Bí thư Huyện ủy Hướng Hóa kiểm tra tiến độ xóa nhà tạm tại các xã vùng biên", false),
    ("ĐẢNG BỘ XÃ BẢN HON NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ Ở CÁC BẢN VÙNG CAO", false),
    ("Bí thư Tỉnh ủy Lai Châu Giàng Páo Mỷ thăm Mường Tè", false),
  ])
func titleCasedLines(_ text: String, _ expected: Bool) {
  #expect(ArticleAssembler.isTitleCased(text, LineShape(text)) == expected)
}

@Test("A government portal page: headline in an h3 repeating <title>, fields in spans, a summary lead")
func governmentPortalLayout() throws {
  let body = String(
    repeating: "<p>Huyện đã giải ngân 19,8 tỷ đồng vốn đầu tư phát triển, đạt 62,7% kế hoạch được giao trong năm.</p>",
    count: 3)
  let page = """
    <html><head><title>Hàm Thuận Bắc: Đẩy nhanh giải ngân vốn chương trình mục tiêu</title></head>
    <body><header><p>CỔNG THÔNG TIN ĐIỆN TỬ</p></header><div class="article">
    <h3 class="article-title">Hàm Thuận Bắc: Đẩy nhanh giải ngân vốn chương trình mục tiêu</h3>
    <div class="article-info"><span>Đăng ngày 08/12/2022 - 10:30 AM</span><span>Lượt xem 412</span><span>Cỡ chữ A- A A+</span></div>
    <div class="article-sum">Năm 2022, huyện được giao hơn 45,8 tỷ đồng để thực hiện chương trình mục tiêu quốc gia.</div>
    <div class="article-content">\(body)</div></div></body></html>
    """
  let article = try #require(try ArticleReader().read(Array(page.utf8)).first)
  #expect(article.title == "Hàm Thuận Bắc: Đẩy nhanh giải ngân vốn chương trình mục tiêu")
  #expect(article.published == "2022-12-08T10:30:00+07:00")
  #expect(article.views == 412)
  #expect(article.lead?.hasPrefix("Năm 2022, huyện được giao") == true)
}

@Test("An aggregator's dump: title above a source-and-date line and a \"Theo NAME (paper)\" credit")
func readsAggregatorHeader() throws {
  let page = """
    Tin Tỉnh Nhà - Tổng hợp tin tức
    Thời sự | Địa phương | Kinh tế | Xã hội
    Hòn Đất: Hộ Khmer thoát nghèo nhờ vốn vay
    Nguồn: Báo Kiên Giang | 14:32 05/06/2023
    Theo Hồng Nhung (Báo Kiên Giang)
    Toàn huyện có 6.125 hộ đồng bào Khmer với hơn 27.000 nhân khẩu, sống tập trung ở các xã Thổ Sơn, Mỹ Hiệp Sơn.
    Năm 2023, huyện phấn đấu giảm thêm 0,8% tỷ lệ hộ nghèo trong đồng bào Khmer, theo kế hoạch của huyện.
    """
  let article = try #require(try ArticleReader().read(Array(page.utf8)).first)
  #expect(article.title == "Hòn Đất: Hộ Khmer thoát nghèo nhờ vốn vay")
  #expect(article.published?.hasPrefix("2023-06-05T14:32") == true)
  #expect(article.author == "Hồng Nhung")
}
