import Foundation
import Testing

@testable import VNXEvaluation

/// A fresh folder under the temporary directory, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "vnx-eval-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

let minimalGold = #"{"schema": "vnx.gold/1", "entities": [], "indicators": []}"#

@Test("Samples are articles with NAME.gold.json beside them, found recursively")
func findsSamples() throws {
  let folder = try temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let files = [
    "a.txt": "Bản Hon", "a.gold.json": minimalGold,
    "nested/b.html": "<p>Bản Hon</p>", "nested/b.gold.json": minimalGold,
    "c.txt": "no gold", "d.gold.json": minimalGold, "e.md": "x", "e.gold.json": minimalGold,
  ]
  for (name, text) in files {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
  let samples = try Sample.find(in: [folder.path])
  #expect(
    samples.map { URL(fileURLWithPath: $0.article).lastPathComponent } == ["a.txt", "b.html"])
  #expect(
    samples.allSatisfy {
      $0.gold.hasSuffix(".gold.json") && FileManager.default.fileExists(atPath: $0.gold)
    })
  // An article file given directly counts too, once.
  let direct = try Sample.find(in: [folder.appendingPathComponent("a.txt").path, folder.path])
  #expect(direct.count == 2)
  #expect(throws: EvaluationError.self) {
    try Sample.find(in: [folder.appendingPathComponent("none").path])
  }
}

@Test("Predictions match samples by path, then file name, then name without extension")
func predictionMatching() {
  let predictions = [
    Annotations(path: "/elsewhere/b.txt"), Annotations(path: "out/samples/a.txt"),
    Annotations(path: "other/a.txt"), Annotations(path: "c.html"),
  ]
  #expect(Evaluator.prediction(for: "/data/samples/a.txt", in: predictions, excluding: []) == 1)
  #expect(Evaluator.prediction(for: "/data/samples/a.txt", in: predictions, excluding: [1]) == 2)
  #expect(Evaluator.prediction(for: "b.txt", in: predictions, excluding: []) == 0)
  #expect(Evaluator.prediction(for: "x/c.txt", in: predictions, excluding: []) == 3)
  #expect(Evaluator.prediction(for: "d.txt", in: predictions, excluding: []) == nil)
}

@Test("Predictions read from JSON Lines of documents, with line numbers in errors")
func readsPredictions() throws {
  let folder = try temporaryFolder()
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("results.jsonl")
  let lines = [
    #"{"schema":"vnx.document/1","source":{"path":"a.txt","sha256":"","bytes":1,"encoding":"utf-8","format":"text"},"meta":{"title":"T","views":489},"entities":[{"type":"person","text":"Lò Văn Phà","start":0,"end":10}],"indicators":[{"text":"trên 5, 5 ha","start":3,"end":15,"value":5.5,"unit":"ha","kind":"area","qualifier":"over"}],"warnings":[]}"#,
    "",
    #"{"path":"b.txt","entities":[{"type":"village","text":"Đông Pao"}],"indicators":[]}"#,
  ]
  try Data(lines.joined(separator: "\n").utf8).write(to: file)
  let predictions = try Evaluator.readPredictions(file.path)
  #expect(predictions.count == 2)
  #expect(predictions[0].path == "a.txt" && predictions[0].meta["views"] == "489")
  #expect(predictions[0].indicators.first?.qualifier == "over")
  #expect(predictions[1].entities.first?.text == "Đông Pao")
  try Data("{\"entities\": [{\"type\": 1}]}\n".utf8).write(to: file)
  #expect(throws: EvaluationError.self) { try Evaluator.readPredictions(file.path) }
}

/// The shared dev samples (`../shared/samples` from the package root), when present.
enum SharedSamples {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/samples")
  static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }
}

@Test(
  "Gold scored against itself gives F1 = 1 on the shared samples",
  .enabled(if: SharedSamples.available))
func goldAgainstItself() throws {
  let samples = try Sample.find(in: [SharedSamples.folder.path])
  #expect(samples.count >= 10)
  let predictions = try samples.map { sample in
    var gold = try Evaluator.readGold(sample.gold)
    gold.path = URL(fileURLWithPath: sample.article).lastPathComponent
    return gold
  }
  let evaluation = try Evaluator().evaluate(samples, predictions: predictions.reversed())
  let report = evaluation.report
  #expect(evaluation.warnings.isEmpty)
  #expect(report.documents == samples.count)
  #expect(report.entities["micro"]!.f1 == 1 && report.entities["micro"]!.tp > 100)
  #expect(report.indicators.score.f1 == 1 && report.indicators.score.tp > 100)
  for (name, accuracy) in report.indicators.attributes where accuracy.total > 0 {
    #expect(accuracy.value == 1, "\(name)")
  }
  for (key, accuracy) in report.meta { #expect(accuracy.value == 1, "\(key)") }
}

@Test(
  "The pipeline runs on the shared samples and every gold file reads",
  .enabled(if: SharedSamples.available))
func pipelineOnSamples() throws {
  let samples = try Sample.find(in: [SharedSamples.folder.path])
  let evaluation = try Evaluator().evaluate(samples)
  #expect(evaluation.report.documents == samples.count)
  #expect(evaluation.articles.allSatisfy { !$0.text.isEmpty })
  #expect(evaluation.report.entities["micro"]!.tp + evaluation.report.entities["micro"]!.fn > 100)
}
