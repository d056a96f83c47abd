@_exported import VNXArticle
@_exported import VNXExtraction
@_exported import VNXSegmentation
@_exported import VNXText

/// The whole of vnx in one place: bytes → text → article → sentences → tokens →
/// entities/indicators → `Document`.
public struct Pipeline: Sendable {
  public struct Options: Sendable {
    public var encoding: TextEncoding?
    public var toneStyle: ToneStyle = .old
    /// Keep the normalized text and sentence spans in the document.
    public var includeText = false
    /// The longest text, in UTF-8 bytes, segmented and extracted in one piece; a longer one
    /// goes window by window (`extraction(of:published:)`), so that memory stays bounded.
    public var windowBytes = 1 << 20
    public init() {}
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Processes one input; throws only when the bytes are not text at all.
  /// A JSON Lines input gives its first record (see `documents(_:path:)` for all of them).
  /// `sha256`, when the caller already hashed the bytes, saves hashing them again.
  public func process(_ bytes: [UInt8], path: String? = nil, sha256: String? = nil) throws(DecodingError)
    -> Document
  {
    try documents(bytes, path: path, sha256: sha256).first ?? empty(bytes, path: path)
  }

  /// One document per article of the input (one for a page, one per JSON Lines record):
  /// bytes → `ArticleReader` → article text → `Segmenter` → entities and indicators
  /// (a text longer than `Options.windowBytes` window by window: `extraction(of:published:)`).
  public func documents(_ bytes: [UInt8], path: String? = nil, sha256: String? = nil) throws(DecodingError)
    -> [Document]
  {
    var readerOptions = ArticleReader.Options()
    readerOptions.encoding = options.encoding
    readerOptions.toneStyle = options.toneStyle
    let reader = ArticleReader(options: readerOptions)
    var articles: [Article]
    let encoding: String
    // JSON Lines records are UTF-8 JSON: the reader decodes them once, in its own way.
    if InputFormat.detect(in: bytes) == .jsonl {
      articles = (try? reader.read(bytes)) ?? []
      encoding = (options.encoding ?? .utf8).rawValue
    } else {
      let decoded = try TextDecoder(forcedEncoding: options.encoding).decode(bytes)
      encoding = decoded.encoding.rawValue
      switch InputFormat.detect(in: decoded.text.utf8) {
      case .jsonl:
        articles = (try? reader.read(bytes)) ?? []
      case let format:
        var article = reader.read(decoded: decoded.text, format: format)
        article.warnings = decoded.warnings + article.warnings
        articles = article.isEmpty ? [] : [article]
      }
    }
    let sha256 = sha256 ?? SHA256.hex(bytes)
    return articles.map { article in
      let text = article.text.text
      let extraction = extraction(of: text, published: article.published)
      return Document(
        source: .init(
          path: path, sha256: sha256, bytes: bytes.count, encoding: encoding,
          format: article.format.rawValue),
        meta: .init(
          title: article.title, published: article.published, author: article.author,
          url: article.url, views: article.views, comments: article.comments),
        entities: extraction.entities,
        indicators: extraction.indicators,
        warnings: article.warnings,
        text: options.includeText ? text : nil,
        sentences: options.includeText ? extraction.sentences : nil
      )
    }
  }

  private func empty(_ bytes: [UInt8], path: String?) -> Document {
    Document(
      source: .init(path: path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: "", format: "text"),
      meta: .init(), warnings: ["no article in the input"])
  }

  /// Loaded once: the lexicons, gazetteers and word model behind each stage.
  static let segmenter = Segmenter()
  static let entities = EntityExtractor()
  static let indicators = IndicatorExtractor()
}
