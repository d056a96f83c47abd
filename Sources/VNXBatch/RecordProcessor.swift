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

  /// Processes a record whose hash is known.
  public func process(_ record: InputRecord, hash: ContentHash) -> Outcome {
    func failure(_ message: String) -> Outcome {
      .failure(Failure(path: record.path, sha256: hash.description, error: message), hash)
    }
    if let problem = record.problem ?? (record.unchecked ? RecordSplitter.recordProblem(record.bytes) : nil) {
      return failure(problem)
    }
    guard record.bytes.contains(where: { $0 > 0x20 }) else { return failure("empty input") }
    do {
      var document = try pipeline.process(record.bytes, path: record.path, sha256: hash.description)
      document.source.path = record.path
      document.source.sha256 = hash.description
      return .document(document, hash)
    } catch {
      return failure(error.description)
    }
  }
}
