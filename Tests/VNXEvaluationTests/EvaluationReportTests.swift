import Foundation
import Testing

@testable import VNXEvaluation

private func sampleScores() -> [ArticleScore] {
  [
    ArticleScore(
      path: "x/a.txt",
      gold: Annotations(
        meta: ["title": "A"],
        entities: [E(type: "person", text: "Lò Văn Phà"), E(type: "commune", text: "Bản Hon")],
        indicators: [I(text: "166 đảng viên", value: 166, unit: "đảng viên")]),
      predicted: Annotations(
        meta: ["title": "a"],
        entities: [E(type: "person", text: "Lò Văn Phà"), E(type: "person", text: "Bản Hon")],
        indicators: [I(text: "166 đảng viên", value: 166, unit: "đảng viên")])),
    ArticleScore(
      path: "x/b.html",
      gold: Annotations(entities: [E(type: "person", text: "Y Khun Niê")]),
      predicted: Annotations(entities: [E(type: "person", text: "Y Khun Niê")])),
  ]
}

@Test("Per-type and micro scores sum over articles")
func aggregation() {
  let report = EvaluationReport(articles: sampleScores())
  #expect(report.documents == 2)
  #expect(report.entities["person"] == Score(tp: 2, fp: 1, fn: 0))
  #expect(report.entities["commune"] == Score(tp: 0, fp: 0, fn: 1))
  #expect(report.entities["micro"] == Score(tp: 2, fp: 1, fn: 1))
  #expect(abs(report.entities["micro"]!.f1 - 2.0 / 3.0) < 1e-12)
  #expect(report.entityTypes == ["person", "commune"])
  #expect(report.meta["title"] == Accuracy(right: 1, total: 1))
  #expect(report.table.contains("micro"))
}

@Test(
  "Scores of empty sides",
  arguments: [
    (Score(), 1.0, 1.0, 1.0), (Score(fn: 3), 0.0, 0.0, 0.0), (Score(fp: 2), 0.0, 0.0, 0.0),
    (Score(tp: 1, fp: 1, fn: 0), 0.5, 1.0, 2.0 / 3.0),
  ])
func scoreFormulas(_ score: Score, _ precision: Double, _ recall: Double, _ f1: Double) {
  #expect(score.precision == precision && score.recall == recall && abs(score.f1 - f1) < 1e-12)
}

@Test("The JSON report has the documented shape and reads back")
func jsonShape() throws {
  let report = EvaluationReport(articles: sampleScores())
  let data = try JSONEncoder().encode(report)
  let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  #expect(object["documents"] as? Int == 2)
  let entities = try #require(object["entities"] as? [String: Any])
  let micro = try #require(entities["micro"] as? [String: Any])
  for key in ["precision", "recall", "f1", "tp", "fp", "fn"] { #expect(micro[key] != nil) }
  #expect(entities["person"] != nil)
  let indicators = try #require(object["indicators"] as? [String: Any])
  #expect(indicators["f1"] as? Double == 1)
  #expect(indicators["attributes"] is [String: Any])
  let meta = try #require(object["meta"] as? [String: Any])
  #expect(meta["title"] as? Double == 1)
  let articles = try #require(object["articles"] as? [[String: Any]])
  #expect(articles.first?["path"] as? String == "x/a.txt")
  let articleEntities = try #require(articles.first?["entities"] as? [String: Any])
  #expect((articleEntities["fp"] as? [Any])?.count == 1)
  #expect(try JSONDecoder().decode(EvaluationReport.self, from: data) == report)
}

@Test("A diff names the figures and the articles that changed")
func diff() {
  let new = EvaluationReport(articles: sampleScores())
  var worse = sampleScores()
  worse[1] = ArticleScore(
    path: "x/b.html", gold: Annotations(entities: [E(type: "person", text: "Y Khun Niê")]),
    predicted: Annotations())
  let old = EvaluationReport(articles: worse)
  let text = new.changes(from: old)
  #expect(text.contains("person F1"))
  #expect(text.contains("+ found person \"Y Khun Niê\""))
  #expect(!text.contains("x/a.txt"))
  #expect(new.changes(from: new).contains("no article changed"))
}

@Test(
  "F1 gates pass or fail on the named figure",
  arguments: [
    ("entities=0.6", true), ("entities=0.7", false), ("indicators=1", true), ("person=0.8", true),
    ("person=0.9", false), ("commune=0.1", false), ("date=0.99", true),
    ("micro=0.5,indicators=0.9", true),
  ])
func gates(_ text: String, _ passes: Bool) throws {
  let report = EvaluationReport(articles: sampleScores())
  let gates = try F1Gate.parse(text)
  #expect(gates.allSatisfy { $0.failure(in: report) == nil } == passes)
}

@Test(
  "Malformed gates are rejected",
  arguments: ["entities", "entities=x", "persons=0.9", "person=2", ""])
func badGates(_ text: String) {
  #expect(throws: EvaluationError.self) { try F1Gate.parse(text) }
}
