/// Text in the form every later stage relies on, with what normalization changed.
public struct NormalizedText: Sendable, Hashable {
  public var text: String
  /// Normalized → original scalar offsets.
  public var offsets: OffsetMap
  public var repairs: Repairs
}

/// Counts of what normalization repaired, for `vnx normalize --report`.
public struct Repairs: Sendable, Hashable, Codable {
  /// Segments that were not in NFC and were composed through ICU.
  public var composed = 0
  /// Syllables whose tone mark moved to the chosen placement style.
  public var toneMarksMoved = 0
  /// Ð/ð (U+00D0/U+00F0) written for Đ/đ.
  public var ethReplaced = 0
  /// Zero-width characters and soft hyphens removed.
  public var invisiblesRemoved = 0
  /// NBSP and other space characters turned into a plain space.
  public var spacesReplaced = 0
  /// CR and CRLF line ends turned into LF.
  public var lineEndsReplaced = 0
  /// Control characters dropped.
  public var controlsDropped = 0
  /// Full-width digits and Latin letters folded to ASCII.
  public var fullWidthFolded = 0
  /// HTML character references decoded (`&agrave;`, `&#7897;`).
  public var characterReferencesDecoded = 0

  public init() {}

  /// True when nothing was repaired.
  public var isEmpty: Bool { self == Repairs() }
}
