import Foundation
import Testing
import VNXText

@testable import VNXArticle

/// Bad input gives an error or a warning for that document, never a crash or a hang.
@Test("Empty and blank input is an error", arguments: ["", "  \n\n\t "])
func emptyInput(_ text: String) {
  #expect(throws: ArticleError.empty) { try ArticleReader().read(Array(text.utf8)) }
}

@Test("Binary files are refused", arguments: [
  [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
  Array("%PDF-1.7\n".utf8) + [0, 1, 2, 3, 0xFF],
  [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0],
] as [[UInt8]])
func binaryInput(_ bytes: [UInt8]) {
  #expect(throws: ArticleError.self) { try ArticleReader().read(bytes) }
}

let paragraph = "Đảng bộ xã có 166 đảng viên sinh hoạt tại 13 chi bộ, trong đó có 9 chi bộ nông thôn và 3 chi bộ trường học."

@Test("100,000 nested elements neither crash nor hang")
func deeplyNested() throws {
  let markup = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>\(paragraph)</p>"
    + String(repeating: "</div>", count: 100_000) + "</body></html>"
  let article = try #require(try ArticleReader().read(Array(markup.utf8)).first)
  #expect(!article.warnings.isEmpty)
  let siblings = "<html><body>" + String(repeating: "<div><span>chữ</span>", count: 50_000) + "<p>\(paragraph)</p></body></html>"
  #expect(try ArticleReader().read(Array(siblings.utf8)).count == 1)
}

@Test("Unterminated tags and comments are recovered")
func unterminatedMarkup() throws {
  let markup = "<html><head><title>Tin</title></head><body><div class=\"content\"><p>\(paragraph)<p>\(paragraph) Thêm một câu.<!-- never closed <div><p>hidden"
  let article = try #require(try ArticleReader().read(Array(markup.utf8)).first)
  #expect(article.lead == paragraph)
  #expect(!article.text.text.contains("hidden"))
  let truncated = "<html><body><p>\(paragraph)</p><div class=\"x"
  #expect(try ArticleReader().read(Array(truncated.utf8)).first?.lead == paragraph)
}

@Test("A huge one-line page is cut to the limit with a warning")
func hugeLine() throws {
  var options = ArticleReader.Options()
  options.maximumBytes = 256 << 10
  let line = String(repeating: "Lai Châu có nhiều bản đẹp và những người dân hiền hòa. ", count: 12_000)
  for input in [line, "<html><body><p>" + line + "</p></body></html>"] {
    let article = try #require(try ArticleReader(options: options).read(Array(input.utf8)).first)
    #expect(article.warnings.contains { $0.contains("cut") })
    #expect((article.lead ?? "").utf8.count <= 256 << 10)
  }
}

@Test("Bad JSON Lines records give warnings, good ones articles")
func jsonLinesRecords() throws {
  let input = """
    {"url": "https://a.vn/1", "text": "Tiêu đề bài viết về xã Bản Hon\\nChủ nhật - 27/01/2019 17:44\\n\(paragraph)"}
    {"url": "https://a.vn/2", "html": "<h1>Tiêu đề thứ hai của bài</h1><p>\(paragraph)</p>"}
    not json
    {"url": "https://a.vn/3"}
    """
  let articles = try ArticleReader().read(Array(input.utf8))
  #expect(articles.count == 4)
  #expect(articles[0].url == "https://a.vn/1")
  #expect(articles[0].published == "2019-01-27T17:44:00+07:00")
  #expect(articles[1].title == "Tiêu đề thứ hai của bài")
  #expect(articles[2].warnings.first?.contains("line 3") == true)
  #expect(articles[3].warnings.first?.contains("line 4") == true)
}
