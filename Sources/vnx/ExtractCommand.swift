import ArgumentParser
import Foundation
import VNX
import VNXBatch

/// `vnx extract`: the `vnx.document/1` JSON of each input.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract entities and indicators as vnx.document/1 JSON.",
    discussion: """
      One JSON object per input, one per line when there are several (JSON Lines); a JSON \
      Lines file of scraped {"url", "html"|"text"} records gives one object per record, with \
      source.path "FILE#line N". An input that cannot be processed gives one line \
      "vnx extract: NAME: problem" on standard error; the others are still processed and the \
      exit status is 1.

      With --jsonl, vnx is a filter for distributed engines (Spark's RDD.pipe): each line of \
      standard input is one scraped record, and each gives exactly one line on standard \
      output, in order: its document, or {"schema": "vnx.error/1", "error": …} when the \
      record is broken.
      """
  )

  @Argument(help: "Input files; \"-\" or none for standard input.")
  var files: [String] = []

  @Flag(help: "Pretty-print the JSON (for people).")
  var pretty = false

  @Flag(help: "Include the normalized text and the sentence spans.")
  var text = false

  @Flag(help: "Filter standard input to standard output: one scraped record per line in, one result line out.")
  var jsonl = false

  @Option(help: "Force the input encoding: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
  var encoding: String?

  @Option(help: "Tone mark placement in the output text: old (hòa) or new (hoà).")
  var toneStyle: String?

  func validate() throws {
    if let encoding, TextEncoding(rawValue: encoding) == nil {
      throw ValidationError("unknown encoding \(encoding)")
    }
    if let toneStyle, ToneStyle(rawValue: toneStyle) == nil {
      throw ValidationError("unknown tone style \(toneStyle): use old or new")
    }
    if jsonl && !files.isEmpty && files != ["-"] {
      throw ValidationError("--jsonl reads standard input only")
    }
  }

  func run() throws {
    var options = Pipeline.Options()
    options.encoding = encoding.flatMap(TextEncoding.init(rawValue:))
    options.toneStyle = toneStyle.flatMap(ToneStyle.init(rawValue:)) ?? .old
    options.includeText = text
    let processor = RecordProcessor(pipeline: Pipeline(options: options))
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    var output = StandardOutput()
    if jsonl {
      try filter(processor, encoder, &output)
      return
    }
    var failed = false
    func emit(_ record: InputRecord) {
      switch processor.process(record) {
      case .document(let document, _):
        do {
          // `Document.json()` writes the compact form JSONEncoder would, several times faster.
          output.write(pretty ? Array(try encoder.encode(document)) : document.json())
          output.write([0x0A])
        } catch {
          failed = true
          FileHandle.standardError.write(Data("vnx extract: \(record.path): cannot encode: \(error)\n".utf8))
        }
      case .failure(let failure, _):
        failed = true
        output.flush()
        FileHandle.standardError.write(Data("vnx extract: \(record.path): \(failure.error)\n".utf8))
      }
    }
    if files.isEmpty || files == ["-"] {
      let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
      for record in RecordSplitter.records(in: bytes, name: "-") { emit(record) }
    }
    for file in files where file != "-" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
        failed = true
        FileHandle.standardError.write(Data("vnx extract: \(file): is a folder (use vnx batch)\n".utf8))
        continue
      }
      RecordSplitter.read(file: file) { emit($0) }
    }
    output.flush()
    if failed { throw ExitCode(1) }
  }

  /// The `--jsonl` filter: one line in, one line out, in order.
  private func filter(_ processor: RecordProcessor, _ encoder: JSONEncoder, _ output: inout StandardOutput) throws {
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(buffer) }
    var lineNumber = 0
    guard let input = fdopen(STDIN_FILENO, "rb") else { throw ExitCode(1) }
    while true {
      let count = getline(&buffer, &capacity, input)
      if count < 0 { break }
      lineNumber += 1
      var bytes = Array(UnsafeRawBufferPointer(start: buffer, count: count))
      while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
      guard bytes.contains(where: { $0 > 0x20 }) else { continue }
      let record = InputRecord(path: "-", bytes: bytes, problem: RecordSplitter.recordProblem(bytes))
      var line: [UInt8]
      switch processor.process(record) {
      case .document(var document, _):
        document.source.path = nil
        line = pretty ? Array(try encoder.encode(document)) : document.json()
      case .failure(var failure, _):
        failure.path = nil
        FileHandle.standardError.write(Data("vnx extract: standard input line \(lineNumber): \(failure.error)\n".utf8))
        line = Array(try encoder.encode(ErrorLine(failure)))
      }
      line.append(0x0A)
      output.write(line)
    }
    output.flush()
  }
}

/// The result line of a broken record in `vnx extract --jsonl`.
private struct ErrorLine: Encodable {
  var schema = "vnx.error/1"
  var sha256: String?
  var error: String
  init(_ failure: RecordProcessor.Failure) {
    sha256 = failure.sha256
    error = failure.error
  }
}

/// Buffered standard output.
private struct StandardOutput {
  private var buffer: [UInt8] = []

  mutating func write(_ bytes: [UInt8]) {
    // A document of hundreds of megabytes goes out as it is, not copied into the buffer.
    if bytes.count > 1 << 16 {
      flush()
      bytes.withUnsafeBytes { raw in
        FileHandle.standardOutput.write(
          Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress!), count: raw.count, deallocator: .none))
      }
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count > 1 << 16 { flush() }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
