import Foundation
import Testing

@testable import VNXBatch

@Test("Folders give their pages and record files, not JSON annotations or hidden files")
func walksFolders() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "vnx-inputs-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let names = [
    "a.txt", "b.html", "c.jsonl", "d.gold.json", "e.expected.json", "f.json", ".hidden.txt",
    "notes.md", "sub/g.htm", "sub/h.ndjson", "sub/page",
  ]
  for name in names {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: url)
  }
  let found = try InputFiles([folder.path]).files.map {
    String($0.path.dropFirst(folder.path.count + 1))
  }
  #expect(Set(found) == ["a.txt", "b.html", "c.jsonl", "sub/g.htm", "sub/h.ndjson", "sub/page"])
  #expect(found == found.sorted())
  // A file named explicitly is always taken.
  let named = try InputFiles([folder.appendingPathComponent("f.json").path]).files
  #expect(named.count == 1 && named[0].size == 1)
  #expect(throws: BatchError.self) { try InputFiles([folder.appendingPathComponent("none").path]) }
}
