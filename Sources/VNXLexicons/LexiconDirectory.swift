import Foundation

/// Finds the `lexicons/` folder from any working directory.
///
/// Order: the `VNX_LEXICONS` environment variable; `lexicons/` beside the executable or one
/// of its parents (an installed copy); the package's own `lexicons/` folder, located from
/// this source file at build time.
public enum LexiconDirectory {
  public static let url: URL = {
    let fileManager = FileManager.default
    if let path = ProcessInfo.processInfo.environment["VNX_LEXICONS"], !path.isEmpty {
      return URL(fileURLWithPath: path, isDirectory: true)
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
      .resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = directory.appendingPathComponent("lexicons", isDirectory: true)
      if fileManager.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
        return candidate
      }
      directory.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lexicons", isDirectory: true)
  }()

  /// The URL of a file inside `lexicons/`, e.g. `file("units.tsv")`.
  public static func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// The lines of a lexicon file, without comments (`#`) and blank lines.
  public static func lines(_ name: String) throws -> [Substring] {
    let text = try String(contentsOf: file(name), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
      let trimmed = line.drop(while: { $0 == " " })
      return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
    }
  }
}
