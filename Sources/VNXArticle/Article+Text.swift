import VNXText

/// The article as the one string later stages read, with where each part sits in it.
///
/// Parts are joined with a blank line, in reading order: title, lead, paragraphs, captions.
/// Offsets are Unicode scalar offsets into `text`, the convention of every vnx stage.
///
///     let text = article.text
///     text.parts[0]   // ArticleText.Part(kind: .title, index: 0, start: 0, end: 72)
public struct ArticleText: Sendable, Codable, Hashable {
  public enum Kind: String, Sendable, Codable, Hashable {
    case title, lead, paragraph, caption
  }

  /// One part of the article: a title, the lead, a paragraph or a caption.
  public struct Part: Sendable, Codable, Hashable {
    public var kind: Kind
    /// The position among the parts of the same kind (the n-th paragraph).
    public var index: Int
    /// Unicode scalar offsets `[start, end)` into `ArticleText.text`.
    public var start: Int
    public var end: Int
  }

  public static let separator = "\n\n"

  public var text: String
  public var parts: [Part]

  /// The part that holds a scalar offset, if any (offsets on a separator have none).
  public func part(containing offset: Int) -> Part? {
    var low = 0
    var high = parts.count
    while low < high {
      let middle = (low + high) / 2
      if parts[middle].end <= offset { low = middle + 1 } else { high = middle }
    }
    guard low < parts.count, parts[low].start <= offset else { return nil }
    return parts[low]
  }
}

extension Article {
  /// Title, lead, paragraphs and captions joined by blank lines, with each part's span.
  public var text: ArticleText {
    var pieces: [(String, ArticleText.Kind, Int)] = []
    if let title { pieces.append((title, .title, 0)) }
    if let lead { pieces.append((lead, .lead, 0)) }
    for (index, paragraph) in paragraphs.enumerated() { pieces.append((paragraph, .paragraph, index)) }
    for (index, caption) in captions.enumerated() { pieces.append((caption, .caption, index)) }
    var text = ""
    text.reserveCapacity(pieces.reduce(0) { $0 + $1.0.utf8.count + ArticleText.separator.utf8.count })
    var parts: [ArticleText.Part] = []
    parts.reserveCapacity(pieces.count)
    var offset = 0
    for (piece, kind, index) in pieces {
      if !parts.isEmpty {
        text += ArticleText.separator
        offset += 2
      }
      let length = UTF8Scalars.count(piece)
      parts.append(.init(kind: kind, index: index, start: offset, end: offset + length))
      text += piece
      offset += length
    }
    return ArticleText(text: text, parts: parts)
  }
}
