/// One news article taken out of a scraped page: its metadata and its clean text.
///
/// The text parts (title, lead, paragraphs, captions) are normalized (NFC, one tone style).
/// Everything else on the page — date and counter lines, author lines, menus, related-article
/// lists, rating widgets, footers — is dropped, and kept in `boilerplate` only when asked for.
///
///     let article = try ArticleReader().read(bytes).first!
///     article.title       // "Đảng bộ xã Bản Hon, huyện Tam Đường nâng cao chất lượng…"
///     article.published   // "2019-01-27T17:44:00+07:00"
public struct Article: Sendable, Codable, Hashable {
  public var title: String?
  /// ISO 8601: "2019-01-27T17:44:00+07:00" when the page gives a time, "2020-05-12" otherwise.
  public var published: String?
  public var author: String?
  /// View and comment counters when the page shows them.
  public var views: Int?
  public var comments: Int?
  /// Where the page came from (JSON Lines records, canonical links, `og:url`).
  public var url: String?
  /// The summary paragraph that opens the article (sapo), when there is one.
  public var lead: String?
  public var paragraphs: [String]
  /// Photo captions, each once even when the page repeats it.
  public var captions: [String]
  /// The lines that were dropped, with why (only with `ArticleReader.Options.keepsBoilerplate`).
  public var boilerplate: [DroppedLine]?
  /// The input form the article was read from.
  public var format: InputFormat
  /// What went wrong without stopping the reading (truncated input, no article found…).
  public var warnings: [String]

  public init(
    title: String? = nil, published: String? = nil, author: String? = nil, views: Int? = nil,
    comments: Int? = nil, url: String? = nil, lead: String? = nil, paragraphs: [String] = [],
    captions: [String] = [], boilerplate: [DroppedLine]? = nil, format: InputFormat = .text,
    warnings: [String] = []
  ) {
    self.title = title
    self.published = published
    self.author = author
    self.views = views
    self.comments = comments
    self.url = url
    self.lead = lead
    self.paragraphs = paragraphs
    self.captions = captions
    self.boilerplate = boilerplate
    self.format = format
    self.warnings = warnings
  }

  /// True when nothing of an article was found.
  public var isEmpty: Bool { title == nil && lead == nil && paragraphs.isEmpty }
}

/// A line of the page that is not part of the article, and why it was dropped.
public struct DroppedLine: Sendable, Codable, Hashable {
  public var text: String
  /// "date", "author", "counter", "rating", "related", "footer", "navigation", "session"…
  public var reason: String

  public init(text: String, reason: String) {
    self.text = text
    self.reason = reason
  }
}
