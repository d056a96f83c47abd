import VNX

/// What one article holds, by the gold format's field names: read from a gold file, from a
/// `vnx.document/1` object, or from any system's output that writes the same fields.
///
/// Only the fields that scoring and reports use are kept; unknown fields are ignored, so a
/// gold file and a document decode alike.
public struct Annotations: Sendable, Hashable, Codable {
  /// An entity: type and text; `start`/`end` (Unicode scalars) when the producer gives them.
  public struct EntityItem: Sendable, Hashable, Codable {
    /// A type of SAMPLES.md ("person", "commune"…) or any other string a producer writes.
    public var type: String
    public var text: String
    public var start: Int?
    public var end: Int?

    public init(type: String, text: String, start: Int? = nil, end: Int? = nil) {
      self.type = type
      self.text = text
      self.start = start
      self.end = end
    }
  }

  /// An indicator with the attributes that scoring checks.
  public struct IndicatorItem: Sendable, Hashable, Codable {
    public var text: String?
    public var value: Double
    public var unit: String
    public var valueMax: Double?
    public var total: Double?
    public var qualifier: String?
    public var trend: String?
    public var about: String?
    public var start: Int?
    public var end: Int?

    enum CodingKeys: String, CodingKey {
      case text, value, unit
      case valueMax = "value_max"
      case total, qualifier, trend, about, start, end
    }

    public init(
      text: String? = nil, value: Double, unit: String, valueMax: Double? = nil,
      total: Double? = nil, qualifier: String? = nil, trend: String? = nil, about: String? = nil,
      start: Int? = nil, end: Int? = nil
    ) {
      self.text = text
      self.value = value
      self.unit = unit
      self.valueMax = valueMax
      self.total = total
      self.qualifier = qualifier
      self.trend = trend
      self.about = about
      self.start = start
      self.end = end
    }
  }

  /// Meta values as strings ("title", "published", "author", and any other key given).
  public var meta: [String: String]
  public var entities: [EntityItem]
  public var indicators: [IndicatorItem]
  /// The text `start`/`end` refer to, when the producer includes it (`vnx extract --text`).
  public var text: String?
  /// `source.path` of a document, or a top-level `path`/`file`.
  public var path: String?

  public init(
    meta: [String: String] = [:], entities: [EntityItem] = [], indicators: [IndicatorItem] = [],
    text: String? = nil, path: String? = nil
  ) {
    self.meta = meta
    self.entities = entities
    self.indicators = indicators
    self.text = text
    self.path = path
  }

  /// The annotations of a processed document.
  public init(document: Document) {
    let meta = document.meta
    var values: [String: String] = [:]
    values["title"] = meta.title
    values["published"] = meta.published
    values["author"] = meta.author
    values["url"] = meta.url
    values["views"] = meta.views.map(String.init)
    values["comments"] = meta.comments.map(String.init)
    self.init(
      meta: values,
      entities: document.entities.map {
        EntityItem(type: $0.type.rawValue, text: $0.text, start: $0.start, end: $0.end)
      },
      indicators: document.indicators.map {
        IndicatorItem(
          text: $0.text, value: $0.value, unit: $0.unit, valueMax: $0.valueMax, total: $0.total,
          qualifier: $0.qualifier?.rawValue, trend: $0.trend?.rawValue, about: $0.about,
          start: $0.start, end: $0.end)
      },
      text: document.text, path: document.source.path)
  }

  enum CodingKeys: String, CodingKey { case meta, entities, indicators, text, path, file, source }
  private enum SourceKeys: String, CodingKey { case path }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var meta: [String: String] = [:]
    if container.contains(.meta), try !container.decodeNil(forKey: .meta) {
      let values = try container.decode([String: MetaValue].self, forKey: .meta)
      for (key, value) in values { if let text = value.text { meta[key] = text } }
    }
    self.meta = meta
    entities = try container.decodeIfPresent([EntityItem].self, forKey: .entities) ?? []
    indicators = try container.decodeIfPresent([IndicatorItem].self, forKey: .indicators) ?? []
    text = try container.decodeIfPresent(String.self, forKey: .text)
    var path = try container.decodeIfPresent(String.self, forKey: .path)
    if path == nil, container.contains(.source), try !container.decodeNil(forKey: .source) {
      let source = try container.nestedContainer(keyedBy: SourceKeys.self, forKey: .source)
      path = try source.decodeIfPresent(String.self, forKey: .path)
    }
    if path == nil { path = try container.decodeIfPresent(String.self, forKey: .file) }
    self.path = path
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(meta, forKey: .meta)
    try container.encode(entities, forKey: .entities)
    try container.encode(indicators, forKey: .indicators)
    try container.encodeIfPresent(text, forKey: .text)
    try container.encodeIfPresent(path, forKey: .path)
  }
}

/// A meta value of any JSON scalar kind, kept as text (`"views": 489` → "489").
private struct MetaValue: Decodable {
  var text: String?

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      text = nil
    } else if let string = try? container.decode(String.self) {
      text = string
    } else if let integer = try? container.decode(Int.self) {
      text = String(integer)
    } else if let number = try? container.decode(Double.self) {
      text = String(number)
    } else if let flag = try? container.decode(Bool.self) {
      text = String(flag)
    } else {
      text = nil
    }
  }
}
