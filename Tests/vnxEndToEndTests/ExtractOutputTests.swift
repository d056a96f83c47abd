import Foundation
import Testing
import VNXTestSupport

private let packageRoot = VNXCommand.packageRoot

private func article(_ index: Int) throws -> String {
  let folder = packageRoot.appendingPathComponent("corpus/articles").path
  let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
  return "corpus/articles/" + names[index % names.count]
}

@Test("vnx extract output validates against the document JSON Schema")
func extractMatchesSchema() throws {
  let files = try (0..<6).map(article)
  let extracted = try VNXCommand.run(["extract", "--text"] + files)
  #expect(extracted.status == 0)
  #expect(extracted.lines.count == files.count)
  guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
    print("note: python3 not found; schema validation skipped")
    return
  }
  let validation = try VNXCommand.run(
    ["python3", "Tests/scripts/validate_documents.py", "-"], input: Data(extracted.output.utf8),
    executable: URL(fileURLWithPath: "/usr/bin/env"))
  if validation.status == 77 {
    print("note: Python's jsonschema is not installed; schema validation skipped")
    return
  }
  #expect(validation.status == 0, "\(validation.output)\(validation.error)")
}

@Test("A broken input is named with its problem, the others are still processed, exit 1")
func extractReportsEachBrokenFile() throws {
  let folder = NSTemporaryDirectory() + "vnx-extract-broken-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  try Data([0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01] + [UInt8](repeating: 0, count: 100))
    .write(to: URL(fileURLWithPath: folder + "/photo.txt"))
  let good = try article(0)
  let result = try VNXCommand.run(["extract", good, folder + "/missing.txt", folder + "/photo.txt", try article(1)])
  #expect(result.status == 1)
  #expect(result.lines.count == 2)
  #expect(result.error.contains("missing.txt: cannot open"))
  #expect(result.error.contains("photo.txt: not text"))
}

@Test("--jsonl is a filter: one line out per record, in order, broken records included")
func extractFilter() throws {
  let records = """
    {"url": "https://example.vn/1", "text": "Xã Bản Hon có 120 hộ nghèo."}
    {"url": "https://example.vn/2", "text": "broken

    {"url": "https://example.vn/3", "html": "<html><body><h1>Huyện Tam Đường</h1><p>Năm 2023 huyện có 1.250 hộ nghèo.</p></body></html>"}

    """
  let result = try VNXCommand.run(["extract", "--jsonl"], input: Data(records.utf8))
  #expect(result.status == 0)
  let lines = result.lines
  #expect(lines.count == 3)
  guard lines.count == 3 else { return }
  #expect(lines[0].contains("\"url\":\"https://example.vn/1\""))
  #expect(lines[1].contains("\"schema\":\"vnx.error/1\""))
  #expect(lines[2].contains("\"url\":\"https://example.vn/3\""))
  #expect(result.error.contains("line 2"))
}

@Test("--pretty prints indented JSON")
func extractPretty() throws {
  let result = try VNXCommand.run(["extract", "--pretty", try article(2)])
  #expect(result.status == 0)
  #expect(result.output.contains("\n  \"schema\" : \"vnx.document\\/1\"") || result.output.contains("\n  \"schema\" : \"vnx.document/1\""))
}
