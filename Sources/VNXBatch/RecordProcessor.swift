import VNX

/// Runs the pipeline on one record and names the result by its content hash.
public struct RecordProcessor: Sendable {
  /// A record that gave no document: its path, its hash when it was read, and why.
  public struct Failure: Error, Sendable, Hashable, Codable {
    public var path: String?
    public var sha256: String?
    public var error: String
  }

  public enum Outcome: Sendable {
    case document(Document, ContentHash)
    case failure(Failure, ContentHash?)
  }

  public var pipeline: Pipeline

  public init(pipeline: Pipeline) { self.pipeline = pipeline }

  /// An input that could not be read (no permission, gone, too large) has no content hash; its
  /// failure is keyed by `ContentHash.unreadable(path:problem:)` so that the batch ledger
  /// records it as done (see `BatchRunner`).
  public func process(_ record: InputRecord) -> Outcome {
    if let problem = record.problem, record.bytes.isEmpty {
      return .failure(
        Failure(path: record.path, sha256: nil, error: problem),
        ContentHash.unreadable(path: record.path, problem: problem))
    }
    return process(record, hash: ContentHash(of: record.bytes))
  }

  /// Whether the pipeline reads `bytes` as the one JSON Lines record `RecordSplitter` would
  /// check: an object, detected as JSON Lines, valid UTF-8 (the pipeline would repair invalid
  /// bytes where the check refuses them), not too large. Such a line that is not a record
  /// (broken JSON, no "html" or "text") gives a document with no title, entity or indicator.
  static func looksLikeRecord(_ bytes: [UInt8]) -> Bool {
    guard bytes.count <= RecordSplitter.maximumBytes,
      bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{"),
      InputFormat.detect(in: bytes) == .jsonl
    else { return false }
    return (try? UTF8Span(validating: bytes.span)) != nil
  }

  /// Processes a record whose hash is known.
  public func process(_ record: InputRecord, hash: ContentHash) -> Outcome {
    func failure(_ message: String) -> Outcome {
      .failure(Failure(path: record.path, sha256: hash.description, error: message), hash)
    }
    if let problem = record.problem { return failure(problem) }
    // An unchecked record that looks like one goes straight to the pipeline, which parses it;
    // it is checked (parsed a second time) only when the document comes out empty, as the
    // document of a line that is not a record does (see `looksLikeRecord`).
    let checkedFirst = record.unchecked && !Self.looksLikeRecord(record.bytes)
    if checkedFirst, let problem = RecordSplitter.recordProblem(record.bytes) { return failure(problem) }
    guard record.bytes.contains(where: { $0 > 0x20 }) else { return failure("empty input") }
    do {
      var document = try pipeline.process(record.bytes, path: record.path, sha256: hash.description)
      if record.unchecked, !checkedFirst, document.meta.title == nil, document.entities.isEmpty,
        document.indicators.isEmpty, let problem = RecordSplitter.recordProblem(record.bytes)
      {
        return failure(problem)
      }
      document.source.path = record.path
      document.source.sha256 = hash.description
      return .document(document, hash)
    } catch {
      return failure(error.description)
    }
  }
}
