import ArgumentParser
import Foundation
import VNX
import VNXEvaluation

/// `vnx eval`: scores extraction against gold samples (SAMPLES.md).
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score extraction against gold samples (article + NAME.gold.json).",
    discussion: """
      Finds the samples in each folder (recursively): an article file (.txt or .html, any \
      encoding) with NAME.gold.json beside it. Runs extraction on each (or, with --pred, \
      reads stored output) and scores it as SAMPLES.md says: entities as a set of (type, \
      text key) per article, indicators as a multiset of (value, unit), indicator attributes \
      on matched pairs, meta exact match. Prints a table on standard output.

      --json FILE writes the full report as JSON ('-' for standard output; the table then \
      goes to standard error). --html FILE writes a self-contained page with a chart and every \
      article's text with found, missed and false spans marked.

      Exit status: 0; 1 when a --min-f1 gate fails; 64 for bad arguments or unreadable \
      samples.
      """
  )

  @Argument(help: "Folders of samples (or article files with their gold beside them).")
  var paths: [String]

  @Option(
    name: .customLong("pred"),
    help:
      "Score stored output: JSON Lines of vnx.document/1 (or the same fields), matched to samples by source.path or file name."
  )
  var predictions: String?

  @Option(
    help: ArgumentHelp("Write the JSON report to FILE ('-': standard output).", valueName: "file"))
  var json: String?

  @Option(help: ArgumentHelp("Write the HTML report to FILE.", valueName: "file"))
  var html: String?

  @Option(
    name: .customLong("min-f1"),
    help: ArgumentHelp(
      "Minimum F1 gates, e.g. entities=0.9,indicators=0.92,person=0.9; exit status 1 when one fails.",
      valueName: "gates"))
  var minimumF1: String?

  @Option(
    help: ArgumentHelp("Show what changed since an older --json report.", valueName: "old.json"))
  var diff: String?

  func run() throws {
    do {
      try evaluate()
    } catch let error as EvaluationError {
      FileHandle.standardError.write(Data("vnx eval: \(error)\n".utf8))
      throw ExitCode(64)
    }
  }

  private func evaluate() throws {
    let gates = try minimumF1.map { text throws(EvaluationError) in try F1Gate.parse(text) } ?? []
    let old = try diff.map { path throws(EvaluationError) in try Self.readReport(path) }
    let samples = try Sample.find(in: paths)
    guard !samples.isEmpty else { throw EvaluationError.noSamples(paths) }

    let evaluator = Evaluator()
    let evaluation: Evaluation
    if let predictions {
      evaluation = try evaluator.evaluate(
        samples, predictions: try Evaluator.readPredictions(predictions))
    } else {
      evaluation = try evaluator.evaluate(samples)
    }
    for warning in evaluation.warnings {
      FileHandle.standardError.write(Data("vnx eval: \(warning)\n".utf8))
    }

    let report = evaluation.report
    let tableOutput = json == "-" ? FileHandle.standardError : FileHandle.standardOutput
    tableOutput.write(Data(report.table.utf8))
    if let old { tableOutput.write(Data(("\n" + report.changes(from: old)).utf8)) }

    if let json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(report) + Data("\n".utf8)
      if json == "-" {
        FileHandle.standardOutput.write(data)
      } else {
        try Self.write(data, to: json)
      }
    }
    if let html { try Self.write(Data(evaluation.html.utf8), to: html) }

    let failures = gates.compactMap { $0.failure(in: report) }
    for failure in failures { FileHandle.standardError.write(Data("vnx eval: \(failure)\n".utf8)) }
    if !failures.isEmpty { throw ExitCode(1) }
  }

  private static func write(_ data: Data, to path: String) throws(EvaluationError) {
    do {
      try data.write(to: URL(fileURLWithPath: path))
    } catch {
      throw .unwritable(path)
    }
  }

  private static func readReport(_ path: String) throws(EvaluationError) -> EvaluationReport {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
    do {
      return try JSONDecoder().decode(EvaluationReport.self, from: data)
    } catch {
      throw .invalidReport(path: path, reason: "\(error)")
    }
  }
}
