import VNXText

/// The comparison key of a text in the gold format (SAMPLES.md, Scoring): NFC, one tone-mark
/// placement style, lowercase, whitespace collapsed.
///
///     TextKey("Đảng uỷ  xã") == TextKey("đảng ủy xã")   // true
public struct TextKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let value: String

  private static let normalizer = TextNormalizer(toneStyle: .old)

  public init(_ text: String) {
    let normalized = Self.normalizer.normalize(text).text.lowercased()
    value = normalized.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  public var description: String { value }
  public var isEmpty: Bool { value.isEmpty }

  public static func < (lhs: TextKey, rhs: TextKey) -> Bool { lhs.value < rhs.value }

  /// True when one key contains the other (the `about` rule).
  public func overlaps(_ other: TextKey) -> Bool {
    !value.isEmpty && !other.value.isEmpty
      && (value.contains(other.value) || other.value.contains(value))
  }
}

/// The equality rules of indicator scoring.
public enum IndicatorMatching {
  /// Values are equal when they differ by less than 1e-6 relative (0 equals only 0).
  public static func valuesMatch(_ gold: Double, _ predicted: Double) -> Bool {
    gold == predicted || abs(gold - predicted) < 1e-6 * max(abs(gold), abs(predicted))
  }

  /// Units are equal when their keys are equal or one is the other followed by more words:
  /// "hộ" ~ "hộ gia đình", "chi bộ" ~ "chi bộ nông thôn", but "hộ" ≁ "hội".
  public static func unitsMatch(_ gold: TextKey, _ predicted: TextKey) -> Bool {
    gold == predicted || gold.value.hasPrefix(predicted.value + " ")
      || predicted.value.hasPrefix(gold.value + " ")
  }
}
