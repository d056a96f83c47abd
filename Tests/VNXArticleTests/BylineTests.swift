import Foundation
import Testing
import VNXText

@testable import VNXArticle

@Test(
  "Author labels give the name",
  arguments: [
    ("Tác giả bài viết: Thanh Sơn", "Thanh Sơn"),
    ("Tác giả: Hoàng Minh", "Hoàng Minh"),
    ("Tin, ảnh: Hoàng Thu", "Hoàng Thu"),
    ("Bài và ảnh: Hoàng Anh", "Hoàng Anh"),
    ("TÁC GIẢ: LÒ VĂN QUÝ", "Lò Văn Quý"),
    ("Tác giả: Thanh Hòa (Trung tâm Văn hóa huyện)", "Thanh Hòa"),
  ])
func readsLabeledBylines(_ text: String, _ name: String) {
  #expect(Byline.labeled(text) == name)
}

@Test(
  "Name lines are names, in title case",
  arguments: [
    ("Cầm Ngọc", "Cầm Ngọc"), ("TRẦN DUNG", "Trần Dung"), ("PV", "PV"), ("Hoàng Thu (TTXVN)", "Hoàng Thu"), ("Thạch Sô Phal", "Thạch Sô Phal"), ("Thanh Sơn - Phương Nga", "Thanh Sơn - Phương Nga"),
    // Signatures, pen names opening with a word that also opens common nouns, offices after
    // a dash, names half in a minority language.
    ("BBT", "BBT"), ("Ban Biên tập", "Ban Biên tập"), ("Nhóm PV", "Nhóm PV"), ("Văn Miên", "Văn Miên"),
    ("Minh Anh - Báo Lai Châu", "Minh Anh"), ("Hà Nguyễn - Phòng Văn hóa huyện Mường Tè", "Hà Nguyễn"),
    ("Thu Hà - TTXVN", "Thu Hà"), ("Lò Thị Sơn, Trung tâm Y tế huyện", "Lò Thị Sơn"), ("Bríu Quân (TTVH huyện)", "Bríu Quân"),
  ])
func readsNameLines(_ text: String, _ name: String) {
  #expect(Byline.name(text) == name)
}

@Test(
  "Headings, menus and sources are not names",
  arguments: [
    "Kinh tế", "Tin tức - Sự kiện", "Theo Báo Yên Bái", "LIÊN KẾT WEBSITE", "Xem thêm", "UBND huyện Mèo Vạc", "Multimedia",
    "Google News", "Facebook Zalo", "Văn Hóa", "VĂN HÓA - XÃ HỘI", "Văn Bản Pháp Quy", "Ban Dân tộc tỉnh", "Báo Lai Châu",
  ])
func rejectsNonNames(_ text: String) {
  #expect(Byline.name(text) == nil)
}

@Test("Sources after the body", arguments: [("Theo baolaichau.vn", "baolaichau.vn"), ("Theo Báo Yên Bái", "Báo Yên Bái"), ("Theo Ngọc Nhuận (Báo Bình Định)", "Ngọc Nhuận")])
func readsSources(_ text: String, _ source: String) {
  #expect(Byline.source(text) == source)
}

@Test(
  "Name lines read by bytes and through the Character path agree",
  arguments: [
    "Nguyễn Văn Ánh", "TRẦN DUNG", "Cầm Ngọc - Hoàng Thu", "Hoàng Thu (TTXVN)", "Châu Phú đầu tư hơn 62 tỷ đồng",
    "pv", "Thời sự Kinh tế Xã hội", "Điểu Thị Hạnh - Ban Dân tộc tỉnh", ". Lò Văn Hải.", "Ksor Bloh", "BBT",
    "Bài, ảnh: Lê Na", "Nhóm PV", "  ", "Văn hóa Lai Châu",
  ])
func nameLinesAgreeOnBothPaths(_ text: String) {
  #expect(UTF8Search.scalarsAreCharacters(text.utf8))
  #expect(Byline.name(text, readsBytes: true) == Byline.name(text, readsBytes: false))
}

/// The lines of every text page of `corpus/`, normalized, as the assembler sees them.
enum CorpusLines {
  static let all: [String] = {
    let corpus = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("corpus")
    let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []
    return files.filter { $0.hasSuffix(".txt") }.sorted().flatMap { name -> [String] in
      guard let text = try? String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8) else { return [] }
      return ArticleReader.lines(of: TextNormalizer().normalize(text).text).map(\.text)
    }
  }()
}

@Test("Every corpus line, and its parts after each separator, reads alike by bytes and by Characters")
func corpusLinesAgreeOnBothPaths() {
  let lines = CorpusLines.all.filter { UTF8Search.scalarsAreCharacters($0.utf8) }
  #expect(lines.count > 1_000)
  for line in lines + lines.map({ $0 + " - Ban Dân tộc tỉnh" }) + lines.map({ "Minh Anh, " + $0 + " (TTXVN)." }) {
    #expect(Byline.name(line, readsBytes: true) == Byline.name(line, readsBytes: false), "\(line)")
    #expect(Byline.withoutAffiliation(line, readsBytes: true) == Byline.withoutAffiliation(line, readsBytes: false), "\(line)")
    #expect(ArticleAssembler.isTitleCased(line, readsBytes: true) == ArticleAssembler.isTitleCased(line, readsBytes: false), "\(line)")
    let shape = LineShape(line)
    #expect(ArticleAssembler.isTitleCased(line, shape) == (!shape.isUppercase && ArticleAssembler.isTitleCased(line, readsBytes: false)))
  }
}

@Test(
  "Offices after a separator are cut on both paths",
  arguments: [
    "Hà Nguyễn - Phòng Văn hóa huyện Mường Tè", "Lò Thị Sơn, Trung tâm Y tế huyện", "Bríu Quân (TTVH huyện)", "Thu Hà – Báo Lai Châu.",
    "- Ban Dân tộc", "Minh Anh -", "Minh Anh – ", "(Ban Dân tộc)", "Thu Hà - TTXVN (Hà Nội)", "Thu Hà -- Báo Lai Châu", "Thu Hà -Báo Lai Châu",
  ])
func affiliationsCutAlike(_ text: String) {
  #expect(Byline.withoutAffiliation(text, readsBytes: true) == Byline.withoutAffiliation(text, readsBytes: false))
}

@Test("Every corpus line measures the same in one pass and with a second pass over its words")
func lineShapesAgreeOnBothPaths() {
  let lines = CorpusLines.all
  let odd = [
    "a\tb  c\t\td", "\t", " x ", "İSTANBUL và Kelvin K", "„Nguồn” — «tin» · 12 | 3 › 4 • 5", "\u{0}của\u{0}",
    String(repeating: "của và là ", count: 500), String(repeating: "a\tb ", count: 450),
  ]
  for line in lines + odd {
    #expect(LineShape(line) == LineShape(line, lexicon: .shared, inOnePass: false), "\(line)")
  }
}
