import Foundation
import Testing
import VNXText

@testable import VNXArticle

// Seventh session: the byte structures that replaced strings in the article stage, each
// checked against the way it replaced.

@Test(
  "HTMLTag read from name bytes agrees with the tag sets",
  arguments: [
    "p", "div", "DIV", "Span", "h1", "h2", "H6", "hr", "hx", "br", "img", "a", "i", "em", "b", "table", "tbody",
    "figure", "figcaption", "FIGCAPTION", "figcaptionx", "blockquote", "blockquot", "script", "style", "noscript",
    "template", "textarea", "fieldset", "article", "main", "nav", "footer", "aside", "header", "time", "small",
    "label", "meta", "link", "title", "section", "custom-element", "o:p", "x", "", "verylongtagnamebeyondsixteen",
  ])
func htmlTagsAgreeWithSets(_ name: String) {
  let lowered = name.lowercased()
  let tag = Array(name.utf8 + [0]).withUnsafeBufferPointer { HTMLTag(name: $0.baseAddress!) }
  #expect(tag == HTMLTag(lowercased: lowered))
  #expect(tag.flags.contains(.skipped) == HTMLTag.skipped.contains(lowered))
  #expect(tag.flags.contains(.block) == HTMLTag.blockTags.contains(lowered))
  #expect(tag.flags.contains(.paragraph) == HTMLTag.paragraphTags.contains(lowered))
  #expect(tag.flags.contains(.field) == HTMLTag.fieldTags.contains(lowered))
  #expect(tag.flags.contains(.headingLike) == (lowered.count == 2 && lowered.hasPrefix("h")))
  #expect((tag.name == .other) == !["meta", "link", "script", "title", "br", "hr", "img", "a", "i", "em", "table",
    "figure", "article", "main", "nav", "footer", "aside", "header", "figcaption", "h1", "time"].contains(lowered))
}

@Test("Class and id words give the same hints as the string rules", arguments: [
  ("article-content", nil), ("menu-top", PageBlock.Hint.boilerplate("navigation")),
  ("detail related", .boilerplate("related")), ("detail-body", nil), ("news-related", .boilerplate("related")), ("box-sapo", .lead), ("news-sum", .lead),
  ("author-name", .author), ("post-date", .date), ("img-desc", .caption), ("sidebar-left", .boilerplate("aside")),
  ("tinlienquan", .boilerplate("related")), ("content othernews", nil), ("  ", nil), ("top-bar", nil),
])
func classWordsGiveHints(_ names: String, _ hint: PageBlock.Hint?) {
  #expect(HTMLPageReader.hint(names: Array(names.utf8)) == hint)
}

@Test("ByteStringTable finds each key's value and nothing else")
func byteStringTableFindsValues() {
  let table = ByteStringTable(["menu": "navigation", "tags": "tags", "tag": "tags", "advertisement": "advert"])
  #expect(table.value(of: Array("menu".utf8)[...]) == "navigation")
  #expect(table.value(of: Array("tag".utf8)[...]) == "tags")
  #expect(table.value(of: Array("advertisement".utf8)[...]) == "advert")
  #expect(table.value(of: Array("menus".utf8)[...]) == nil)
  #expect(table.value(of: Array("".utf8)[...]) == nil)
  #expect(table.value(of: Array("advertisementsandmore".utf8)[...]) == nil)
}

@Test("LineShape's one-pass scalar check agrees with UTF8Search on every corpus line")
func lineShapeScalarCheckAgrees() {
  let odd = ["Nguye\u{303}n Văn", "a\r b", "x\u{200D}y", "x\u{2013}y", "Ω ω", "中文", "e\u{301}", "İstanbul"]
  for line in CorpusLines.all + odd {
    let shape = LineShape(line)
    #expect(shape.scalarsAreCharacters == UTF8Search.scalarsAreCharacters(line.utf8), "\(line)")
    #expect(shape.loweredInPlace == (LetterCase.lowercased(Array(line.utf8)).count == line.utf8.count) || !shape.loweredInPlace)
  }
}

@Test("Listed items read on bytes as on the space-split words, on every corpus line and variants")
func listedItemsAgreeOnBytes() {
  let filter = BoilerplateFilter()
  let extra = [
    "Trao Huy hiệu 30 năm tuổi Đảng cho 12 đảng viên (15/02/2024)", "Kbang: Nông dân thu lãi 80 triệu đồng/ha 13/05/2022",
    "Tin mới – 12/3 • 10:30 ·", "Họp báo 1/2/2023, lượt xem: 1.234 |", "Bản tin (12/5) – 12/05/2023 – 14:30:",
    "Hết. 01/02/2023", "a b 1/2", "Xem 12/12/2012 views 12", "Lễ hội [2023] - 2/9 -",
  ]
  var compared = 0
  for line in CorpusLines.all + extra + CorpusLines.all.map({ $0 + " (12/05/2023 - 10:30)" }) {
    let shape = LineShape(line)
    guard shape.scalarsAreCharacters, shape.loweredInPlace else { continue }
    #expect(filter.isListedItemByBytes(shape) == filter.isListedItemBySpaces(shape), "\(line)")
    compared += 1
  }
  #expect(compared > 1_000)
}

@Test("Trimming date marks on bytes matches the Character trim", arguments: [
  "(12/05/2023)", "–12/3•", "·xem:", "[a]:", "-–-", "", "::", "giờ:", "(", "(·)", "a–b",
])
func dateMarksTrimAlike(_ word: String) {
  let bytes = Array(word.utf8)
  let range = bytes.withUnsafeBufferPointer { DateLine.trimmed(0..<$0.count, in: $0) }
  #expect(String(decoding: bytes[range], as: UTF8.self) == String(DateLine.trimmed(word[...])))
}

@Test("Collapsing whitespace: lines with single spaces are copied, others collapsed", arguments: [
  ("a b c", "a b c"), ("  a  b ", "a b"), ("a\tb", "a b"), ("a\n\nb\r", "a b"), ("Hà Nội ", "Hà Nội"),
  ("\u{1}a b", "\u{1}a b"), ("", ""), ("   ", ""), ("a \u{1} b", "a \u{1} b"), ("x  ", "x"),
])
func collapsesWhitespace(_ text: String, _ collapsed: String) {
  #expect(collapse(text) == collapsed)
}
