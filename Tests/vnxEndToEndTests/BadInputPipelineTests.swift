import Foundation
import Testing
import VNX

/// The small cases of Tests/scripts/bad_inputs.sh, in process: every hostile input gives a
/// document that encodes as JSON, or one `DecodingError`; never a crash.
@Suite("Hostile input through the whole pipeline")
struct BadInputPipelineTests {
  static let sentence: [UInt8] = Array(
    "Đảng bộ xã Bản Hon có 166 đảng viên, thu nhập bình quân đạt 42,5 triệu đồng/người/năm. ".utf8)

  /// The sentence with `bad` inside a word and between sentences.
  static func around(_ bad: [UInt8]) -> [UInt8] {
    Array(sentence[..<20]) + bad + Array(sentence[20...]) + bad + sentence
  }

  static let invalidUTF8Cases: [(String, [UInt8])] = [
    ("overlong", [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xF0, 0x80, 0x80, 0xAF, 0xC1, 0xBF]),
    ("surrogates", [0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]),
    ("truncated", [0xE1, 0xBA, 0x20, 0xC3, 0x20, 0xF0, 0x9F, 0x98]),
    ("stray continuation", [0x80, 0xBF, 0x80, 0x80, 0xA0]),
    ("FE and FF", [0xFE, 0xFF, 0xFF, 0xFE, 0xFE]),
    ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80, 0xF5, 0x80, 0x80, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80]),
    ("every high byte", Array(0x80...0xFF)),
    ("NUL", [0, 0, 0x20, 0]),
    ("BOM in the middle", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]),
    ("UTF-16 in UTF-8", Array("Hà Nội".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
  ]

  static let malformedCases: [(String, [UInt8])] = [
    ("empty", []),
    ("whitespace", Array(" \t\r\n\u{00A0}\u{3000}\u{200B}\u{FEFF}".utf8)),
    ("FE FF then UTF-8", [0xFE, 0xFF] + sentence),
    ("FF FE then UTF-8", [0xFF, 0xFE] + sentence),
    ("odd UTF-16", [0xFE, 0xFF, 0x00, 0x48, 0x00]),
    ("lone UTF-16 surrogates", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x00, 0xD8]),
    ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    ("PDF", Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog >>\nstream\n".utf8) + [0x78, 0x9C, 0, 0xFF]),
    ("zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0] + Array(repeating: 0x41, count: 30)),
    ("random", (0..<512).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }),
    ("10,000 digits", Array("Dân số là ".utf8) + Array(repeating: 0x37, count: 10_000) + Array(" người.".utf8)),
    ("10,000 decimals", Array("Tỷ lệ 1,".utf8) + Array(repeating: 0x35, count: 10_000) + Array("% năm ".utf8)
      + Array(repeating: 0x32, count: 10_000)),
    ("10,000 digits in thousands", Array("Thu ".utf8) + Array(Array(repeating: "123", count: 3_334).joined(separator: ".").utf8)
      + Array(" tỷ đồng.".utf8)),
    ("unterminated comment", Array("<html><body><p>".utf8) + sentence + Array("</p><!-- <p>".utf8) + sentence),
    ("unterminated CDATA", Array("<html><body><![CDATA[".utf8) + sentence),
    ("unterminated attribute", Array("<p>".utf8) + sentence + Array("<div class=\"a".utf8) + sentence),
    ("broken entities", Array("<p>&#99999999999999999999; &#x110000; &#0; &#xD800; &amp &".utf8) + sentence),
    ("nested JSON", Array(repeating: 0x5B, count: 20_000) + Array(repeating: 0x5D, count: 20_000)),
    ("JSON Lines without text", Array("{\"url\": \"https://a.vn/1\", \"text\": 42}\n{\"url\": 1}\n".utf8)),
    ("combining marks", Array(("a" + String(repeating: "\u{0301}", count: 5_000) + " xã").utf8)),
  ]

  /// Runs the pipeline; a document must encode as JSON with only finite numbers.
  static func check(_ bytes: [UInt8]) throws {
    var options = Pipeline.Options()
    options.includeText = true
    let documents: [Document]
    do {
      documents = try Pipeline(options: options).documents(bytes, path: "bad")
    } catch {
      #expect(!error.description.isEmpty)
      return
    }
    for document in documents {
      _ = try JSONEncoder().encode(document)
      for indicator in document.indicators { #expect(indicator.value.isFinite) }
    }
  }

  @Test("Invalid UTF-8 of every kind gives a document or one decoding error", arguments: invalidUTF8Cases)
  func invalidUTF8(_ name: String, _ bad: [UInt8]) throws {
    try Self.check(Self.around(bad))
    try Self.check(bad)
    try Self.check(Self.sentence + Array(bad.prefix(1)))
  }

  @Test("Empty, binary and malformed inputs give a document or one decoding error", arguments: malformedCases)
  func malformed(_ name: String, _ bytes: [UInt8]) throws {
    try Self.check(bytes)
  }

  @Test("A 10,000-digit number is no indicator and no infinity")
  func hugeNumber() throws {
    let bytes = Array("Năm 2023, dân số của xã là ".utf8) + Array(repeating: 0x37, count: 10_000)
      + Array(" người, tăng 5% so với năm 2022.".utf8)
    let document = try Pipeline().process(bytes)
    #expect(document.indicators.allSatisfy { $0.value.isFinite && $0.value < 1e300 })
    #expect(document.indicators.contains { $0.unit == "%" })
  }

  @Test("One paragraph of 200 repeated sentences with places gives every indicator (bad_inputs.sh bounds the time)")
  func longParagraph() throws {
    let text = String(
      repeating: "Năm 2023, xã Bản Hon có 166 đảng viên, tỷ lệ hộ nghèo giảm còn 12,5%. ", count: 200)
    let document = try Pipeline().process(Array(text.utf8))
    #expect(document.indicators.count >= 200)
  }
}
