import VNX

/// Precision, recall and F1 from true positives, false positives and false negatives.
///
/// With nothing found and nothing to find all three are 1; with only one side empty they are 0.
public struct Score: Sendable, Hashable, Codable {
  public var tp: Int
  public var fp: Int
  public var fn: Int

  public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) {
    self.tp = tp
    self.fp = fp
    self.fn = fn
  }

  public var precision: Double {
    tp + fp == 0 ? (fn == 0 ? 1 : 0) : Double(tp) / Double(tp + fp)
  }
  public var recall: Double {
    tp + fn == 0 ? (fp == 0 ? 1 : 0) : Double(tp) / Double(tp + fn)
  }
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  public static func + (lhs: Score, rhs: Score) -> Score {
    Score(tp: lhs.tp + rhs.tp, fp: lhs.fp + rhs.fp, fn: lhs.fn + rhs.fn)
  }

  enum CodingKeys: String, CodingKey { case precision, recall, f1, tp, fp, fn }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    tp = try container.decode(Int.self, forKey: .tp)
    fp = try container.decode(Int.self, forKey: .fp)
    fn = try container.decode(Int.self, forKey: .fn)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(precision, forKey: .precision)
    try container.encode(recall, forKey: .recall)
    try container.encode(f1, forKey: .f1)
    try container.encode(tp, forKey: .tp)
    try container.encode(fp, forKey: .fp)
    try container.encode(fn, forKey: .fn)
  }
}

/// Right answers out of the checks made.
public struct Accuracy: Sendable, Hashable, Codable {
  public var right: Int
  public var total: Int

  public init(right: Int = 0, total: Int = 0) {
    self.right = right
    self.total = total
  }

  /// Nil when nothing was checked.
  public var value: Double? { total == 0 ? nil : Double(right) / Double(total) }

  mutating func count(_ ok: Bool) {
    total += 1
    if ok { right += 1 }
  }
}

/// The whole evaluation of a set of samples: the JSON of `vnx eval --json`.
///
///     {"documents": 11,
///      "entities": {"micro": {"precision", "recall", "f1", "tp", "fp", "fn"}, "person": {…}, …},
///      "indicators": {"precision", …, "attributes": {"qualifier": 0.9, …},
///                     "attribute_counts": {"qualifier": {"right": 9, "total": 10}, …}},
///      "meta": {"title": 1.0, …}, "meta_counts": {"title": {"right", "total"}, …},
///      "articles": [{"path", "entities": {"tp", "fp", "fn"}, "indicators": {…}, "meta": {…}}]}
public struct EvaluationReport: Sendable, Hashable, Codable {
  public struct Indicators: Sendable, Hashable, Codable {
    public var score: Score
    public var attributes: [String: Accuracy]

    enum CodingKeys: String, CodingKey {
      case precision, recall, f1, tp, fp, fn, attributes
      case attributeCounts = "attribute_counts"
    }

    public init(score: Score, attributes: [String: Accuracy]) {
      self.score = score
      self.attributes = attributes
    }

    public init(from decoder: any Decoder) throws {
      score = try Score(from: decoder)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      attributes =
        try container.decodeIfPresent([String: Accuracy].self, forKey: .attributeCounts)
        ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
      try score.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(OrderedValues(attributes.compactMapValues(\.value)), forKey: .attributes)
      try container.encode(OrderedValues(attributes), forKey: .attributeCounts)
    }
  }

  public var documents: Int
  /// "micro" and one score per entity type seen in gold or predictions.
  public var entities: [String: Score]
  public var indicators: Indicators
  /// Per meta key that gold gives: right/total.
  public var meta: [String: Accuracy]
  public var articles: [ArticleScore]

  /// The entity keys of `entities` in report order: micro, the SAMPLES.md types, others.
  public var entityTypes: [String] {
    let known = EntityType.allCases.map(\.rawValue).filter { entities[$0] != nil }
    let others = entities.keys.filter { $0 != "micro" && EntityType(rawValue: $0) == nil }.sorted()
    return known + others
  }

  public init(articles: [ArticleScore]) {
    self.articles = articles
    documents = articles.count
    var entities: [String: Score] = [:]
    var micro = Score()
    var indicatorScore = Score()
    var attributes: [String: Accuracy] = [:]
    for name in ArticleScore.attributeNames { attributes[name] = Accuracy() }
    var meta: [String: Accuracy] = [:]
    for article in articles {
      for match in article.entities.tp { entities[match.type, default: Score()].tp += 1 }
      for entry in article.entities.fp { entities[entry.type, default: Score()].fp += 1 }
      for entry in article.entities.fn { entities[entry.type, default: Score()].fn += 1 }
      micro =
        micro
        + Score(
          tp: article.entities.tp.count, fp: article.entities.fp.count,
          fn: article.entities.fn.count)
      indicatorScore =
        indicatorScore
        + Score(
          tp: article.indicators.tp.count, fp: article.indicators.fp.count,
          fn: article.indicators.fn.count)
      for match in article.indicators.tp {
        for (name, ok) in match.attributes { attributes[name, default: Accuracy()].count(ok) }
      }
      for (key, check) in article.meta { meta[key, default: Accuracy()].count(check.match) }
    }
    entities["micro"] = micro
    self.entities = entities
    indicators = Indicators(score: indicatorScore, attributes: attributes)
    self.meta = meta
  }

  enum CodingKeys: String, CodingKey {
    case documents, entities, indicators, meta
    case metaCounts = "meta_counts"
    case articles
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    documents = try container.decode(Int.self, forKey: .documents)
    entities = try container.decode([String: Score].self, forKey: .entities)
    indicators = try container.decode(Indicators.self, forKey: .indicators)
    meta = try container.decodeIfPresent([String: Accuracy].self, forKey: .metaCounts) ?? [:]
    articles = try container.decodeIfPresent([ArticleScore].self, forKey: .articles) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(documents, forKey: .documents)
    let order = ["micro"] + entityTypes
    try container.encode(OrderedValues(entities, order: order), forKey: .entities)
    try container.encode(indicators, forKey: .indicators)
    try container.encode(OrderedValues(meta.compactMapValues(\.value)), forKey: .meta)
    try container.encode(OrderedValues(meta), forKey: .metaCounts)
    try container.encode(articles, forKey: .articles)
  }

  /// Meta keys in report order: title, published, author, then the others.
  public var metaKeys: [String] {
    let known = ["title", "published", "author"].filter { meta[$0] != nil }
    return known + meta.keys.filter { !known.contains($0) }.sorted()
  }
}

/// A dictionary encoded with its keys in a given order (then the rest sorted).
struct OrderedValues<Value: Encodable>: Encodable {
  var values: [String: Value]
  var order: [String]

  init(
    _ values: [String: Value],
    order: [String] = ArticleScore.attributeNames + ["title", "published", "author"]
  ) {
    self.values = values
    self.order = order
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    let first = order.filter { values[$0] != nil }
    let rest = values.keys.filter { !first.contains($0) }.sorted()
    for key in first + rest { try container.encode(values[key]!, forKey: Key(stringValue: key)) }
  }
}
