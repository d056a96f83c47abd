import Foundation
import VNX

#if canImport(Glibc)
  import Glibc
#endif

/// One unit of work: the bytes of a page file, or of one record of a JSON Lines file.
public struct InputRecord: Sendable {
  /// "corpus/a.html", or "scraped.jsonl#line 12" for a record.
  public var path: String
  public var bytes: [UInt8]
  /// Why the record cannot be processed (unreadable file, a line that is not a record).
  public var problem: String?
  /// A JSON Lines line not checked yet to be a scraped record: the batch leaves that check
  /// (a JSON parse) to the worker that processes it, off the single reader thread.
  var unchecked = false

  public init(path: String, bytes: [UInt8], problem: String? = nil) {
    self.path = path
    self.bytes = bytes
    self.problem = problem
  }
}

/// Splits inputs into records: a JSON Lines file of scraped `{"url", "html"|"text"}` records
/// gives one record per non-blank line, any other file one record. Files are streamed line by
/// line, so a JSON Lines file of any size takes memory for one line at a time.
public enum RecordSplitter {
  /// Larger pages (or records) are reported as errors rather than read into memory.
  public static let maximumBytes = 64 << 20
  /// Inputs this large take hundreds of megabytes in the pipeline: the batch processes them
  /// one at a time (`BatchRunner`).
  static let hugeBytes = 8 << 20

  /// Calls `body` with each record of the file at `path`, in order. With `checkingRecords`
  /// false, JSON Lines lines come `unchecked` (see `RecordProcessor`). `willReadPage` is
  /// called with the size of a page file (not JSON Lines) before it is read into memory.
  public static func read(
    file path: String, checkingRecords: Bool = true, willReadPage: (Int) -> Void = { _ in },
    _ body: (InputRecord) throws -> Void
  ) rethrows {
    guard let stream = fopen(path, "rb") else {
      try body(InputRecord(path: path, bytes: [], problem: "cannot open: \(String(cString: strerror(errno)))"))
      return
    }
    defer { fclose(stream) }
    var head = [UInt8](repeating: 0, count: 4096)
    let headCount = fread(&head, 1, head.count, stream)
    head.removeSubrange(headCount...)
    let lowered = path.lowercased()
    let isJSONLines =
      lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson")
      || InputFormat.detect(in: head) == .jsonl
    if isJSONLines {
      fseek(stream, 0, SEEK_SET)
      try readLines(stream, path: path, checkingRecords: checkingRecords, body)
      return
    }
    let size = InputFiles.size(of: path)
    if size > maximumBytes {
      try body(
        InputRecord(
          path: path, bytes: [],
          problem: "file too large (\(size) bytes, limit \(maximumBytes >> 20) MB): split it or give it as JSON Lines"))
      return
    }
    willReadPage(size)
    var bytes = head
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&chunk, 1, chunk.count, stream)
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > maximumBytes { break }
    }
    if ferror(stream) != 0 {
      try body(InputRecord(path: path, bytes: [], problem: "read error: \(String(cString: strerror(errno)))"))
      return
    }
    try body(InputRecord(path: path, bytes: bytes))
  }

  /// The records of bytes already in memory (standard input): one per line for JSON Lines,
  /// else the whole.
  public static func records(in bytes: [UInt8], name: String) -> [InputRecord] {
    guard InputFormat.detect(in: bytes) == .jsonl else { return [InputRecord(path: name, bytes: bytes)] }
    var records: [InputRecord] = []
    var lineNumber = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      if let record = record(line: Array(line), number: lineNumber, file: name) { records.append(record) }
    }
    return records
  }

  private static func readLines(
    _ stream: UnsafeMutablePointer<FILE>, path: String, checkingRecords: Bool,
    _ body: (InputRecord) throws -> Void
  ) rethrows {
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(buffer) }
    var lineNumber = 0
    while true {
      let count = getline(&buffer, &capacity, stream)
      if count < 0 { break }
      lineNumber += 1
      let line = UnsafeRawBufferPointer(start: buffer, count: count)
      if let record = record(line: line, number: lineNumber, file: path, checking: checkingRecords) {
        try body(record)
      }
    }
  }

  /// The record of one JSON Lines line, nil for a blank line.
  static func record(
    line: some RandomAccessCollection<UInt8>, number: Int, file: String, checking: Bool = true
  ) -> InputRecord? {
    var end = line.endIndex
    while end > line.startIndex, line[line.index(before: end)] == 0x0A || line[line.index(before: end)] == 0x0D {
      end = line.index(before: end)
    }
    let bytes = Array(line[line.startIndex..<end])
    guard bytes.contains(where: { $0 > 0x20 }) else { return nil }
    var record = InputRecord(path: "\(file)#line \(number)", bytes: bytes)
    if checking { record.problem = recordProblem(bytes) } else { record.unchecked = true }
    return record
  }

  /// Why a JSON Lines line is not a scraped record, nil when it is one.
  public static func recordProblem(_ bytes: [UInt8]) -> String? {
    if bytes.count > maximumBytes { return "record too large (\(bytes.count) bytes)" }
    let record: ScrapedRecord
    do {
      record = try ScrapedRecord(json: bytes)
    } catch .notObject {
      return "not a JSON record: expected an object"
    } catch {
      return "not a JSON record: the line does not parse as JSON"
    }
    guard record.html != nil || record.text != nil || record.content != nil else {
      return "no \"html\" or \"text\" string in the record"
    }
    return nil
  }
}
