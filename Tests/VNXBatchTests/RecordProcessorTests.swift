import Testing
import VNX
@testable import VNXBatch

@Suite("Records checked once")
struct RecordProcessorTests {
  static let processor = RecordProcessor(pipeline: Pipeline())

  static let lines: [(line: [UInt8], fails: Bool)] = [
    (Array(#"{"url": "https://x.vn/1", "text": "Huyện Tam Đường có 1.250 hộ nghèo."}"#.utf8), false),
    (Array(#"{"url": "https://x.vn/2", "text": ""}"#.utf8), false),
    (Array(#"{"url": "https://x.vn/3", "html": "<p></p>"}"#.utf8), false),
    (Array(#"{"url": "https://x.vn/4", "text": "unterminated"#.utf8), true),
    (Array(#"{"url": "https://x.vn/5", "title": "Không có nội dung"}"#.utf8), true),
    (Array(#"{"url": "https://x.vn/6", "text": "Xã Bản Hon"} trailing"#.utf8), true),
    (Array(#"["url", "text"]"#.utf8), true),
    (Array(#"  {"text": 12}"#.utf8), true),
    (Array("not json at all, Xã Bản Hon".utf8), true),
    // Invalid UTF-8 in a string: the pipeline would repair it, the check refuses it.
    (Array(#"{"url": "https://x.vn/7", "text": "Xã "#.utf8) + [0xC3, 0x28] + Array(#"Bản Hon"}"#.utf8), true),
  ]

  /// Lines of a JSON Lines file as the batch reader gives them (unchecked): the worker fails
  /// exactly the lines the record check refuses, with its message, parsing a good record once.
  @Test("A line fails exactly when it is not a scraped record", arguments: lines)
  func failsExactlyWhenNotARecord(_ line: [UInt8], fails: Bool) throws {
    let record = try #require(RecordSplitter.record(line: line, number: 1, file: "a.jsonl", checking: false))
    let expected = RecordSplitter.recordProblem(line)
    #expect((expected != nil) == fails)
    switch Self.processor.process(record) {
    case .document:
      #expect(expected == nil)
    case .failure(let failure, _):
      #expect(failure.error == expected)
    }
  }
}
