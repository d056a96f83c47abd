/// What a token is.
public enum TokenKind: String, Codable, Sendable, Hashable, CaseIterable {
  case word, number, percent, date, time
  case documentCode = "code"
  case abbreviation, punctuation, symbol, url, email
}

/// A token of the normalized text.
///
/// Offsets are **Unicode scalar offsets** into the normalized text (`start..<end`), the unit
/// of every span vnx reports. `utf8Start..<utf8End` addresses the same span in UTF-8 bytes,
/// for slicing without walking the string.
public struct Token: Hashable, Sendable, Codable {
  public var kind: TokenKind
  public var start: Int
  public var end: Int
  public var utf8Start: Int
  public var utf8End: Int

  public init(kind: TokenKind, start: Int, end: Int, utf8Start: Int, utf8End: Int) {
    self.kind = kind
    self.start = start
    self.end = end
    self.utf8Start = utf8Start
    self.utf8End = utf8End
  }
}
