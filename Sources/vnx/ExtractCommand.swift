import ArgumentParser
import Foundation
import VNX

/// `vnx extract`: the structured document (meta, entities, indicators) of each input.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract entities and indicators from scraped pages, as vnx.document/1 JSON.",
    discussion: """
      Input: text dumps, HTML pages or JSON Lines of scraped pages (standard input when no \
      file is given). Output: one JSON object per article, one per line (JSON Lines when there \
      are several), with source, meta, entities and indicators. Entity offsets are Unicode \
      scalar offsets into the article text (--text includes it).
      """
  )

  @Argument(help: "Page files; standard input when none.")
  var files: [String] = []

  @Option(help: "Force the input encoding: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni-windows, viqr.")
  var encoding: String?

  @Flag(help: "Include the normalized article text and sentence spans.")
  var text = false

  @Flag(help: "Pretty-print the JSON.")
  var pretty = false

  func run() throws {
    var options = Pipeline.Options()
    if let encoding {
      guard let forced = TextEncoding(rawValue: encoding.lowercased()) else {
        throw ValidationError("unknown encoding \(encoding)")
      }
      options.encoding = forced
    }
    options.includeText = text
    let pipeline = Pipeline(options: options)
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    var failed = false
    let inputs: [(name: String?, data: Data?)] =
      files.isEmpty
      ? [(nil, FileHandle.standardInput.readDataToEndOfFile())]
      : files.map { ($0, FileManager.default.contents(atPath: $0)) }
    for (name, data) in inputs {
      guard let data else {
        FileHandle.standardError.write(Data("vnx extract: \(name ?? "-"): cannot read file\n".utf8))
        failed = true
        continue
      }
      do {
        for document in try pipeline.documents([UInt8](data), path: name) {
          FileHandle.standardOutput.write(try encoder.encode(document))
          FileHandle.standardOutput.write(Data("\n".utf8))
        }
      } catch {
        FileHandle.standardError.write(Data("vnx extract: \(name ?? "-"): \(error)\n".utf8))
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }
}
