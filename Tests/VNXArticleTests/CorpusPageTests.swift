import Foundation
import Testing

@testable import VNXArticle

/// The team-written pages in `corpus/pages`: each `NAME.expected.json` gives the metadata and
/// a few facts about the body that the article read from `NAME.*` must match.
enum CorpusPages {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus/pages")

  static var names: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { !$0.hasSuffix(".json") && !$0.hasSuffix(".md") }.sorted()
  }

  static func expectations(_ name: String) throws -> [String: Any] {
    let url = directory.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.json")
    return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
  }
}

@Test("The corpus has at least eight pages, each with expectations")
func corpusIsComplete() throws {
  #expect(CorpusPages.names.count >= 8)
  for name in CorpusPages.names { _ = try CorpusPages.expectations(name) }
}

@Test("Corpus pages give the expected article", arguments: CorpusPages.names)
func corpusPage(_ name: String) throws {
  let bytes = [UInt8](try Data(contentsOf: CorpusPages.directory.appendingPathComponent(name)))
  let expected = try CorpusPages.expectations(name)
  let articles = try ArticleReader().read(bytes)
  #expect(InputFormat.detect(in: bytes).rawValue == expected["format"] as? String)
  let records = expected["records"] as? [[String: Any]] ?? [expected]
  #expect(articles.count == records.count)
  for (article, record) in zip(articles, records) {
    check(article, against: record, name)
  }
}

func check(_ article: Article, against expected: [String: Any], _ name: String) {
  #expect(article.title == expected["title"] as? String, "\(name): title")
  #expect(article.published == expected["published"] as? String, "\(name): published")
  #expect(article.author == expected["author"] as? String, "\(name): author")
  if let url = expected["url"] as? String { #expect(article.url == url, "\(name): url") }
  if let views = expected["views"] as? Int { #expect(article.views == views, "\(name): views") }
  if let lead = expected["lead"] as? String {
    #expect(article.lead?.hasPrefix(lead) == true, "\(name): lead is \(article.lead ?? "nil")")
  }
  if let first = expected["first_paragraph"] as? String {
    #expect(article.paragraphs.first?.hasPrefix(first) == true, "\(name): first paragraph")
  }
  if let last = expected["last_paragraph"] as? String {
    #expect(article.paragraphs.last?.hasPrefix(last) == true, "\(name): last paragraph")
  }
  if let count = expected["paragraphs"] as? Int { #expect(article.paragraphs.count == count, "\(name): paragraphs") }
  if let count = expected["captions"] as? Int { #expect(article.captions.count == count, "\(name): captions") }
  let text = article.text.text
  for absent in expected["absent"] as? [String] ?? [] {
    #expect(!text.contains(absent), "\(name): \"\(absent)\" should not be in the article")
  }
  for present in expected["present"] as? [String] ?? [] {
    #expect(text.contains(present), "\(name): \"\(present)\" should be in the article")
  }
  for paragraph in article.paragraphs + article.captions {
    #expect(!looksLikeBoilerplate(paragraph), "\(name): \(paragraph)")
  }
}
