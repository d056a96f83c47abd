import Testing

@testable import VNXArticle

@Suite("Attribute limit before libxml2")
struct AttributeLimitTests {
  @Test(
    "Tags within the limit are left alone (no copy)",
    arguments: [
      "<p a=1 b=2>xã</p>", "a < b và c > d", "<div class=\"x y z\" id='q'>", "<p a=1 b=2",
      "<!-- a b c d e -->", "<", "",
    ])
  func untouched(_ markup: String) {
    #expect(AttributeLimit.capped(Array(markup.utf8), maximum: 2) == nil)
  }

  @Test(
    "Attributes past the limit are dropped, the tag and the text stay",
    arguments: [
      ("<p a=1 b=2 c=3>xã</p>", "<p a=1 b=2 >xã</p>"),
      ("<p a=\"1 2 3\" b=2 c='>' d>xã", "<p a=\"1 2 3\" b=2 >xã"),
      ("<i a b c d e f", "<i a b "),
      ("<b x y z><i a b c>Lai Châu", "<b x y ><i a b >Lai Châu"),
    ])
  func capped(_ markup: String, _ expected: String) {
    #expect(AttributeLimit.capped(Array(markup.utf8), maximum: 2).map { String(decoding: $0, as: UTF8.self) } == expected)
  }

  @Test("100,000 attributes in one tag neither hang nor lose the text")
  func manyAttributes() throws {
    let attributes = (0..<100_000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
    let markup = "<html><body><div " + attributes + "><p>Đảng bộ xã Bản Hon có 166 đảng viên sinh hoạt tại 13 chi bộ.</p></div></body></html>"
    let article = try #require(try ArticleReader().read(Array(markup.utf8)).first)
    #expect(article.text.text.contains("166 đảng viên"))
  }

  @Test("A 10,000-digit counter is no integer (no overflow)")
  func longCounter() {
    #expect(DateLine.integer(String(repeating: "9", count: 10_000)) == nil)
    #expect(DateLine.integer("1.247") == 1247)
    #expect(DateLine.integer("999999999999") == 999_999_999_999)
  }
}
