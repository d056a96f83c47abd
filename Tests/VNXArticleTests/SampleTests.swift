import Foundation
import Testing
import VNXText

@testable import VNXArticle

/// The dev samples in `../shared/samples` (skipped when absent): metadata equal to the gold,
/// every gold entity and indicator still in the article text, no boilerplate in the body.
enum Samples {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/samples")

  static var names: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }
      .filter { files.contains(($0 as NSString).deletingPathExtension + ".gold.json") }.sorted()
  }

  static func gold(_ name: String) throws -> [String: Any] {
    let url = directory.appendingPathComponent((name as NSString).deletingPathExtension + ".gold.json")
    return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
  }

  static func article(_ name: String) throws -> Article {
    let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    return try #require(try ArticleReader().read(bytes).first)
  }
}

/// Compares text the way the gold is scored: NFC, one tone style, lowercase, spaces collapsed.
func key(_ text: String) -> String {
  TextNormalizer().normalize(text).text.lowercased().split(separator: " ").joined(separator: " ")
}

@Test("Sample metadata equals the gold", arguments: Samples.names)
func sampleMetadata(_ name: String) throws {
  let article = try Samples.article(name)
  let meta = try Samples.gold(name)["meta"] as? [String: String] ?? [:]
  if let title = meta["title"] { #expect(key(article.title ?? "") == key(title)) }
  if let author = meta["author"] { #expect(key(article.author ?? "") == key(author)) }
  if let published = meta["published"] { #expect((article.published ?? "").hasPrefix(published)) }
}

@Test("Every gold entity and indicator is still in the article text", arguments: Samples.names)
func sampleEntitiesKept(_ name: String) throws {
  let text = key(try Samples.article(name).text.text)
  let gold = try Samples.gold(name)
  let items = (gold["entities"] as? [[String: Any]] ?? []) + (gold["indicators"] as? [[String: Any]] ?? [])
  for item in items {
    guard let written = item["text"] as? String else { continue }
    #expect(text.contains(key(written)), "\(name): missing \(written)")
  }
}

/// Shapes no article paragraph has: counters, rating widgets, menus, date lines, bylines.
func looksLikeBoilerplate(_ paragraph: String) -> Bool {
  let lowered = paragraph.lowercased()
  let markers = [
    "lượt xem", "lượt tải", "đánh giá bài viết", "tổng số điểm", "trạng thái đăng nhập", "tác giả:",
    "tác giả bài viết", "bản quyền", "giấy phép", "tin liên quan", "tin cùng chuyên mục", "google news",
  ]
  if markers.contains(where: lowered.contains) { return true }
  if paragraph.filter({ $0 == "|" }).count >= 2 { return true }
  let shape = LineShape(paragraph)
  if DateLine(shape) != nil || CounterLine(shape) != nil { return true }
  return ["top", "down", "xem thêm", "chia sẻ"].contains(lowered)
}

@Test("No boilerplate line in a sample's body", arguments: Samples.names)
func sampleBodyClean(_ name: String) throws {
  let article = try Samples.article(name)
  #expect(!article.paragraphs.isEmpty)
  for paragraph in [article.lead ?? ""] + article.paragraphs + article.captions {
    #expect(!looksLikeBoilerplate(paragraph), "\(name): \(paragraph)")
  }
  #expect(Set(article.captions).count == article.captions.count)
}
