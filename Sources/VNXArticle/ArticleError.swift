import VNXText

/// Why an input gave no article at all.
public enum ArticleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The input holds no bytes, or only whitespace.
  case empty
  /// The bytes are not text (PDF, image, archive…) or not in the forced encoding.
  case notText(DecodingError)
  /// `--format jsonl` on input that holds no JSON record.
  case noRecords

  public var description: String {
    switch self {
    case .empty: "empty input"
    case .notText(let error): error.description
    case .noRecords: "no JSON Lines record with \"html\" or \"text\""
    }
  }
}
