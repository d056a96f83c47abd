import Foundation
import Testing
import VNX

/// What every JSON output of vnx used before `Document.json()`: it must give the same bytes.
private func encoderJSON(_ document: Document) throws -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return Array(try encoder.encode(document))
}

@Test("Document.json() equals JSONEncoder on every corpus article, with and without text")
func documentJSONOnCorpus() throws {
  let folder = packageRoot.appendingPathComponent("corpus/articles")
  let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
  #expect(names.count > 10)
  var options = Pipeline.Options()
  options.includeText = true
  for pipeline in [Pipeline(), Pipeline(options: options)] {
    for name in names {
      let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
      let document = try pipeline.process(bytes, path: name)
      let ours = document.json()
      let theirs = try encoderJSON(document)
      #expect(ours == theirs, "\(name): \(String(decoding: ours.prefix(200), as: UTF8.self))")
    }
  }
}

@Test(
  "Document.json() escapes strings like JSONEncoder",
  arguments: [
    "", "Hà Giang", "\"quoted\" and \\ back\\slash", "a/b/c https://example.vn/x?y=1",
    "tab\there\nnew line\r\u{08}\u{0C}", String((0..<32).map { Character(Unicode.Scalar($0)!) }),
    "\u{7F} \u{2028} \u{2029} \u{FEFF} 😀 ế", "ends with a backslash \\",
  ])
func documentJSONStrings(_ text: String) throws {
  let document = Document(
    source: .init(path: text, sha256: "00", bytes: 3, encoding: "utf-8", format: "text"),
    meta: .init(title: text, author: nil, url: text, views: -1),
    entities: [Entity(type: .person, text: text, start: 0, end: 1, role: text, parent: 0)],
    warnings: [text, text], text: text, sentences: [[0, 1], [2, 3]])
  #expect(document.json() == (try encoderJSON(document)))
}

@Test(
  "Document.json() writes numbers like JSONEncoder",
  arguments: [
    0.0, -0.0, 1, 0.1, 15.2, 1200, 2_343, 1.2e9, 12_345_678.9, 1e15, 1e16, 1.5e17, 1e21, 1e22,
    123_456_789_012_345_678, 5e-324, 1e-7, 0.000_123, 3.141_592_653_589_793, -42.5, 99.99,
    Double.greatestFiniteMagnitude,
  ])
func documentJSONNumbers(_ value: Double) throws {
  let indicator = Indicator(
    text: "x", start: Int.min, end: Int.max, value: value, unit: "ha", kind: .area, valueMax: value,
    total: value, qualifier: .approx, trend: .decrease, about: "lúa", year: 2024, place: 0, subject: 1)
  let document = Document(
    source: .init(path: nil, sha256: "00", bytes: 0, encoding: "utf-8", format: "jsonl"),
    meta: .init(), indicators: [indicator, indicator])
  #expect(document.json() == (try encoderJSON(document)))
}
