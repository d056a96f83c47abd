import Foundation
import Testing
import VNXTestSupport

@Test("vnx article prints one JSON article per page and one error line per bad file")
func articleCommand() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vnx-article-\(UUID())")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let page = directory.appendingPathComponent("page.txt")
  try """
    Trang chủ | Tin tức | Liên hệ
    Đảng bộ xã Bản Hon nâng cao chất lượng sinh hoạt chi bộ
    Chủ nhật - 27/01/2019 17:44 489 0
    Đảng bộ xã Bản Hon có 166 đảng viên sinh hoạt tại 13 chi bộ, trong đó có 9 chi bộ nông thôn và 3 chi bộ trường học.
    Tác giả bài viết: Thanh Sơn
    """.write(to: page, atomically: true, encoding: .utf8)
  let empty = directory.appendingPathComponent("empty.txt")
  try Data().write(to: empty)
  let binary = directory.appendingPathComponent("image.png")
  try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: binary)

  let result = try VNXCommand.run(["article", empty.path, page.path, binary.path])
  let (status, stdout, stderr) = (result.status, result.output, result.error)
  #expect(status != 0)
  let errorLines = stderr.split(separator: "\n")
  #expect(errorLines.count == 2)
  #expect(errorLines.first?.contains("empty.txt") == true)
  #expect(errorLines.last?.contains("image.png") == true)
  let lines = stdout.split(separator: "\n")
  #expect(lines.count == 1)
  let record = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
  let meta = try #require(record["meta"] as? [String: Any])
  #expect(meta["title"] as? String == "Đảng bộ xã Bản Hon nâng cao chất lượng sinh hoạt chi bộ")
  #expect(meta["published"] as? String == "2019-01-27T17:44:00+07:00")
  #expect(meta["author"] as? String == "Thanh Sơn")

  let forced = try VNXCommand.run(["article", "--format", "html", "--boilerplate", page.path])
  #expect(forced.status == 0)
  #expect(forced.output.contains("\"format\":\"html\""))
}
