import Testing
@testable import VNXText

/// Both forms of the rule: over `[Unicode.Scalar]` (the slow path) and over a buffer of
/// values with table lookups (the fast path).
private func bothForms(_ word: [Unicode.Scalar], _ style: ToneStyle) -> ([Unicode.Scalar]?, [Unicode.Scalar]?) {
  var scalars = word
  let reference = ToneMarkPlacement.apply(style, to: &scalars) ? scalars : nil
  var values = word.map(\.value)
  let fast = values.withUnsafeMutableBufferPointer { ToneMarkPlacement.apply(style, to: $0) }
  return (reference, fast ? values.map { Unicode.Scalar($0)! } : nil)
}

@Test("The table-driven rule gives what the reference rule gives, on every syllable shape", arguments: ToneStyle.allCases)
func tableRuleAgrees(_ style: ToneStyle) {
  let vowels = VietnameseLetter.allVowels
  let onsets: [[Unicode.Scalar]] = ["", "q", "Q", "g", "G", "qu", "gi", "Gi", "th", "ngh", "đ", "Đ", "b"].map {
    Array($0.unicodeScalars)
  }
  let codas: [[Unicode.Scalar]] = ["", "n", "ng", "ch", "c", "nh", "m", "đ", "1", "-", "é", "ß"].map {
    Array($0.unicodeScalars)
  }
  var checked = 0
  func check(_ word: [Unicode.Scalar]) {
    let (reference, fast) = bothForms(word, style)
    #expect(reference == fast, "\(String(String.UnicodeScalarView(word)))")
    checked += 1
  }
  // Every nucleus of one vowel with every onset and coda; every pair of vowels with onsets
  // and codas in turn; a random sample of three and four vowels with every onset and coda.
  var turn = 0
  for first in vowels {
    for onset in onsets { for coda in codas { check(onset + [first] + coda) } }
    for second in vowels {
      turn += 1
      check(onsets[turn % onsets.count] + [first, second] + codas[turn / onsets.count % codas.count])
    }
  }
  var generator = SystemRandomNumberGenerator()
  for _ in 0..<1000 {
    let nucleus = (0..<Int.random(in: 3...4, using: &generator)).map { _ in vowels.randomElement(using: &generator)! }
    for onset in onsets { for coda in codas { check(onset + nucleus + coda) } }
  }
  #expect(checked > 100_000)
}
