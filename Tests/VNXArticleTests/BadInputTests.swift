import Foundation
import Testing
import VNXText

@testable import VNXArticle

/// Bad input gives an error or a warning for that document, never a crash or a hang.
@Test("Empty and blank input is an error", arguments: ["", "  \n\n\t "])
func emptyInput(_ text: String) {
  #expect(throws: ArticleError.empty) { try ArticleReader().read(Array(text.utf8)) }
}

@Test("Binary files are refused, naming what they look like", arguments: [
  ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "PNG"),
  (Array("%PDF-1.7\n".utf8) + [0, 1, 2, 3, 0xFF], "PDF"),
  ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], "ZIP"),
  ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], "JPEG"),
  ([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3], "gzip"),
  (Array("Lai Châu có nhiều bản đẹp".utf8) + [0, 0, 0, 1, 0, 2], "NUL"),
] as [([UInt8], String)])
func binaryInput(_ bytes: [UInt8], _ name: String) {
  for format in [nil, InputFormat.text, .html] {
    var options = ArticleReader.Options(format: format)
    options.format = format
    #expect {
      try ArticleReader(options: options).read(bytes)
    } throws: { error in
      guard case .notText = error as? ArticleError else { return false }
      return "\(error)".contains(name)
    }
  }
}

@Test("Bytes of no known format that are mostly controls are refused")
func controlBytes() {
  let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 % 8 + 1) }
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

@Test("Unterminated scripts, styles and attributes hide no text in the article")
func unterminatedScriptAndAttribute() throws {
  let page = "<html><body><h1>Tiêu đề bài viết về xã Bản Hon</h1><p>\(paragraph)</p>"
  for tail in ["<script>var hidden = 'chữ ẩn';", "<style>.hidden { color: red }", "<div class=\"x>chữ ẩn"] {
    let article = try #require(try ArticleReader().read(Array((page + tail).utf8)).first)
    #expect(article.lead == paragraph)
    #expect(!article.text.text.contains("ẩn") && !article.text.text.contains("hidden"))
  }
}

@Test("A title with thousands of site-name separators is read in linear time")
func titleWithManySeparators() throws {
  let title = "Một hai ba bốn năm" + String(repeating: " - Báo Lai Châu", count: 20_000)
  let page = "<html><head><title>\(title)</title><meta property=\"og:title\" content=\"\(title)\"></head>"
    + "<body><p>\(paragraph)</p></body></html>"
  let article = try #require(try ArticleReader().read(Array(page.utf8)).first)
  // A few site names go, not all twenty thousand.
  #expect(article.title?.hasPrefix("Một hai ba bốn năm - Báo Lai Châu") == true)
  #expect(ArticleReader.siteSuffixRemoved("Trao Huy hiệu 30 năm tuổi Đảng - Báo Lai Châu") == "Trao Huy hiệu 30 năm tuổi Đảng")
}

@Test("Pages with more lines, blocks or tags than the limits are read up to them, with a warning")
func blockAndTagLimits() throws {
  var options = ArticleReader.Options()
  options.maximumBlocks = 200
  options.maximumTags = 1_000
  let lines = "Tiêu đề bài viết về xã Bản Hon\n\(paragraph)\n" + String(repeating: "a\n", count: 5_000)
  let paragraphs = "<html><body><h1>Tiêu đề bài viết về xã Bản Hon</h1><p>\(paragraph)</p>"
    + String(repeating: "<p>a</p>", count: 5_000) + "</body></html>"
  let tags = "<html><body><p>\(paragraph)</p>" + String(repeating: "<b></b>", count: 5_000) + "</body></html>"
  for (input, warning) in [(lines, "lines or blocks"), (paragraphs, "lines or blocks"), (tags, "tags")] {
    let article = try #require(try ArticleReader(options: options).read(Array(input.utf8)).first)
    #expect(article.warnings.contains { $0.contains(warning) })
    #expect(article.lead == paragraph)
  }
}

@Test("Pathological lines: huge numbers, thousands of repeated captions, separator walls")
func pathologicalLines() throws {
  let digits = String(repeating: "9", count: 400)
  let captions = (0..<3_000).map { "Ảnh chụp số \($0) của xã Bản Hon\nẢnh chụp số \($0) của xã Bản Hon" }
    .joined(separator: "\n")
  for text in [
    "Lượt xem: \(digits)\n\(paragraph)\n\(digits)/12/2020 \(digits):30\nngày \(digits) tháng \(digits) năm \(digits)",
    "Tiêu đề bài viết về xã Bản Hon\n\(paragraph)\n" + captions,
    String(repeating: "| » › ", count: 50_000) + "\n\(paragraph)",
  ] {
    let article = try #require(try ArticleReader().read(Array(text.utf8)).first)
    #expect(article.lead != nil || !article.warnings.isEmpty)
  }
}

@Test("JSON Lines records that are empty, of the wrong type or nested 100,000 deep give warnings")
func badJSONLinesRecords() throws {
  let input = [
    #"{"url": "https://a.vn/1", "html": ""}"#,
    #"{"url": "https://a.vn/2", "text": 5}"#,
    "{\"url\": \"https://a.vn/3\", \"text\": " + String(repeating: "[", count: 100_000) + "}",
    #"{"url": "https://a.vn/4", "text": "\#(paragraph)"}"#,
  ].joined(separator: "\n")
  let articles = try ArticleReader().read(Array(input.utf8))
  #expect(articles.count == 4)
  #expect(articles[0].warnings.isEmpty == false)
  #expect(articles[1].warnings.first?.contains("line 2") == true)
  #expect(articles[2].warnings.first?.contains("line 3") == true)
  #expect(articles[3].lead == paragraph)
}
