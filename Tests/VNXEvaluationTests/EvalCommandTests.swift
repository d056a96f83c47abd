import Foundation
import Testing

@testable import VNXEvaluation
import VNXTestSupport

@Test(
  "vnx eval --pred scores stored output, gates the exit status and diffs reports",
  .enabled(if: VNXCommand.binary != nil))
func evalCommand() throws {
  let folder = try temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let samples = folder.appendingPathComponent("samples")
  try FileManager.default.createDirectory(at: samples, withIntermediateDirectories: true)
  try Data("Bí thư Lò Văn Phà: xã có 166 đảng viên.".utf8).write(
    to: samples.appendingPathComponent("banhon.txt"))
  let gold = #"""
    {"schema": "vnx.gold/1", "meta": {"published": "2019-01-27T17:44"},
     "entities": [{"type": "person", "text": "Lò Văn Phà"}, {"type": "commune", "text": "Bản Hon"}],
     "indicators": [{"text": "166 đảng viên", "value": 166, "unit": "đảng viên"}]}
    """#
  try Data(gold.utf8).write(to: samples.appendingPathComponent("banhon.gold.json"))
  let predictions = folder.appendingPathComponent("results.jsonl")
  let line = #"""
    {"source": {"path": "in/banhon.txt"}, "meta": {"published": "2019-01-27T17:44:00+07:00"}, "entities": [{"type": "person", "text": "Lò Văn Phà", "start": 7, "end": 17}], "indicators": [{"text": "166 đảng viên", "value": 166, "unit": "đảng viên", "start": 25, "end": 38}]}
    """#
  try Data((line + "\n").utf8).write(to: predictions)
  let report = folder.appendingPathComponent("report.json")
  let html = folder.appendingPathComponent("report.html")

  let passed = try VNXCommand.run([
    "eval", "--pred", predictions.path, samples.path, "--json", report.path, "--html", html.path,
    "--min-f1", "person=1,indicators=1",
  ])
  #expect(passed.status == 0)
  #expect(passed.output.contains("micro"))
  let decoded = try JSONDecoder().decode(EvaluationReport.self, from: Data(contentsOf: report))
  #expect(decoded.entities["micro"] == Score(tp: 1, fp: 0, fn: 1))
  #expect(decoded.meta["published"] == Accuracy(right: 1, total: 1))
  #expect(FileManager.default.fileExists(atPath: html.path))

  let failed = try VNXCommand.run([
    "eval", "--pred", predictions.path, samples.path, "--min-f1", "entities=0.9",
  ])
  #expect(failed.status == 1)
  #expect(failed.error.contains("entities F1 0.667 is below the minimum 0.900"))

  let toStdout = try VNXCommand.run([
    "eval", "--pred", predictions.path, samples.path, "--json", "-",
  ])
  let object = try JSONSerialization.jsonObject(with: Data(toStdout.output.utf8)) as? [String: Any]
  #expect(object?["documents"] as? Int == 1)
  #expect(toStdout.error.contains("micro"))

  // Compared with its own report, nothing changed.
  let same = try VNXCommand.run([
    "eval", "--pred", predictions.path, samples.path, "--diff", report.path,
  ])
  #expect(same.output.contains("no article changed"))

  let bad = try VNXCommand.run(["eval", folder.appendingPathComponent("none").path])
  #expect(bad.status == 64)
}
