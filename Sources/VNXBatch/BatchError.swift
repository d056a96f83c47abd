/// What stops a batch before or while it runs (a broken input never does: it goes to
/// `errors.jsonl`).
public enum BatchError: Error, Sendable, CustomStringConvertible {
  /// A command-line input that names no file, folder or glob match.
  case noSuchInput(String)
  /// The output folder cannot be used as it is.
  case output(path: String, problem: String)
  /// Writing an output failed (disk full, permissions).
  case write(path: String, problem: String)
  case database(String)

  public var description: String {
    switch self {
    case .noSuchInput(let input): "\(input): no such file, folder or glob match"
    case .output(let path, let problem): "\(path): \(problem)"
    case .write(let path, let problem): "cannot write \(path): \(problem)"
    case .database(let problem): "SQLite: \(problem)"
    }
  }
}
