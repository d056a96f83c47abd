import Testing

@testable import VNXArticle

// Headers of text dumps and HTML pages: which line is the title, where the date is, where the
// article stops. One table per rule; every page is invented.

private let first =
  "Năm nay toàn xã có 312 hộ tham gia trồng rừng gỗ lớn, tăng 48 hộ so với năm trước, diện tích mới đạt hơn 270 ha."
private let second =
  "Chi bộ thôn giao mỗi đảng viên theo dõi một nhóm hộ, hướng dẫn bà con làm hồ sơ vay vốn và chăm sóc cây non."
private let third =
  "Cuối năm, xã tổ chức họp dân ở từng thôn để bình xét hộ trồng rừng giỏi và trao giống cây cho vụ sau."
private let headline = "Nậm Tha: Trồng rừng gỗ lớn giúp dân giữ đất, giữ rừng"

private func read(_ page: String) throws -> Article {
  try #require(try ArticleReader().read(Array(page.utf8)).first)
}

@Test(
  "A site banner in capitals is neither prose nor the title while a headline is there",
  arguments: [
    // The banner is long and has function words: it used to open the body and be the title.
    "BÁO ĐIỆN TỬ TỈNH NAM SƠN - CƠ QUAN CỦA ĐẢNG BỘ, CHÍNH QUYỀN VÀ NHÂN DÂN CÁC DÂN TỘC TỈNH NAM SƠN",
    // A short banner above a date line that comes before the headline.
    "BÁO NAM SƠN ĐIỆN TỬ",
  ])
func bannerIsNoTitle(_ banner: String) throws {
  let longHeadline = "Đại hội Đảng bộ xã Nậm Tha lần thứ nhất bàn cách trồng rừng gỗ lớn cho các thôn vùng cao của xã"
  for (page, title) in [
    ("\(banner)\nTrang chủ | Thời sự | Kinh tế\nXây dựng Đảng\n\(longHeadline)\nCập nhật lúc: 15:20 | 12/08/2025\n\(first)\n\(second)",
     longHeadline),
    ("\(banner)\nTrang chủ | Thời sự | Kinh tế\nKinh tế › Nông nghiệp\nThứ Hai, 10/06/2024 | 09:30\n\(headline)\n\(first)\n\(second)",
     headline),
  ] {
    let article = try read(page)
    #expect(article.title == title)
    #expect(article.lead == first)
  }
}

@Test(
  "A menu of capitalized words is the title only when no headline is under the date or opens the text",
  arguments: [
    "Thời sự  Chính trị  Kinh tế  Xã hội  Đồng bằng  Văn hóa  Thể thao  Tiếng Khmer  Multimedia  Video",
    "Trang Chủ Giới Thiệu Tin Tức Sự Kiện Văn Bản Dịch Vụ Công Liên Hệ Hỏi Đáp",
  ])
func menuIsLastResortTitle(_ menu: String) throws {
  // The headline is long enough to read as prose: the body run starts with it.
  let title = "Huyện Nậm Tha hoàn thành hỗ trợ 1.250 căn nhà cho hộ nghèo, hộ cận nghèo trong năm nay"
  let article = try read("BÁO NAM SƠN\n\(menu)\nXã hội\nThứ Sáu, 09/01/2026, 14:20 (GMT+7)\n\(title)\n\(first)\n\(second)")
  #expect(article.title == title)
  #expect(article.lead == first)
}

@Test(
  "Short lines under a heading of other articles are that list, not the article",
  arguments: ["Tin liên quan", "Tin cùng chuyên mục", "Đọc nhiều", "Bài viết liên quan"])
func relatedListEndsTheArticle(_ heading: String) throws {
  let page = """
    \(headline)
    Thứ Hai, 20/10/2025 - 07:45
    \(first)
    \(second)
    Minh Thư
    \(heading)
    - Nam Sơn đón 2,4 triệu lượt khách trong 9 tháng
    Xã Bản Lầu tổ chức Ngày hội văn hóa các dân tộc 2025
    Báo Nam Sơn - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Nam Sơn, giấy phép số 17 của Bộ
    """
  let article = try read(page)
  #expect(article.author == "Minh Thư")
  #expect(article.lead == first)
  #expect(article.paragraphs == [second])
}

@Test(
  "Date lines with view counters and print links are date lines",
  arguments: [
    ("Ngày 21/09/2023 - 08:20 Số lần xem: 512", "2023-09-21T08:20:00+07:00"),
    ("Ngày cập nhật 06/11/2025 | Số lượt xem: 874 | In trang", "2025-11-06"),
    ("Ngày đăng: 14/09/2023 | Lượt xem: 1.052 | Cỡ chữ: A A A | In bài", "2023-09-14"),
  ])
func widgetWordsOnDateLines(_ line: String, _ iso: String) throws {
  let date = try #require(DateLine(LineShape(line)))
  #expect(date.date.iso == iso)
  let article = try read("\(headline)\n\(line)\n\(first)\n\(second)")
  #expect(article.published == iso)
  #expect(article.title == headline)
}

@Test(
  "A summary is the lead, never the title, whatever heading tag holds it",
  arguments: [
    "<div class=\"article__sapo\"><h2>\(first)</h2></div>",
    "<div class=\"summary-news\"><i>\(first)</i></div>",
  ])
func summaryIsTheLead(_ summary: String) throws {
  // The date element has a word no date line has: the title must come from above it anyway.
  let page = """
    <html><head><title>Tin tức</title></head><body>
    <div class="title-news">\(headline)</div>
    <div class="date-news">Cập nhật 12/08/2025 | Chuyên mục Kinh tế | 412 lượt xem</div>
    \(summary)
    <div class="content-news"><p>\(second)</p><p>\(third)</p></div>
    </body></html>
    """
  let article = try read(page)
  #expect(article.title == headline)
  #expect(article.lead == first)
}

@Test(
  "A field opened by an author label on a date line is its byline, not words that break it",
  arguments: [
    ("Đăng lúc 08:10 ngày 03/05/2023 · Tin: Lâm Văn Tư (Phòng Văn hóa huyện Mỹ Tú) · 312 lượt đọc",
     "2023-05-03T08:10:00+07:00", "Lâm Văn Tư"),
    ("Ngày đăng: 14/02/2024 10:20 | Người đăng: Ban biên tập | Lượt xem: 88", "2024-02-14T10:20:00+07:00", ""),
    ("Cập nhật: 21/06/2024 | Tác giả: Hồ Thị Mai | Lượt xem: 1.204", "2024-06-21", "Hồ Thị Mai"),
  ])
func labeledFieldsOnDateLines(_ line: String, _ iso: String, _ remainder: String) throws {
  let date = try #require(DateLine(LineShape(line)))
  #expect(date.date.iso == iso)
  #expect(date.remainder.joined(separator: " ") == remainder)
  let article = try read("\(headline)\n\(line)\n\(first)\n\(second)")
  #expect(article.published == iso)
  #expect(article.title == headline)
}

@Test(
  "A \"you are here\" breadcrumb is navigation, not the title",
  arguments: ["Bạn đang ở: Trang chủ / Tin tức - Sự kiện / Kinh tế", "Bạn đang ở: Trang chủ / Xây dựng Đảng"])
func youAreHereIsNavigation(_ breadcrumb: String) throws {
  // A headline shorter than the breadcrumb: the longest line above the date used to win.
  let short = "Nậm Tha: Đường về bản sáng đèn"
  let article = try read("UBND HUYỆN NẬM THA\n\(breadcrumb)\n\(short)\nNgày đăng: 14/02/2024 10:20\n\(first)\n\(second)")
  #expect(article.title == short)
}
