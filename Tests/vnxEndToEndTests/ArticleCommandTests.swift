import Foundation
import Testing

/// Runs the built `vnx article` on files and returns (exit status, stdout, stderr).
func runArticle(_ arguments: [String]) throws -> (Int32, String, String) {
  let process = Process()
  process.executableURL = vnxBinary()
  process.arguments = ["article"] + arguments
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return (process.terminationStatus, stdout, stderr)
}

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

  let (status, stdout, stderr) = try runArticle([empty.path, page.path, binary.path])
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

  let (forced, html, _) = try runArticle(["--format", "html", "--boilerplate", page.path])
  #expect(forced == 0)
  #expect(html.contains("\"format\":\"html\""))
}
