import Foundation

/// How one article's predictions compare with its gold (SAMPLES.md, Scoring).
public struct ArticleScore: Sendable, Hashable, Codable {
  /// A gold entity found by a prediction of the same type and key.
  public struct EntityMatch: Sendable, Hashable, Codable {
    public var type: String
    public var gold: String
    public var predicted: String
  }

  /// One entity of a set: its type, its text as first written, its key.
  public struct EntityEntry: Sendable, Hashable, Codable {
    public var type: String
    public var text: String
  }

  public struct EntityOutcome: Sendable, Hashable, Codable {
    public var tp: [EntityMatch] = []
    public var fp: [EntityEntry] = []
    public var fn: [EntityEntry] = []
  }

  /// A gold indicator paired with a prediction of equal value and unit, and how the
  /// attributes that gold gives compare (`"qualifier": false` is a wrong qualifier).
  public struct IndicatorMatch: Sendable, Hashable, Codable {
    public var gold: Annotations.IndicatorItem
    public var predicted: Annotations.IndicatorItem
    public var attributes: [String: Bool]
  }

  public struct IndicatorOutcome: Sendable, Hashable, Codable {
    public var tp: [IndicatorMatch] = []
    public var fp: [Annotations.IndicatorItem] = []
    public var fn: [Annotations.IndicatorItem] = []
  }

  /// One meta key that gold gives.
  public struct MetaCheck: Sendable, Hashable, Codable {
    public var gold: String
    public var predicted: String?
    public var match: Bool
  }

  /// The article file.
  public var path: String
  public var entities: EntityOutcome
  public var indicators: IndicatorOutcome
  public var meta: [String: MetaCheck]
  /// Warnings of the run (decoding problems, a missing prediction).
  public var warnings: [String]?

  /// The indicator attributes checked on matched pairs, in report order.
  public static let attributeNames = ["qualifier", "trend", "total", "value_max", "about"]

  /// Scores `predicted` against `gold`.
  ///
  /// Entities: the set of `(type, key(text))` each side. Indicators: a maximum matching of the
  /// two multisets where values agree within 1e-6 relative and units by the prefix rule;
  /// among equal candidates a prediction with the gold's text, then the one agreeing on more
  /// attributes, then the gold's exact unit, then the earlier one is preferred, and pairs swap
  /// partners when that fixes attributes. Meta: each key gold gives; `published` matches when
  /// the prediction starts with gold's value (to the minute).
  public init(path: String, gold: Annotations, predicted: Annotations, warnings: [String] = []) {
    self.path = path
    entities = Self.scoreEntities(gold: gold.entities, predicted: predicted.entities)
    indicators = Self.scoreIndicators(gold: gold.indicators, predicted: predicted.indicators)
    var meta: [String: MetaCheck] = [:]
    for (key, goldValue) in gold.meta {
      let predictedValue = predicted.meta[key]
      meta[key] = MetaCheck(
        gold: goldValue, predicted: predictedValue,
        match: predictedValue.map { Self.metaMatches(key: key, gold: goldValue, predicted: $0) }
          ?? false)
    }
    self.meta = meta
    self.warnings = warnings.isEmpty ? nil : warnings
  }

  static func metaMatches(key: String, gold: String, predicted: String) -> Bool {
    if key == "published" {
      let gold = gold.trimmingSpaces
      let predicted = predicted.trimmingSpaces
      // "to the minute": seconds and zone written in gold are not required.
      let minute =
        gold.count > 16 && gold.dropFirst(10).first == "T" ? String(gold.prefix(16)) : gold
      return !minute.isEmpty && predicted.hasPrefix(minute)
    }
    return TextKey(gold) == TextKey(predicted)
  }

  static func scoreEntities(
    gold: [Annotations.EntityItem], predicted: [Annotations.EntityItem]
  ) -> EntityOutcome {
    struct Key: Hashable {
      var type: String
      var text: TextKey
    }
    var goldKeys: [Key] = []
    var goldText: [Key: String] = [:]
    for entity in gold {
      let key = Key(type: entity.type, text: TextKey(entity.text))
      if goldText[key] == nil {
        goldText[key] = entity.text
        goldKeys.append(key)
      }
    }
    var predictedKeys: [Key] = []
    var predictedText: [Key: String] = [:]
    for entity in predicted {
      let key = Key(type: entity.type, text: TextKey(entity.text))
      if predictedText[key] == nil {
        predictedText[key] = entity.text
        predictedKeys.append(key)
      }
    }
    var outcome = EntityOutcome()
    for key in goldKeys {
      if let found = predictedText[key] {
        outcome.tp.append(EntityMatch(type: key.type, gold: goldText[key]!, predicted: found))
      } else {
        outcome.fn.append(EntityEntry(type: key.type, text: goldText[key]!))
      }
    }
    for key in predictedKeys where goldText[key] == nil {
      outcome.fp.append(EntityEntry(type: key.type, text: predictedText[key]!))
    }
    return outcome
  }

  static func scoreIndicators(
    gold: [Annotations.IndicatorItem], predicted: [Annotations.IndicatorItem]
  ) -> IndicatorOutcome {
    let goldUnits = gold.map { TextKey($0.unit) }
    let predictedUnits = predicted.map { TextKey($0.unit) }
    let goldTexts = gold.map { TextKey($0.text ?? "") }
    let predictedTexts = predicted.map { TextKey($0.text ?? "") }
    // Candidates of each gold item, best first.
    let candidates: [[Int]] = gold.indices.map { g in
      let found = predicted.indices.filter { p in
        IndicatorMatching.valuesMatch(gold[g].value, predicted[p].value)
          && IndicatorMatching.unitsMatch(goldUnits[g], predictedUnits[p])
      }
      func rank(_ p: Int) -> (Int, Int, Int, Int) {
        let wrong = attributeChecks(gold: gold[g], predicted: predicted[p]).values.filter { !$0 }
        return (
          !goldTexts[g].isEmpty && goldTexts[g] == predictedTexts[p] ? 0 : 1, wrong.count,
          goldUnits[g] == predictedUnits[p] ? 0 : 1, p
        )
      }
      return found.map { ($0, rank($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
    }
    // Maximum bipartite matching (augmenting paths); items are few per article.
    var owner = [Int?](repeating: nil, count: predicted.count)
    func augment(_ g: Int, _ visited: inout [Bool]) -> Bool {
      for p in candidates[g] where !visited[p] {
        visited[p] = true
        if owner[p] == nil || augment(owner[p]!, &visited) {
          owner[p] = g
          return true
        }
      }
      return false
    }
    // Best free candidate first; augmenting paths only for the items left without one.
    for g in gold.indices {
      if let p = candidates[g].first(where: { owner[$0] == nil }) { owner[p] = g }
    }
    var partner = [Int?](repeating: nil, count: gold.count)
    for (p, g) in owner.enumerated() { if let g { partner[g] = p } }
    for g in gold.indices where partner[g] == nil && !candidates[g].isEmpty {
      var visited = [Bool](repeating: false, count: predicted.count)
      if augment(g, &visited) {
        for (p, owner) in owner.enumerated() { if let owner { partner[owner] = p } }
      }
    }
    // Swap partners between pairs when both stay valid and fewer attributes disagree.
    func wrong(_ g: Int, _ p: Int) -> Int {
      attributeChecks(gold: gold[g], predicted: predicted[p]).values.filter { !$0 }.count
    }
    let matched = gold.indices.filter { partner[$0] != nil }
    for (index, first) in matched.enumerated() {
      for second in matched[(index + 1)...] {
        let (p1, p2) = (partner[first]!, partner[second]!)
        guard candidates[first].contains(p2), candidates[second].contains(p1),
          wrong(first, p2) + wrong(second, p1) < wrong(first, p1) + wrong(second, p2)
        else { continue }
        partner[first] = p2
        partner[second] = p1
        owner[p1] = second
        owner[p2] = first
      }
    }

    var outcome = IndicatorOutcome()
    for g in gold.indices {
      guard let p = partner[g] else {
        outcome.fn.append(gold[g])
        continue
      }
      outcome.tp.append(
        IndicatorMatch(
          gold: gold[g], predicted: predicted[p],
          attributes: attributeChecks(gold: gold[g], predicted: predicted[p])))
    }
    for p in predicted.indices where owner[p] == nil { outcome.fp.append(predicted[p]) }
    return outcome
  }

  /// The attributes gold gives, each true when the prediction agrees.
  static func attributeChecks(
    gold: Annotations.IndicatorItem, predicted: Annotations.IndicatorItem
  ) -> [String: Bool] {
    var checks: [String: Bool] = [:]
    if let qualifier = gold.qualifier { checks["qualifier"] = predicted.qualifier == qualifier }
    if let trend = gold.trend { checks["trend"] = predicted.trend == trend }
    if let total = gold.total {
      checks["total"] = predicted.total.map { IndicatorMatching.valuesMatch(total, $0) } ?? false
    }
    if let valueMax = gold.valueMax {
      checks["value_max"] =
        predicted.valueMax.map { IndicatorMatching.valuesMatch(valueMax, $0) } ?? false
    }
    if let about = gold.about {
      checks["about"] = predicted.about.map { TextKey(about).overlaps(TextKey($0)) } ?? false
    }
    return checks
  }
}

extension String {
  var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
