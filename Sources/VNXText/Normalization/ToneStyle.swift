/// Where the tone mark goes in the open syllables of the oa/oe/uy family.
public enum ToneStyle: String, CaseIterable, Codable, Sendable, Hashable {
  /// On the first vowel: hòa, khỏe, thủy, ủy — the style most news sites use.
  case old
  /// On the second vowel: hoà, khoẻ, thuỷ, uỷ.
  case new
}
