import Foundation

/// One gold sample (SAMPLES.md): an article file (.txt or .html, any encoding) and the
/// `NAME.gold.json` beside it, named after the article with its extension replaced.
public struct Sample: Sendable, Hashable {
  /// The article file, as found from the folder given (relative when the folder was).
  public var article: String
  public var gold: String

  public init(article: String, gold: String) {
    self.article = article
    self.gold = gold
  }

  /// The article extensions a sample may have.
  public static let articleExtensions: Set<String> = ["txt", "html", "htm"]

  /// The samples in `paths`: folders are searched recursively; an article file given directly
  /// counts when its gold file exists. Sorted by path; an article without gold is skipped.
  public static func find(in paths: [String]) throws(EvaluationError) -> [Sample] {
    var samples: [Sample] = []
    var seen: Set<String> = []
    let files = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard files.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw .notFound(path)
      }
      let candidates: [String]
      if isFolder.boolValue {
        guard let walker = files.enumerator(atPath: path) else { throw .notFound(path) }
        let base = path.hasSuffix("/") ? path : path + "/"
        candidates = walker.compactMap { $0 as? String }.sorted().map { base + $0 }
      } else {
        candidates = [path]
      }
      for candidate in candidates {
        guard let gold = goldPath(for: candidate), files.fileExists(atPath: gold) else {
          continue
        }
        let key = URL(fileURLWithPath: candidate).standardizedFileURL.path
        if seen.insert(key).inserted { samples.append(Sample(article: candidate, gold: gold)) }
      }
    }
    return samples
  }

  /// `NAME.gold.json` for an article `NAME.txt`/`NAME.html`; nil for other files.
  static func goldPath(for article: String) -> String? {
    let url = URL(fileURLWithPath: article)
    guard articleExtensions.contains(url.pathExtension.lowercased()) else { return nil }
    let name = url.deletingPathExtension().lastPathComponent
    guard !name.isEmpty, !name.hasPrefix(".") else { return nil }
    let folder = (article as NSString).deletingLastPathComponent
    let file = name + ".gold.json"
    return folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
  }
}
