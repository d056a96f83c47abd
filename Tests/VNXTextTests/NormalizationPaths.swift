@testable import VNXText

/// One text normalized down the fast path (plain runs copied, plain tokens cached) and down
/// the scalar-by-scalar path, which must agree on the text, the repairs and the offsets.
struct NormalizationPaths {
  let fast: NormalizedText
  let slow: NormalizedText

  init(_ normalizer: TextNormalizer, _ text: String) {
    fast = normalizer.normalize(text, repairsCharacters: true)
    slow = normalizer.normalize(text, repairsCharacters: true, copiesPlainRuns: false)
  }

  var sameText: Bool { Array(fast.text.utf8) == Array(slow.text.utf8) }
  var sameRepairs: Bool { fast.repairs == slow.repairs }
  /// Whether every position of the fast text maps back where the slow text's does.
  var sameOffsets: Bool {
    (0...fast.text.unicodeScalars.count).allSatisfy {
      fast.offsets.originalOffset($0) == slow.offsets.originalOffset($0)
    }
  }
  var agree: Bool { sameText && sameRepairs && sameOffsets }
}
