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

  /// The lines of a lexicon file, without comments (`#`) and blank lines; leading spaces and a
  /// final CR dropped. Cut at the bytes: splitting by `Character` was a fifth of a process's
  /// start-up.
  public static func lines(_ name: String) throws -> [Substring] {
    var text = try String(contentsOf: file(name), encoding: .utf8)
    var bounds: [(start: Int, end: Int)] = []
    text.withUTF8 { bytes in
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var first = start
        while first < end, bytes[first] == 0x20 { first += 1 }
        var last = end
        if last > first, bytes[last - 1] == 0x0D { last -= 1 }
        if first < last, bytes[first] != UInt8(ascii: "#") { bounds.append((first, last)) }
        start = end + 1
      }
    }
    // `withUTF8` left the string native: offsetting a UTF-8 index is constant time.
    let utf8 = text.utf8
    return bounds.map { bound in
      let start = utf8.index(utf8.startIndex, offsetBy: bound.start)
      return text[start..<utf8.index(start, offsetBy: bound.end - bound.start)]
    }
  }

  /// The TAB-separated fields of a lexicon line, empty ones included, cut at the bytes
  /// (a TAB is a grapheme of its own, so this equals splitting by `Character`):
  ///
  ///     LexiconDirectory.fields("xã\t\tBản Hon")   // ["xã", "", "Bản Hon"]
  public static func fields(_ line: Substring) -> [Substring] {
    var fields: [Substring] = []
    fields.reserveCapacity(5)
    var start = line.startIndex
    let utf8 = line.utf8
    var index = start
    while index < utf8.endIndex {
      if utf8[index] == 0x09 {
        fields.append(line[start..<index])
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    fields.append(line[start...])
    return fields
  }
}
