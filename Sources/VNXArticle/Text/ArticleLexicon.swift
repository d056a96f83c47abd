import VNXLexicons

/// The word lists the article stage reads: Vietnamese stop words, boilerplate phrases,
/// author labels, newsroom signatures, office words and date-line words, from
/// `lexicons/article/`. Loaded once.
///
/// A class: the line rules take it as an argument for every line of every page, and a struct
/// of a dozen arrays and sets was retained and released field by field at each call.
final class ArticleLexicon: Sendable {
  enum Placement: String, Sendable { case line, prefix, within }

  struct Phrase: Sendable {
    var text: String
    var bytes: [UInt8]
    var words: Int
    var placement: Placement
    var category: String
  }

  let stopWords: ByteStringSet
  let phrases: [Phrase]
  /// Phrases placed at the start of a line (`line`, `prefix`), and anywhere (`within`).
  let startPhrases: PhraseTrie
  let withinPhrases: PhraseTrie
  let authorLabels: [String]
  let authorLabelBytes: [[UInt8]]
  let dateWords: ByteStringSet
  /// Newsroom signatures in capitals ("PV", "BBT").
  let signatures: Set<String>
  /// First words of offices named after a byline ("ban", "báo", "phòng").
  let affiliationWords: Set<String>
  /// `affiliationWords` asked about with bytes.
  let affiliationWordBytes: ByteStringSet

  static let shared = ArticleLexicon()

  init() {
    func lines(_ name: String) -> [Substring] {
      (try? LexiconDirectory.lines("article/" + name)) ?? []
    }
    stopWords = ByteStringSet(lines("stopwords.txt").map { String($0.trimmingSpaces) })
    phrases = lines("boilerplate.tsv").compactMap { line in
      let columns = line.split(separator: "\t")
      guard columns.count >= 3, let placement = Placement(rawValue: String(columns[1])) else {
        return nil
      }
      let text = String(columns[0])
      return Phrase(
        text: text, bytes: Array(text.utf8), words: text.split(separator: " ").count, placement: placement,
        category: String(columns[2]))
    }
    startPhrases = PhraseTrie(phrases.map { $0.placement == .within ? [] : $0.bytes })
    withinPhrases = PhraseTrie(phrases.map { $0.placement == .within ? $0.bytes : [] })
    authorLabels = lines("author-labels.txt").map { String($0.trimmingSpaces) }
      .sorted { $0.count > $1.count }
    authorLabelBytes = authorLabels.map { Array($0.utf8) }
    dateWords = ByteStringSet(lines("date-words.txt").map { String($0.trimmingSpaces) })
    signatures = Set(lines("signatures.txt").map { String($0.trimmingSpaces).uppercased() })
    affiliationWords = Set(lines("affiliation-words.txt").map { String($0.trimmingSpaces) })
    affiliationWordBytes = ByteStringSet(affiliationWords)
  }
}

extension Substring {
  var trimmingSpaces: Substring {
    var result = self
    while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
    while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
    return result
  }
}
