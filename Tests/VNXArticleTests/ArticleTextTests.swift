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
