import Foundation
import Testing

@testable import VNXArticle

@Test(
  "A scraped record keeps its string members and skips every other value",
  arguments: [
    (#"{"url": "https://x.vn/1", "text": "Xã Bản Hon"}"#, "https://x.vn/1", "Xã Bản Hon", nil),
    (#" {"id": 7, "tags": ["a", {"b": [1.5e3, -0, true, null]}], "html": "<p>A</p>"} "#, nil, nil, "<p>A</p>"),
    (#"{"text": "x\"y\\z\/\n\t\u1EA1\ud83d\ude00"}"#, nil, "x\"y\\z/\n\tạ😀", nil),
    (#"{"url": null, "text": 5, "html": false}"#, nil, nil, nil),
    (#"{}"#, nil, nil, nil),
  ] as [(String, String?, String?, String?)])
func recordMembers(line: String, url: String?, text: String?, html: String?) throws {
  let record = try ScrapedRecord(json: Array(line.utf8))
  #expect(record.url == url)
  #expect(record.text == text)
  #expect(record.html == html)
}

@Test(
  "Broken JSON and values that are not objects are told apart",
  arguments: [
    (#"{"text": "a""#, ScrapedRecord.Problem.notJSON),
    (#"{"text": "a"} x"#, .notJSON),
    (#"{"text": "a",}"#, .notJSON),
    (#"{"text": "\ud800"}"#, .notJSON),
    (#"{"text": "\x"}"#, .notJSON),
    ("{\"text\": \"a\u{01}\"}", .notJSON),
    (#"{"n": 01}"#, .notJSON),
    (#"{"n": 1.}"#, .notJSON),
    (#"{"b": tru}"#, .notJSON),
    (#"{'text': 'a'}"#, .notJSON),
    (String(repeating: "[", count: 600) + String(repeating: "]", count: 600), .notJSON),
    (#"["text"]"#, .notObject),
    (#""text""#, .notObject),
    ("42", .notObject),
    ("", .notJSON),
  ])
func recordProblems(line: String, problem: ScrapedRecord.Problem) {
  #expect(throws: problem) { try ScrapedRecord(json: Array(line.utf8)) }
}

@Test("Invalid UTF-8 inside a string is broken JSON")
func recordInvalidUTF8() {
  #expect(throws: ScrapedRecord.Problem.notJSON) {
    try ScrapedRecord(json: Array(#"{"text": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
  }
}

@Test("Where Foundation's parser reads an object, the record has the same members")
func recordAgreesWithFoundation() throws {
  let lines = [
    #"{"url": "u", "text": "t", "content": "c", "title": "T", "x": {"y": [1, 2, {"z": "w"}]}}"#,
    #"{"html": "<a href=\"/x\">\u00e0</a>", "n": -12.5E-3}"#,
  ]
  for line in lines {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let record = try ScrapedRecord(json: Array(line.utf8))
    #expect(record.url == object["url"] as? String)
    #expect(record.text == object["text"] as? String)
    #expect(record.content == object["content"] as? String)
    #expect(record.title == object["title"] as? String)
    #expect(record.html == object["html"] as? String)
  }
}

@Test(
  "Lines known to be valid UTF-8 read the same as lines validated string by string",
  arguments: [
    #"{"url": "https://x.vn/1", "text": "Xã Bản Hon\nThan Uyên"}"#,
    #"{"html": "<p class=\"a\">Lai Châu<\/p>", "title": "Tin \u1EA1 \ud83d\ude00", "n": [1, {"k": "v"}]}"#,
    #"{"text": "\ud800"}"#,
    #"{"text": "a"#,
    #"["text"]"#,
    "{\"text\": \"tab\u{09}inside\"}",
  ])
func validLinesReadAlike(_ line: String) {
  let bytes = Array(line.utf8)
  let checked = Result { () throws(ScrapedRecord.Problem) in try ScrapedRecord(json: bytes) }
  let trusted = bytes.withUnsafeBufferPointer { buffer in
    Result { () throws(ScrapedRecord.Problem) in try ScrapedRecord(validUTF8: buffer) }
  }
  #expect(checked == trusted)
}

@Test("Invalid UTF-8 inside a string makes the line no JSON")
func invalidUTF8Refused() {
  let bytes = Array(#"{"text": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
  #expect(throws: ScrapedRecord.Problem.notJSON) { try ScrapedRecord(json: bytes) }
}

@Test("Every corpus page written as a JSON record by Foundation reads back whole (escapes unescaped in one buffer)")
func corpusPagesReadBackFromJSON() throws {
  let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus")
  let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []
  var pages = 0
  for name in files.sorted() where name.hasSuffix(".html") || name.hasSuffix(".txt") {
    guard let page = try? String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8) else { continue }
    let value = page + " \u{1} \u{7F} \u{1F600} \"\\/"
    let line = try JSONSerialization.data(withJSONObject: ["url": "https://x.vn/" + name, "html": value])
    let record = try ScrapedRecord(json: Array(line))
    #expect(record.html == value, "\(name)")
    #expect(record.url == "https://x.vn/" + name)
    let valid = try Array(line).withUnsafeBufferPointer { try ScrapedRecord(validUTF8: $0) }
    #expect(valid.html == value, "\(name)")
    pages += 1
  }
  #expect(pages > 100)
}
