/// Puts the tone mark of a syllable where Vietnamese orthography puts it.
///
/// The vowel with its own diacritic takes the tone (thuở, người, Nguyễn); otherwise the
/// last vowel before a final consonant (hoàn, huỳnh), the middle of three (hoài, khuỷu), the
/// first of two (bài, mía). Open oa/oe/uy syllables follow the chosen style: hòa, khỏe,
/// thủy (old) or hoà, khoẻ, thuỷ (new). "qu" and "gi" are onsets (quý, giữ). So correctly
/// written syllables never change, and misplaced or doubled marks are repaired:
/// baì → bài, lựơng → lượng, dàì → dài.
enum ToneMarkPlacement {
  /// Rewrites `word` (the scalars of one word, NFC) in place; true when a mark moved.
  static func apply(_ style: ToneStyle, to word: inout [Unicode.Scalar]) -> Bool {
    let count = word.count
    guard count >= 1, count <= 7 else { return false }
    guard let firstVowel = word.firstIndex(where: { VietnameseLetter.vowel($0) != nil })
    else { return false }
    var start = firstVowel
    if start > 0, start + 1 < count, let vowel = VietnameseLetter.vowel(word[start]) {
      let onset = word[start - 1].value | 0x20
      let nextIsVowel = VietnameseLetter.vowel(word[start + 1]) != nil
      if (onset == 0x71 && vowel.base == "u") || (onset == 0x67 && vowel.base == "i" && nextIsVowel) {
        start += 1
      }
    }
    var end = start
    while end < count, VietnameseLetter.vowel(word[end]) != nil { end += 1 }
    guard end > start, end - start <= 3 else { return false }
    for index in end..<count where !isConsonant(word[index]) { return false }

    var tone = Tone.level
    for index in firstVowel..<end {
      let vowelTone = VietnameseLetter.vowel(word[index])!.tone
      guard vowelTone != .level else { continue }
      if tone == .level { tone = vowelTone } else if vowelTone != tone { return false }
    }
    guard tone != .level else { return false }

    let target: Int
    if let marked = (start..<end).last(where: { hasOwnDiacritic(word[$0]) }) {
      target = marked
    } else if end < count {
      target = end - 1
    } else {
      switch end - start {
      case 1: target = start
      case 3: target = start + 1
      default:
        let first = VietnameseLetter.vowel(word[start])!.base
        let second = VietnameseLetter.vowel(word[start + 1])!.base
        let family = (first == "o" && (second == "a" || second == "e")) || (first == "u" && second == "y")
        target = family && style == .new ? start + 1 : start
      }
    }

    var changed = false
    for index in firstVowel..<end {
      let vowel = VietnameseLetter.vowel(word[index])!
      let wanted = index == target ? tone : .level
      guard vowel.tone != wanted,
        let letter = VietnameseLetter.compose(base: vowel.base, tone: wanted, uppercase: vowel.uppercase)
      else { continue }
      word[index] = letter
      changed = true
    }
    return changed
  }

  private static func hasOwnDiacritic(_ scalar: Unicode.Scalar) -> Bool {
    switch VietnameseLetter.vowel(scalar)?.base {
    case "ă", "â", "ê", "ô", "ơ", "ư": true
    default: false
    }
  }

  private static func isConsonant(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A: VietnameseLetter.vowel(scalar) == nil
    case 0x110, 0x111: true
    default: false
    }
  }
}
