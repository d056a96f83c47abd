import VNXText

/// Finds spans in an article text by Unicode scalar offsets: checks the offsets a prediction
/// gives, and searches gold texts (which have none), case-insensitively and at word edges.
struct SpanLocator {
  let scalars: [Unicode.Scalar]
  /// `scalars` in one tone-mark style and lowercased, one to one (a scalar whose lowercase is
  /// longer stays as it is).
  private let folded: [Unicode.Scalar]

  init(text: String) {
    scalars = Array(text.unicodeScalars)
    // Moving tone marks keeps the scalar count; other repairs would shift offsets.
    let normalized = Array(TextNormalizer(toneStyle: .old).normalize(text).text.unicodeScalars)
    folded = (normalized.count == scalars.count ? normalized : scalars).map(Self.fold)
  }

  private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value < 0x80 {
      return scalar.value >= 0x41 && scalar.value <= 0x5A
        ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first! : scalar
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || scalar.properties.generalCategory == .nonspacingMark
  }

  /// The text between two offsets, or nil when they are out of bounds.
  func text(_ start: Int, _ end: Int) -> String? {
    guard start >= 0, start < end, end <= scalars.count else { return nil }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
  }

  /// The given offsets when they hold `expected` (by key), or when nothing is expected.
  func checked(start: Int?, end: Int?, expected: String?) -> Range<Int>? {
    guard let start, let end, let found = text(start, end) else { return nil }
    if let expected, TextKey(found) != TextKey(expected) { return nil }
    return start..<end
  }

  /// Every occurrence of `needle` (normalized like the article), left to right, not
  /// overlapping, not inside a longer word.
  func occurrences(of needle: String) -> [Range<Int>] {
    let pattern = Array(TextKey(needle).value.unicodeScalars).map(Self.fold)
    guard !pattern.isEmpty, pattern.count <= folded.count else { return [] }
    var found: [Range<Int>] = []
    var index = 0
    let last = folded.count - pattern.count
    while index <= last {
      if folded[index] == pattern[0], matches(pattern, at: index) {
        let end = index + pattern.count
        let startsWord =
          index == 0 || !Self.isWordScalar(scalars[index - 1])
          || !Self.isWordScalar(pattern[0])
        let endsWord =
          end == scalars.count || !Self.isWordScalar(scalars[end])
          || !Self.isWordScalar(pattern[pattern.count - 1])
        if startsWord, endsWord {
          found.append(index..<end)
          index = end
          continue
        }
      }
      index += 1
    }
    return found
  }

  /// Matches with any run of whitespace in the article standing for the key's single spaces.
  private func matches(_ pattern: [Unicode.Scalar], at start: Int) -> Bool {
    guard start + pattern.count <= folded.count else { return false }
    for offset in 0..<pattern.count where folded[start + offset] != pattern[offset] {
      let isSpace = pattern[offset] == " " && folded[start + offset].properties.isWhitespace
      if !isSpace { return false }
    }
    return true
  }
}
