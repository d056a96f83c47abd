/// Why an evaluation could not run, with the file to look at.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A path given on the command line does not exist.
  case notFound(String)
  /// The folders hold no article with a gold file beside it.
  case noSamples([String])
  /// A file could not be read.
  case unreadable(String)
  /// A report file could not be written.
  case unwritable(String)
  /// A gold file is not valid gold JSON.
  case invalidGold(path: String, reason: String)
  /// A line of a predictions file is not a JSON object with the document fields.
  case invalidPrediction(path: String, line: Int, reason: String)
  /// A report given to compare with is not a report of `vnx eval --json`.
  case invalidReport(path: String, reason: String)
  /// A `--min-f1` gate is not `NAME=NUMBER`.
  case invalidGate(String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file or folder"
    case .noSamples(let paths):
      "no samples in \(paths.joined(separator: ", ")) (an article .txt/.html with NAME.gold.json beside it)"
    case .unreadable(let path): "\(path): cannot read file"
    case .unwritable(let path): "\(path): cannot write file"
    case .invalidGold(let path, let reason): "\(path): not a gold file: \(reason)"
    case .invalidPrediction(let path, let line, let reason):
      "\(path):\(line): not a document: \(reason)"
    case .invalidReport(let path, let reason): "\(path): not an evaluation report: \(reason)"
    case .invalidGate(let gate):
      "invalid gate '\(gate)': expected NAME=NUMBER (entities, indicators, or an entity type)"
    }
  }
}
