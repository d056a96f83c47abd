import Foundation
import Testing
import VNXTestSupport

@Test(
  "vnx bench times each stage alone over every record of a JSON Lines file",
  arguments: ["decode", "article", "segment", "extract", "pipeline"])
func benchCommand(stage: String) throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vnx-bench-\(UUID())")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let records = directory.appendingPathComponent("records.jsonl")
  try """
    {"url": "https://example.vn/a", "text": "Huyện Mường Ảng giảm 120 hộ nghèo\\n\\nNăm 2023, huyện Mường Ảng (tỉnh Điện Biên) giảm 120 hộ nghèo, tỷ lệ hộ nghèo còn 15,2%."}
    {"url": "https://example.vn/b", "html": "<html><body><h1>Xã Bản Hon có 166 đảng viên</h1><p>Đảng bộ xã Bản Hon có 166 đảng viên sinh hoạt tại 13 chi bộ.</p></body></html>"}

    """.write(to: records, atomically: true, encoding: .utf8)

  let result = try VNXCommand.run(["bench", stage, records.path])
  let line = result.output
  #expect(result.status == 0)

  var fields: [String: String] = [:]
  for pair in line.split(whereSeparator: \.isWhitespace) {
    let parts = pair.split(separator: "=", maxSplits: 1)
    if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
  }
  #expect(fields["stage"] == stage)
  #expect(fields["documents"] == "2")
  #expect(Int(fields["bytes"] ?? "") == (try Data(contentsOf: records)).count - 2)
  #expect((Int(fields["stage_bytes"] ?? "") ?? 0) > 100)
  #expect((Int(fields["items"] ?? "") ?? 0) > 0)
  #expect((Double(fields["cpu"] ?? "") ?? -1) >= 0)
  #expect((Double(fields["wall"] ?? "") ?? -1) >= 0)
}
