/// One block of a page in reading order: a line of a text dump, or the text of one block
/// element of an HTML page with what its markup says about it.
struct PageBlock: Sendable, Hashable {
  enum Hint: Sendable, Hashable {
    case none
    /// The page's main heading (`<h1>`).
    case title
    /// A section heading inside the page.
    case heading
    /// A photo caption (`<figcaption>`, a caption cell of an image table).
    case caption
    /// The summary paragraph (`class="sapo"`, `"lead"`, `"summary"`…).
    case lead
    /// A byline element (`class="author"`…).
    case author
    /// A date element (`<time>`, `class="date"`…).
    case date
    /// Markup says this is not the article (navigation, footer, related list…).
    case boilerplate(String)
  }

  var text: String
  /// Characters inside links over all characters, 0 for text dumps.
  var linkDensity: Double = 0
  var hint: Hint = .none
  /// For HTML: whether the block lies inside the container chosen as the article's.
  var inContent = true
}

/// What a block is, once classified.
enum BlockKind: Sendable, Hashable {
  case prose
  case short
  case caption
  case date(DateLine)
  case counter(Int)
  case author(String)
  case boilerplate(String)

  /// Kinds that separate the article from the rest of the page.
  var isBoilerplate: Bool {
    switch self {
    case .date, .counter, .author, .boilerplate: true
    case .prose, .short, .caption: false
    }
  }

  var reason: String {
    switch self {
    case .prose: "prose"
    case .short: "short"
    case .caption: "caption"
    case .date: "date"
    case .counter: "counter"
    case .author: "author"
    case .boilerplate(let reason): reason
    }
  }
}
