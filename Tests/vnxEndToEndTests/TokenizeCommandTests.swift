import Foundation
import Testing
import VNXTestSupport

/// `vnx tokenize` goes through a long text one window at a time (as `vnx extract` does), so
/// that its memory is that of a window; windows cut at paragraph breaks change nothing.
@Suite("vnx tokenize window by window")
struct TokenizeCommandTests {
  static let paragraph =
    "Năm 2023, xã Bản Hon, huyện Tam Đường có 166 đảng viên sinh hoạt tại 13 chi bộ. "
    + "Đồng chí Lò Văn Phà, Bí thư Đảng ủy xã, cho biết thu nhập bình quân đạt 42,5 triệu "
    + "đồng/người/năm; ngày 22/9/2017, tỷ lệ hộ nghèo giảm còn 12,5% (theo Quyết định số "
    + "1234/QĐ-UBND)."

  @Test(
    "A text cut into windows prints what it prints whole, offsets included",
    arguments: [[], ["--json"], ["--lines"], ["--json", "--no-words"]])
  func windowsChangeNothing(_ flags: [String]) throws {
    let text = (1...12).map { "Đoạn \($0). " + Self.paragraph }.joined(separator: "\n\n")
    let input = Data(text.utf8)
    let whole = try VNXCommand.run(["tokenize"] + flags, input: input)
    // About two paragraphs per window: eleven cuts.
    let windowed = try VNXCommand.run(["tokenize", "--window-bytes", "700"] + flags, input: input)
    #expect(whole.status == 0 && windowed.status == 0, "\(whole.error)\(windowed.error)")
    #expect(whole.lines.count >= 12)
    #expect(windowed.lines == whole.lines)
    if flags.contains("--json") {
      // The last sentence's offsets are offsets into the whole input, not into its window.
      let last = try JSONSerialization.jsonObject(with: Data(windowed.lines.last!.utf8))
      let end = (last as? [String: Any])?["end"] as? Int
      #expect(end == text.unicodeScalars.count)
    }
  }
}
