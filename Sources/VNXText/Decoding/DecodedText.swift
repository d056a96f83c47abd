/// Text decoded from bytes, with what the decoder had to do to get it.
public struct DecodedText: Hashable, Sendable {
  public var text: String
  /// The encoding that was used, detected or forced.
  public var encoding: TextEncoding
  /// Whether the encoding was detected (true) or forced by the caller (false).
  public var detected: Bool
  /// Bytes that were not valid in the encoding, each replaced by U+FFFD.
  public var replacements: Int
  /// Human-readable warnings (e.g. invalid bytes), empty when the input was clean.
  public var warnings: [String]

  public init(
    text: String, encoding: TextEncoding, detected: Bool = true, replacements: Int = 0,
    warnings: [String] = []
  ) {
    self.text = text
    self.encoding = encoding
    self.detected = detected
    self.replacements = replacements
    self.warnings = warnings
  }
}
