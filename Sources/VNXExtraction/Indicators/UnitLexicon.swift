import VNXLexicons

/// The words around a number that make it a quantity, loaded once from `lexicons/units/`:
/// units with their kinds, counted nouns, scale words, qualifiers, trend words, and the words
/// that make a number a name, a date or a duration instead.
///
/// Phrases are keyed by their lowercase syllables joined with single spaces; lookups try the
/// longest phrase first (at most `longestPhrase` syllables).
///
/// A class: a reading holds one reference to the tables, not a copy of them in its own value
/// (a large value is copied to the stack at every call of one of its methods).
final class UnitLexicon: Sendable {
  struct Unit: Sendable, Hashable {
    var name: String
    var kind: QuantityKind
  }

  enum TrendWord: String, Sendable { case increase, decrease, level }

  let units: [String: Unit]
  let scales: [String: Double]
  let qualifiers: [String: Indicator.Qualifier]
  let trends: [String: TrendWord]
  let nonQuantityNouns: Set<String>
  let identifierNouns: Set<String>
  let vagueWords: Set<String>
  /// Words before a lone "năm" that make it "year": "cuối năm", "mỗi năm".
  let periodWords: Set<String>
  /// Nouns after "một" that keep it the article "a": "một người dân", "một số", "một phần".
  let articleNouns: Set<String>
  let longestPhrase: Int

  /// The tables above keyed by `QuantityPieces.phraseHash`, so that reading a text compares
  /// 64-bit hashes of its pieces and builds no string.
  let unitsByHash: HashKeyTable<Unit>
  let scalesByHash: HashKeyTable<Double>
  let qualifiersByHash: HashKeyTable<Indicator.Qualifier>
  let trendsByHash: HashKeyTable<TrendWord>
  let nonQuantityHashes: HashKeySet
  let identifierHashes: HashKeySet
  let vagueHashes: HashKeySet
  let periodHashes: HashKeySet
  let articleHashes: HashKeySet
  /// Hashes of the last words of the qualifier, trend, and identifier or vague phrases: a
  /// word before a number that ends none of them starts no look-up of longer phrases.
  let qualifierEnds: HashKeySet
  let trendEnds: HashKeySet
  let identifierEnds: HashKeySet
  /// Hashes of the first words of the units and non-quantity nouns.
  let unitStarts: HashKeySet

  static let shared = UnitLexicon()

  init() {
    var units: [String: Unit] = [:]
    var scales: [String: Double] = [:]
    var qualifiers: [String: Indicator.Qualifier] = [:]
    var trends: [String: TrendWord] = [:]
    var longestPhrase = 1
    func lines(_ name: String) -> [[Substring]] {
      let lines = (try? LexiconDirectory.lines("units/" + name)) ?? []
      return lines.map { line in
        LexiconDirectory.fields(line).map {
          $0.drop(while: { $0 == " " })
        }
      }
    }
    func key(_ text: Substring) -> String {
      text.lowercased().split(separator: " ").joined(separator: " ")
    }
    func note(_ phrase: String) {
      longestPhrase = max(longestPhrase, phrase.split(separator: " ").count)
    }
    for columns in lines("count-nouns.txt") {
      let phrase = key(columns[0])
      units[phrase] = Unit(name: phrase, kind: .count)
      note(phrase)
    }
    // Units of measure override counted nouns written the same way.
    for columns in lines("units.tsv") where columns.count >= 3 {
      let phrase = key(columns[0])
      units[phrase] = Unit(
        name: String(columns[1]), kind: QuantityKind(rawValue: String(columns[2])) ?? .other)
      note(phrase)
    }
    for columns in lines("scales.tsv") where columns.count >= 2 {
      scales[key(columns[0])] = Double(columns[1])
    }
    for columns in lines("qualifiers.tsv") where columns.count >= 2 {
      let phrase = key(columns[0])
      qualifiers[phrase] = Indicator.Qualifier(rawValue: String(columns[1]))
      note(phrase)
    }
    for columns in lines("trends.tsv") where columns.count >= 2 {
      let phrase = key(columns[0])
      trends[phrase] = TrendWord(rawValue: String(columns[1]))
      note(phrase)
    }
    let nonQuantityNouns = Set(lines("non-quantity-nouns.txt").map { key($0[0]) })
    let identifierNouns = Set(lines("identifier-nouns.txt").map { key($0[0]) })
    let vagueWords = Set(lines("vague-words.txt").map { key($0[0]) })
    let periodWords = Set(lines("period-words.txt").map { key($0[0]) })
    let articleNouns = Set(lines("article-nouns.txt").map { key($0[0]) })
    for phrase in nonQuantityNouns.union(identifierNouns).union(vagueWords) { note(phrase) }
    func hashed<Value>(_ table: [String: Value]) -> HashKeyTable<Value> {
      HashKeyTable(table.map { (QuantityPieces.phraseHash($0.key), $0.value) })
    }
    func hashed(_ set: Set<String>) -> HashKeySet { HashKeySet(set.map(QuantityPieces.phraseHash)) }
    unitsByHash = hashed(units)
    scalesByHash = hashed(scales)
    qualifiersByHash = hashed(qualifiers)
    trendsByHash = hashed(trends)
    nonQuantityHashes = hashed(nonQuantityNouns)
    identifierHashes = hashed(identifierNouns)
    vagueHashes = hashed(vagueWords)
    periodHashes = hashed(periodWords)
    articleHashes = hashed(articleNouns)
    func ends<S: Sequence>(_ phrases: S) -> HashKeySet where S.Element == String {
      HashKeySet(phrases.map { QuantityPieces.hash(String($0.split(separator: " ").last ?? "")) })
    }
    qualifierEnds = ends(qualifiers.keys)
    trendEnds = ends(trends.keys)
    identifierEnds = ends(identifierNouns.union(vagueWords))
    func starts<S: Sequence>(_ phrases: S) -> [UInt64] where S.Element == String {
      phrases.map { QuantityPieces.hash(String($0.split(separator: " ").first ?? "")) }
    }
    unitStarts = HashKeySet(starts(units.keys) + starts(nonQuantityNouns))
    self.units = units
    self.scales = scales
    self.qualifiers = qualifiers
    self.trends = trends
    self.nonQuantityNouns = nonQuantityNouns
    self.identifierNouns = identifierNouns
    self.vagueWords = vagueWords
    self.periodWords = periodWords
    self.articleNouns = articleNouns
    self.longestPhrase = longestPhrase
  }
}
