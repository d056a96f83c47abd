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

@Test("Phrases found anywhere through the four-byte filter are those of a walk from every byte")
func phraseFilterMissesNothing() {
  let lexicon = ArticleLexicon.shared
  var found = 0
  let extra = ["©", "a©", "lượt xem", "xlượt xe", "bản quyền thuộc báo", "copyright 2024", "in", "gp-btttt"]
  for line in CorpusLines.all + extra {
    let lowered = LetterCase.lowercased(Array(line.utf8))
    var walked: [Int] = []
    for start in lowered.indices where lexicon.withinPhrases.couldMatch(lowered[start]) {
      lexicon.withinPhrases.forEachMatch(in: lowered[...], from: start) { walked.append($0) }
    }
    var filtered: [Int] = []
    lexicon.withinPhrases.forEachMatchAnywhere(in: lowered) { filtered.append($0) }
    #expect(filtered == walked, "\(line)")
    found += walked.count
  }
  #expect(found > 10)
}

@Test("Attribute capping through memchr cuts exactly where the byte scan did", arguments: [
  "<p a=1 b=2 c=3>xã", "<p a='>' b=2 c=3 d=4>x", "<p a=\"1 2 3 4\" b c d e f>", "< p a b c d>", "<p", "<",
  "x<y a b c d e f g>", "<a b c d e><f g h i j k>", "<p a=1 b=2 c=3 d=4 e=5 f=6", "<p\ta\nb\rc d e f>",
  "<p a=\"x b c d e", "<p a='' b='\"' c d e f>", "<p a=\"1\"b c d e>", "<p a=\"\" b c d e f g>", "<p a='b c d e f",
])
func attributeCapMatchesScan(_ markup: String) {
  let bytes = Array(markup.utf8)
  #expect(AttributeLimit.capped(bytes, maximum: 3) == cappedByScan(bytes, maximum: 3))
  #expect(AttributeLimit.capped(bytes, maximum: 1) == cappedByScan(bytes, maximum: 1))
}

@Test("Attribute capping through memchr cuts every corpus page where the byte scan did")
func attributeCapMatchesScanOnCorpusPages() {
  let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus")
  let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []
  var pages = 0
  for name in files where name.hasSuffix(".html") {
    guard let page = FileManager.default.contents(atPath: corpus.appendingPathComponent(name).path) else { continue }
    let bytes = Array(page)
    pages += 1
    for maximum in [1, 2, 4] {
      #expect(AttributeLimit.capped(bytes, maximum: maximum) == cappedByScan(bytes, maximum: maximum), "\(name)")
    }
  }
  #expect(pages > 30)
}

/// The byte-by-byte scan `AttributeLimit.capped` made before its memchr shortcuts.
private func cappedByScan(_ markup: [UInt8], maximum: Int) -> [UInt8]? {
  func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
  var output: [UInt8]? = nil
  var copied = 0
  let count = markup.count
  var index = 0
  while index + 1 < count {
    guard markup[index] == 0x3C, isLetter(markup[index + 1]) else {
      index += 1
      continue
    }
    var cursor = index + 1
    var words = 0
    var inWord = true
    var quote: UInt8 = 0
    var cut = -1
    while cursor < count {
      let byte = markup[cursor]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == 0x3E {
        break
      } else if byte == 0x22 || byte == 0x27 {
        quote = byte
      } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
        if words > maximum, cut < 0 { cut = cursor }
      }
      cursor += 1
    }
    if cut >= 0 {
      if output == nil { output = [] }
      output!.append(contentsOf: markup[copied..<cut])
      copied = cursor
    }
    index = cursor
  }
  guard var output else { return nil }
  output.append(contentsOf: markup[copied...])
  return output
}

@Test("Name lines trimmed on bytes as before, on every corpus line and with separators")
func nameTrimAgrees() {
  for line in CorpusLines.all + ["Minh Anh.", " . Lò Văn Hải. ", "Thu Hà - TTXVN", "Hoàng Thu (TTXVN)", "a–b", "x,y", ""]
  where UTF8Search.scalarsAreCharacters(line.utf8) {
    #expect(Byline.simpleTrimmedName(line) == Byline.simpleTrimmedNameWithSeparator(line), "\(line)")
  }
}

@Test("Class and id names give the hints the string rules gave, marker by marker")
func classHintsWithPairFilter() {
  let names = ["box-sapo", "description", "img-desc photo", "chuthich", "image-desc", "tomtat", "abstract-x",
    "datetime", "ngaydang", "publish-date", "byline", "tacgia", "writer", "comment-box", "social-share",
    "breadcrumb", "lienquan", "tinkhac", "sidebar", "footer-x", "chapeau", "hometext", "excerpt", "intro",
    "lead", "summary", "sapo", "author", "date", "time", "caption", "desc img", "related", "x", "ab", "a"]
  for name in names {
    let bytes = Array(name.utf8)
    #expect(HTMLPageReader.hint(names: bytes) == plainHint(names: bytes), "\(name)")
  }
}

@Test("Class and id names of every corpus page give the hints of one search per marker (the marker trie)")
func classHintsOfCorpusPages() throws {
  let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus")
  let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []
  let attribute = try Regex(#"(?i)\b(?:class|id)\s*=\s*"([^"]*)""#)
  var values: Set<String> = []
  for name in files where name.hasSuffix(".html") {
    guard let page = try? String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8) else { continue }
    for match in page.matches(of: attribute) {
      if let value = match.output[1].substring { values.insert(value.lowercased()) }
    }
  }
  #expect(values.count > 300)
  var hinted = 0
  for value in values.sorted() + values.sorted().map({ $0 + " news-sum img" }) {
    let bytes = Array(value.utf8)
    let hint = HTMLPageReader.hint(names: bytes)
    #expect(hint == plainHint(names: bytes), "\(value)")
    if hint != nil { hinted += 1 }
  }
  #expect(hinted > 50)
}

/// `HTMLPageReader.hint(names:)` as the string rules read it: one search per marker.
private func plainHint(names bytes: [UInt8]) -> PageBlock.Hint? {
  guard bytes.contains(where: { $0 != 0x20 }) else { return nil }
  func has(_ marker: String) -> Bool { UTF8Search.firstIndex(of: Array(marker.utf8), in: bytes) != nil }
  let words = bytes.split(whereSeparator: { $0 < 0x80 && !(($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A)) })
  let content = words.contains { ["content", "detail", "body", "article", "post", "entry", "news"].contains(String(decoding: $0, as: UTF8.self)) }
  for word in words {
    if let reason = HTMLPageReader.boilerplateWords.value(of: word), !(content && (reason == "related" || reason == "header")) {
      return .boilerplate(reason)
    }
  }
  for marker in ["related", "lienquan", "tinkhac", "breadcrumb", "sidebar", "footer", "comment", "social"] where has(marker) {
    return .boilerplate(marker)
  }
  if has("caption") || has("chuthich") || has("desc") && has("img") || has("image-desc") || has("photo-desc") { return .caption }
  for marker in ["sapo", "lead", "summary", "chapeau", "hometext", "tomtat", "excerpt", "intro", "description", "abstract"] where has(marker) {
    return .lead
  }
  if words.contains(where: { $0.elementsEqual("sum".utf8) }) { return .lead }
  for marker in ["author", "tacgia", "byline", "writer"] where has(marker) { return .author }
  for marker in ["date", "time", "publish", "ngaydang", "datetime"] where has(marker) { return .date }
  return nil
}

// Eighth session: `LineShape.measure` counts letters and scalars by what is left over.

@Test("LineShape's counts and lowercase agree with a plain reading of the scalars, on every corpus line")
func lineShapeCountsAgreeWithScalars() {
  let odd = [
    "", " ", "  a  ", "a\tB\r c", "İSTANBUL và Kelvin K", "„Nguồn” — «tin» · 12 | 3 › 4 • 5", "\u{0}của\u{0}",
    "Ω ω Σ 中文 😀 e\u{301}", "TRẦN DUNG", "ĐẢNG BỘ XÃ", "a»b·c›d•e", String(repeating: "Của và là ", count: 450),
  ]
  for line in CorpusLines.all + odd {
    let shape = LineShape(line)
    var letters = 0
    var uppercase = 0
    var digits = 0
    var separators = 0
    for scalar in line.unicodeScalars {
      if "|>»·›•".unicodeScalars.contains(scalar) {
        separators += 1
        continue
      }
      if ("0"..."9").contains(scalar) { digits += 1 }
      if scalar.properties.isAlphabetic {
        letters += 1
        if scalar.properties.isUppercase { uppercase += 1 }
      }
    }
    #expect(shape.scalars == line.unicodeScalars.count, "\(line)")
    #expect(shape.letters == letters, "\(line)")
    #expect(shape.uppercaseLetters == uppercase, "\(line)")
    #expect(shape.digits == digits, "\(line)")
    #expect(shape.separators == separators, "\(line)")
    #expect(shape.lowered == Array(line.lowercased().utf8), "\(line)")
  }
}

@Test("The office-word test on bytes agrees with the first word's lowercase, on every corpus line's parts")
func officeWordsAgreeOnBytes() {
  let odd = ["", "  ", " Ban Dân tộc", "BÁO Lai Châu", "ỦY ban", "ĐÀI", "ttxvn)", "Văn", "  xã  ", "bank"]
  let parts = CorpusLines.all.flatMap { $0.split(whereSeparator: { $0 == "-" || $0 == "," || $0 == "–" }).map(String.init) }
  var offices = 0
  for part in parts + odd where UTF8Search.scalarsAreCharacters(part.utf8) {
    let first = part.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() }
    let expected = first.map { ArticleLexicon.shared.affiliationWords.contains($0) } ?? false
    let found = Array(part.utf8).withUnsafeBufferPointer { Byline.opensWithOfficeWord($0) }
    #expect(found == expected, "\(part)")
    if expected { offices += 1 }
  }
  #expect(offices >= 10)
}

@Test("Name lines split on bytes as by Characters, on every corpus line and with separators")
func nameLinesSplitAlike() {
  let lines = CorpusLines.all + ["", " ", "-", "a--b", "– Minh Anh –", "Thu Hà, Lan - Báo", "  a  b  c ", ",,", "x–"]
  for line in lines + lines.map({ "Minh Anh, " + $0 + " – TTXVN" }) where UTF8Search.scalarsAreCharacters(line.utf8) {
    let parts = Byline.split(line, at: Byline.partSeparator).map(String.init)
    #expect(parts == line.split(whereSeparator: { $0 == "-" || $0 == "," || $0 == "–" }).map(String.init), "\(line)")
    let words = Byline.split(line, limit: 2, at: Byline.wordSeparator).map(String.init)
    #expect(words == line.split(separator: " ").prefix(2).map(String.init), "\(line)")
  }
}
