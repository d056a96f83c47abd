/// A sentence of the normalized text and its tokens.
///
/// `start..<end` are Unicode scalar offsets into the normalized text (from the first token's
/// start to the last token's end); `utf8Start..<utf8End` is the same span in UTF-8 bytes.
public struct Sentence: Hashable, Sendable, Codable {
  public var start: Int
  public var end: Int
  public var utf8Start: Int
  public var utf8End: Int
  public var tokens: [Token]
  /// The words, when the segmenter joined syllables (`Segmenter.segmentsWords`); else empty.
  public var words: [Word] = []
  /// The scalars of the whole text, when the segmenter handed them over (`TextScalars`);
  /// not compared, hashed or encoded.
  public var textScalars = TextScalars()

  private enum CodingKeys: String, CodingKey {
    case start, end, utf8Start, utf8End, tokens, words
  }

  public init(tokens: [Token]) {
    self.tokens = tokens
    start = tokens.first?.start ?? 0
    end = tokens.last?.end ?? 0
    utf8Start = tokens.first?.utf8Start ?? 0
    utf8End = tokens.last?.utf8End ?? 0
  }
}
