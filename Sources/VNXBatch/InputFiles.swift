import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The input files named on a command line: files, folders (walked recursively, in sorted
/// order) and glob patterns ("corpus/**/*.html" is not special; "corpus/*/*.html" is).
///
/// Inside folders only page-like files are taken: `.txt`, `.html`, `.htm`, `.xhtml`,
/// `.jsonl`, `.ndjson` and files without an extension; hidden files and folders are skipped,
/// and so are named pipes and devices (they would block the reader).
/// A `.json` file beside pages holds one JSON value (gold annotations, expected output,
/// settings), not JSON Lines of records, so it is left out. A file named explicitly is always
/// taken.
public struct InputFiles: Sendable {
  public struct File: Sendable, Hashable {
    public var path: String
    public var size: Int
  }

  public private(set) var files: [File] = []

  public var totalBytes: Int { files.reduce(0) { $0 + $1.size } }

  static let pageExtensions: Set<String> = ["txt", "html", "htm", "xhtml", "jsonl", "ndjson", ""]

  /// Expands `arguments`; an argument that names nothing is an error.
  public init(_ arguments: [String]) throws(BatchError) {
    var seen = Set<String>()
    for argument in arguments {
      var matched = false
      for path in Self.expand(argument) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
        matched = true
        if isFolder.boolValue {
          for file in Self.walk(path) where seen.insert(file.path).inserted { files.append(file) }
        } else if seen.insert(path).inserted {
          files.append(File(path: path, size: Self.size(of: path)))
        }
      }
      if !matched { throw .noSuchInput(argument) }
    }
  }

  static func size(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }

  /// Whether a file found inside a folder is an input.
  static func isPage(_ name: String) -> Bool {
    if name.hasPrefix(".") { return false }
    let ext = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]) : ""
    return pageExtensions.contains(ext.lowercased())
  }

  /// Every page file under `folder`, sorted by path so that runs are reproducible.
  static func walk(_ folder: String) -> [File] {
    var found: [File] = []
    var pending = [folder]
    while let current = pending.popLast() {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
      for name in names where !name.hasPrefix(".") {
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
        if isFolder.boolValue {
          pending.append(path)
        } else if isPage(name), isRegularFile(path) {
          found.append(File(path: path, size: size(of: path)))
        }
      }
    }
    return found.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// Whether `path` (after symbolic links) is a regular file: a named pipe or a device found in
  /// a folder would block the reader or never end.
  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  /// The paths a glob pattern matches (the pattern itself when it has no wildcard).
  static func expand(_ pattern: String) -> [String] {
    guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    var paths: [String] = []
    for index in 0..<Int(result.gl_pathc) {
      if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
    }
    return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
