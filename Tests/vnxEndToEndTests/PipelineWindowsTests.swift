import Testing

@testable import VNX

/// A text longer than `Pipeline.Options.windowBytes` is segmented and extracted window by
/// window: the same entities, indicators and sentences as its windows alone, offsets and entity
/// indices shifted.
@Suite("Long texts window by window")
struct PipelineWindowsTests {
  static let paragraph =
    "Năm 2023, xã Bản Hon, huyện Tam Đường, tỉnh Lai Châu có 166 đảng viên sinh hoạt tại 13 chi bộ; "
    + "đồng chí Lò Văn Phà, Bí thư Đảng ủy xã Bản Hon, cho biết thu nhập bình quân đạt 42,5 triệu "
    + "đồng/người/năm, tỷ lệ hộ nghèo giảm còn 12,5%. Huyện Tam Đường có 1.234 hộ nghèo."

  static func pipeline(windowBytes: Int) -> Pipeline {
    var options = Pipeline.Options()
    options.includeText = true
    options.windowBytes = windowBytes
    return Pipeline(options: options)
  }

  /// The extraction of one copy, shifted as the `copy`-th of copies `stride` scalars apart.
  static func shifted(_ part: Pipeline.Extraction, copy: Int, stride: Int, entities: Int) -> Pipeline.Extraction {
    var part = part
    let offset = copy * stride
    for index in part.entities.indices {
      part.entities[index].start += offset
      part.entities[index].end += offset
      part.entities[index].parent = part.entities[index].parent.map { $0 + copy * entities }
    }
    for index in part.indicators.indices {
      part.indicators[index].start += offset
      part.indicators[index].end += offset
      part.indicators[index].place = part.indicators[index].place.map { $0 + copy * entities }
      part.indicators[index].subject = part.indicators[index].subject.map { $0 + copy * entities }
    }
    part.sentences = part.sentences.map { $0.map { $0 + offset } }
    return part
  }

  @Test(
    "Copies joined by a separator give each copy's extraction, shifted",
    arguments: [("paragraphs", "\n\n"), ("lines", "\n"), ("one line", " ")])
  func windowsAreCopies(_ name: String, _ separator: String) {
    let copies = 7
    let unit = Self.paragraph + separator
    let text = String(repeating: unit, count: copies)
    let single = Self.pipeline(windowBytes: .max).extraction(of: unit, published: nil)
    #expect(!single.entities.isEmpty && !single.indicators.isEmpty)
    #expect(single.entities.contains { $0.parent != nil })
    #expect(single.indicators.contains { $0.place != nil })
    // A window of one copy and a half: each is cut right after its copy's separator.
    let windowed = Self.pipeline(windowBytes: unit.utf8.count * 3 / 2).extraction(of: text, published: nil)
    var expected = Pipeline.Extraction()
    for copy in 0..<copies {
      let part = Self.shifted(
        single, copy: copy, stride: unit.unicodeScalars.count, entities: single.entities.count)
      expected.entities += part.entities
      expected.indicators += part.indicators
      expected.sentences += part.sentences
    }
    #expect(windowed.entities == expected.entities)
    #expect(windowed.indicators == expected.indicators)
    #expect(windowed.sentences == expected.sentences)
    let scalars = Array(text.unicodeScalars)
    for entity in windowed.entities {
      #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
    }
  }

  @Test("A text within the window is extracted in one piece, as before")
  func shortTextIsOnePiece() throws {
    let bytes = Array((Self.paragraph + "\n\n" + Self.paragraph).utf8)
    let whole = try Self.pipeline(windowBytes: .max).process(bytes)
    let windowed = try Self.pipeline(windowBytes: bytes.count).process(bytes)
    #expect(whole == windowed)
  }

  @Test(
    "A window ends at a paragraph break, a line break, a full stop, a blank, a scalar",
    arguments: [
      ("Một hai.\n\nBa bốn.\nNăm sáu. Bảy", 20, "Một hai.\n\n"),
      ("Một hai.\nBa bốn. Năm sáu bảy tám", 26, "Một hai.\nBa bốn. "),
      ("Một hai ba. Bốn năm sáu bảy tám", 22, "Một hai ba. "),
      ("Một hai ba bốn năm sáu bảy tám", 26, "Một hai ba bốn năm "),
      ("ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ", 13, "ĐĐĐĐĐĐ"),
      ("Ngắn.", 64, "Ngắn."),
    ])
  func windowEnd(_ text: String, _ limit: Int, _ window: String) {
    let bytes = Array(text.utf8)
    let end = bytes.withUnsafeBufferPointer { Pipeline.windowEnd($0, from: 0, limit: limit) }
    #expect(String(decoding: bytes[..<end], as: UTF8.self) == window)
  }
}
