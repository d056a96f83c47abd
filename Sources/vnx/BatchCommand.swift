import ArgumentParser
import Foundation
import VNX
import VNXBatch

/// `vnx batch`: folders of scraped pages into datasets, on every core, resumably.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Turn folders of scraped pages into datasets (JSON Lines, CSV, SQLite).",
    discussion: """
      Inputs are files, folders (walked recursively for .txt, .html, .htm, .jsonl and .ndjson \
      files; .json files there are taken for annotations, not pages) and glob patterns; a JSON Lines file of scraped {"url", "html"|"text"} records \
      gives one document per record. OUT receives documents.jsonl, entities.csv, \
      indicators.csv, vnx.sqlite (table documents, views entities and indicators with the \
      CSV columns), errors.jsonl (one line per broken input) and done.jsonl (the ledger).

      Rerunning with the same --out skips inputs already done (by content hash) and adds only \
      new results. Outputs are committed in batches: a crash or kill loses at most the \
      documents not yet reported, and never leaves half a line or row. Ctrl-C (or SIGTERM) \
      stops cleanly after committing; a second Ctrl-C quits at once. Output is the same, \
      byte for byte, whatever --jobs is.

      Example:
        vnx batch corpus scraped/*.jsonl --out dataset
        sqlite3 dataset/vnx.sqlite "SELECT place, year, value, unit FROM indicators WHERE unit = 'hộ'"
      """
  )

  @Argument(help: "Files, folders or glob patterns.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The output folder (created if needed; reuse it to resume).")
  var out: String

  @Option(name: .shortAndLong, help: "Worker threads (default: every core).")
  var jobs: Int?

  @Option(help: "Datasets to write, comma-separated: jsonl, csv, sqlite, or all.")
  var format = "all"

  @Flag(name: .shortAndLong, help: "No progress, only the final summary.")
  var quiet = false

  @Flag(help: "Include the normalized text and sentence spans in documents.jsonl.")
  var text = false

  @Option(help: "Force the input encoding: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
  var encoding: String?

  @Option(help: "Tone mark placement in the output text: old (hòa) or new (hoà).")
  var toneStyle: String?

  func validate() throws {
    if OutputFormat.list(format) == nil {
      throw ValidationError("unknown --format \(format): use jsonl, csv, sqlite, or all")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let encoding, TextEncoding(rawValue: encoding) == nil {
      throw ValidationError("unknown encoding \(encoding)")
    }
    if let toneStyle, ToneStyle(rawValue: toneStyle) == nil {
      throw ValidationError("unknown tone style \(toneStyle): use old or new")
    }
  }

  func run() throws {
    var options = BatchRunner.Options()
    if let jobs { options.jobs = jobs }
    options.formats = OutputFormat.list(format)!
    options.pipeline.includeText = text
    options.pipeline.encoding = encoding.flatMap(TextEncoding.init(rawValue:))
    options.pipeline.toneStyle = toneStyle.flatMap(ToneStyle.init(rawValue:)) ?? .old
    let error = FileHandle.standardError
    func say(_ text: String) { error.write(Data(text.utf8)) }
    let files: InputFiles
    do {
      files = try InputFiles(inputs)
    } catch {
      say("vnx batch: \(error)\n")
      throw ExitCode(2)
    }
    let terminal = isatty(STDERR_FILENO) != 0
    let stop = StopFlag()
    stop.installSignalHandlers {
      FileHandle.standardError.write(
        Data("\nvnx batch: stopping after the documents in progress (Ctrl-C again to quit now)\n".utf8))
    }
    var lastLine = Date.distantPast
    let summary: BatchRunner.Progress
    do {
      summary = try BatchRunner(options: options).run(files, out: out, stop: stop) { progress in
        guard !quiet, !progress.finished else { return }
        if terminal {
          say("\r" + ProgressReport.bar(progress) + "\u{1B}[K")
        } else if Date().timeIntervalSince(lastLine) >= 5 {
          say(ProgressReport.line(progress) + "\n")
          lastLine = Date()
        }
      }
    } catch {
      if terminal && !quiet { say("\n") }
      say("vnx batch: \(error)\n")
      throw ExitCode(1)
    }
    if terminal && !quiet { say("\r\u{1B}[K") }
    say(ProgressReport.summary(summary, out: out) + "\n")
    if summary.interrupted { throw ExitCode(130) }
  }
}
