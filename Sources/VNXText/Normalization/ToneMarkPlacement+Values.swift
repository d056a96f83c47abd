/// The same rule as `ToneMarkPlacement.apply(_:to:)`, over scalar values in a buffer and with
/// one table lookup per letter, for the normalizer's fast path (a check per word of two or
/// more vowels). Tests prove both give the same answer on every syllable shape.
extension ToneMarkPlacement {
  /// Per scalar below U+1F00: 0 when not a Vietnamese vowel, else base index + 1 (bits 0-3,
  /// index in `VietnameseLetter.vowelBases`), tone (bits 4-6) and uppercase (bit 7).
  /// Allocated once and never freed, so the hot path reads it without reference counting.
  nonisolated(unsafe) static let vowelTable: UnsafeBufferPointer<UInt8> = {
    let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0x1F00)
    for value in 0..<0x1F00 {
      guard let scalar = Unicode.Scalar(UInt32(value)), let vowel = VietnameseLetter.vowel(scalar),
        let base = VietnameseLetter.vowelBases.firstIndex(of: vowel.base)
      else {
        table[value] = 0
        continue
      }
      table[value] = UInt8(base + 1) | vowel.tone.rawValue << 4 | (vowel.uppercase ? 0x80 : 0)
    }
    return UnsafeBufferPointer(table)
  }()

  /// `composedTable[(base * 6 + tone) * 2 + uppercase]`: the precomposed letter.
  nonisolated(unsafe) static let composedTable: UnsafeBufferPointer<UInt32> = {
    let table = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 12 * 6 * 2)
    for (base, letter) in VietnameseLetter.vowelBases.enumerated() {
      for tone in Tone.allCases {
        for uppercase in [false, true] {
          let scalar = VietnameseLetter.compose(base: letter, tone: tone, uppercase: uppercase)!
          table[(base * 6 + Int(tone.rawValue)) * 2 + (uppercase ? 1 : 0)] = scalar.value
        }
      }
    }
    return UnsafeBufferPointer(table)
  }()

  // Base indexes in `VietnameseLetter.vowelBases`.
  private static let baseA: UInt8 = 0, baseE: UInt8 = 3, baseI: UInt8 = 5, baseO: UInt8 = 6
  private static let baseU: UInt8 = 9, baseY: UInt8 = 11

  /// The two tables, to be read once by a caller that checks many words.
  struct Tables {
    let vowels = ToneMarkPlacement.vowelTable
    let composed = ToneMarkPlacement.composedTable
  }

  /// Rewrites the scalar values of one NFC word in place; true when a mark moved.
  static func apply(_ style: ToneStyle, to word: UnsafeMutableBufferPointer<UInt32>) -> Bool {
    apply(style, to: word, tables: Tables())
  }

  /// Rewrites the scalar values of one NFC word in place; true when a mark moved.
  static func apply(
    _ style: ToneStyle, to word: UnsafeMutableBufferPointer<UInt32>, tables: Tables
  ) -> Bool {
    let count = word.count
    guard count >= 1, count <= 7 else { return false }
    let table = tables.vowels
    @inline(__always) func info(_ index: Int) -> UInt8 {
      let value = word[index]
      return value < 0x1F00 ? table[Int(value)] : 0
    }
    var firstVowel = 0
    while firstVowel < count, info(firstVowel) == 0 { firstVowel += 1 }
    guard firstVowel < count else { return false }
    var start = firstVowel
    if start > 0, start + 1 < count {
      let base = info(start) & 0x0F - 1
      let onset = word[start - 1] | 0x20
      let nextIsVowel = info(start + 1) != 0
      if (onset == 0x71 && base == baseU) || (onset == 0x67 && base == baseI && nextIsVowel) {
        start += 1
      }
    }
    var end = start
    while end < count, info(end) != 0 { end += 1 }
    guard end > start, end - start <= 3 else { return false }
    for index in end..<count {
      let value = word[index]
      let consonant =
        value == 0x110 || value == 0x111
        || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A && value < 0x80 && info(index) == 0)
      guard consonant else { return false }
    }

    var tone: UInt8 = 0
    for index in firstVowel..<end {
      let vowelTone = info(index) >> 4 & 0x07
      guard vowelTone != 0 else { continue }
      if tone == 0 { tone = vowelTone } else if vowelTone != tone { return false }
    }
    guard tone != 0 else { return false }

    var target = -1
    var index = end - 1
    while index >= start {
      switch info(index) & 0x0F - 1 {
      case 1, 2, 4, 7, 8, 10:  // ă â ê ô ơ ư
        target = index
      default: break
      }
      if target >= 0 { break }
      index -= 1
    }
    if target < 0 {
      if end < count {
        target = end - 1
      } else {
        switch end - start {
        case 1: target = start
        case 3: target = start + 1
        default:
          let first = info(start) & 0x0F - 1
          let second = info(start + 1) & 0x0F - 1
          let family =
            (first == baseO && (second == baseA || second == baseE)) || (first == baseU && second == baseY)
          target = family && style == .new ? start + 1 : start
        }
      }
    }

    var changed = false
    let composed = tables.composed
    for index in firstVowel..<end {
      let packed = info(index)
      let wanted = index == target ? tone : 0
      guard packed >> 4 & 0x07 != wanted else { continue }
      let base = Int(packed & 0x0F) - 1
      word[index] = composed[(base * 6 + Int(wanted)) * 2 + Int(packed >> 7)]
      changed = true
    }
    return changed
  }
}
