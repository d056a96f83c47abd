/// A word of a sentence: one token, or several syllable tokens the segmenter joined
/// ("đảng viên", "nông thôn mới", "Lò Văn Phà").
///
/// Offsets are Unicode scalar offsets into the normalized text (UTF-8 offsets beside them);
/// `tokenStart..<tokenEnd` indexes the sentence's `tokens`.
public struct Word: Hashable, Sendable, Codable {
  /// The kind of the word's first token (`.word` for syllables).
  public var kind: TokenKind
  public var start: Int
  public var end: Int
  public var utf8Start: Int
  public var utf8End: Int
  public var tokenStart: Int
  public var tokenEnd: Int

  public init(
    kind: TokenKind, start: Int, end: Int, utf8Start: Int, utf8End: Int, tokenStart: Int,
    tokenEnd: Int
  ) {
    self.kind = kind
    self.start = start
    self.end = end
    self.utf8Start = utf8Start
    self.utf8End = utf8End
    self.tokenStart = tokenStart
    self.tokenEnd = tokenEnd
  }

  /// The number of tokens (syllables) in the word.
  public var tokenCount: Int { tokenEnd - tokenStart }
}
