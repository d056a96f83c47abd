import VNXExtraction

/// One processed input: the `vnx.document/1` JSON object that `vnx extract` prints.
public struct Document: Codable, Sendable, Hashable {
  public static let schemaName = "vnx.document/1"

  /// Where the document came from.
  public struct Source: Codable, Sendable, Hashable {
    public var path: String?
    public var sha256: String
    public var bytes: Int
    public var encoding: String
    /// The input form: "text", "html" or "jsonl".
    public var format: String
    public init(path: String?, sha256: String, bytes: Int, encoding: String, format: String) {
      self.path = path
      self.sha256 = sha256
      self.bytes = bytes
      self.encoding = encoding
      self.format = format
    }
  }

  /// Article metadata; keys follow the gold format (`title`, `published`, `author`).
  public struct Meta: Codable, Sendable, Hashable {
    public var title: String?
    /// ISO 8601, with +07:00 when a time is given: "2019-01-27T17:44:00+07:00".
    public var published: String?
    public var author: String?
    public var url: String?
    public var views: Int?
    public var comments: Int?
    public init(
      title: String? = nil, published: String? = nil, author: String? = nil, url: String? = nil,
      views: Int? = nil, comments: Int? = nil
    ) {
      self.title = title
      self.published = published
      self.author = author
      self.url = url
      self.views = views
      self.comments = comments
    }
  }

  public var schema: String = Document.schemaName
  public var source: Source
  public var meta: Meta
  public var entities: [Entity]
  public var indicators: [Indicator]
  public var warnings: [String]
  /// The normalized article text all offsets refer to (only with `--text`).
  public var text: String?
  /// Sentence spans `[start, end]` in Unicode scalars (only with `--text`).
  public var sentences: [[Int]]?

  public init(
    source: Source, meta: Meta, entities: [Entity] = [], indicators: [Indicator] = [],
    warnings: [String] = [], text: String? = nil, sentences: [[Int]]? = nil
  ) {
    self.source = source
    self.meta = meta
    self.entities = entities
    self.indicators = indicators
    self.warnings = warnings
    self.text = text
    self.sentences = sentences
  }
}
