/// How a syllable echoes the one before it, the mark of Vietnamese reduplicative words (từ
/// láy): the same initial consonant ("lung linh", "lấp lánh"), the same rhyme ("lơ thơ"), or
/// the same syllable with another tone ("đo đỏ", "rít rịt").
///
///     Reduplication.parts(of: "lấp")   // onset "l", rhyme "âp" (tone dropped)
///     Reduplication.parts(of: "lấp").rhyme == Reduplication.parts(of: "lập").rhyme   // true
///
/// Word lists miss most of these words, and they are open-ended, so the segmenter reads the
/// relation itself instead of a list.
enum Reduplication {
  /// Bit 0: same onset; bit 1: same rhyme without tone; bit 2: the same syllable.
  static let sameOnset: UInt8 = 1
  static let sameRhyme: UInt8 = 2
  static let sameSyllable: UInt8 = 4

  /// The onset and toneless rhyme of a syllable, fed one lowercase letter at a time by the
  /// scan that hashes the syllable (no second pass over its scalars).
  ///
  /// The onset is the consonants before the first vowel; the "i" of "gi" and the "u" of "qu"
  /// before another vowel belong to it ("gia" is gi + a, "quê" is qu + ê, "gìn" is g + in).
  struct Parts {
    private var onsetHash = ScalarHash()
    private var rhymeHash = ScalarHash()
    private var inRhyme = false
    private var onsetLength = 0
    private var firstLetter: UInt32 = 0
    /// After "g", an "i" whose role the next letter decides (its toneless form).
    private var pendingI: UInt32 = 0

    init() {}

    @inline(__always)
    mutating func add(_ lower: UInt32) {
      let letter = lower < 0x80 ? lower : toneless(lower)
      add(toneless: letter, isVowel: isVowel(letter))
    }

    /// `add(_:)` given the letter's toneless form and whether it is a vowel (both read from
    /// `ScalarTable` by the segmenter).
    @inline(__always)
    mutating func add(toneless letter: UInt32, isVowel vowel: Bool) {
      if inRhyme {
        rhymeHash.add(letter)
      } else {
        addBeforeRhyme(letter, vowel)
      }
    }

    /// A letter of the onset, or the first of the rhyme (`letter` is toneless).
    private mutating func addBeforeRhyme(_ letter: UInt32, _ vowel: Bool) {
      if pendingI != 0 {
        // "gia": "i" was part of the onset; "gìn": it starts the rhyme.
        if vowel {
          onsetHash.add(pendingI)
        } else {
          rhymeHash.add(pendingI)
        }
        pendingI = 0
        inRhyme = true
        rhymeHash.add(letter)
        return
      }
      if vowel {
        if onsetLength == 1 && firstLetter == 0x67 && letter == 0x69 {
          pendingI = letter
          return
        }
        if !(onsetLength == 1 && firstLetter == 0x71 && letter == 0x75) {
          inRhyme = true
          rhymeHash.add(letter)
          return
        }
      }
      if onsetLength == 0 { firstLetter = letter }
      onsetLength += 1
      onsetHash.add(letter)
    }

    /// The syllable ends: an "i" still pending ("gì") is the rhyme.
    @inline(__always)
    mutating func finish() {
      if pendingI != 0 { rhymeHash.add(pendingI) }
      pendingI = 0
    }

    var onset: UInt32 { UInt32(truncatingIfNeeded: onsetHash.value) }
    var rhyme: UInt32 { UInt32(truncatingIfNeeded: rhymeHash.value) }
  }

  /// The parts of a syllable given as a string (for tests).
  static func parts(of syllable: String) -> Parts {
    var parts = Parts()
    for scalar in syllable.unicodeScalars { parts.add(LetterCase.lower(scalar.value)) }
    parts.finish()
    return parts
  }

  /// Whether a lowercase letter is a vowel: among the letters Vietnamese uses, every letter
  /// beyond ASCII but "đ" is one.
  @inline(__always)
  static func isVowel(_ lower: UInt32) -> Bool {
    if lower < 0x80 {
      // a e i o u y
      return lower >= 0x61 && lower <= 0x79 && (0x0110_4111 as UInt32) >> (lower - 0x61) & 1 != 0
    }
    return lower != 0x111
  }

  /// A lowercase vowel without its tone mark ("ấ" → "â"); other scalars unchanged.
  @inline(__always)
  static func toneless(_ value: UInt32) -> UInt32 {
    if value < 0xC0 { return value }
    switch value {
    case 0xE0, 0xE1, 0xE3: return 0x61  // à á ã
    case 0xE8, 0xE9: return 0x65  // è é
    case 0xEC, 0xED: return 0x69  // ì í
    case 0xF2, 0xF3, 0xF5: return 0x6F  // ò ó õ
    case 0xF9, 0xFA: return 0x75  // ù ú
    case 0xFD: return 0x79  // ý
    case 0x129: return 0x69  // ĩ
    case 0x169: return 0x75  // ũ
    case 0x1EA0...0x1EF9: return additional(value)
    default: return value
    }
  }

  /// The base vowel of a letter of U+1EA0…U+1EF9 (Latin Extended Additional, Vietnamese),
  /// which come in pairs of capital and small letter: ạ ả, ấ ầ ẩ ẫ ậ, ắ ằ ẳ ẵ ặ, ẹ ẻ ẽ,
  /// ế ề ể ễ ệ, ỉ ị, ọ ỏ, ố ồ ổ ỗ ộ, ớ ờ ở ỡ ợ, ụ ủ, ứ ừ ử ữ ự, ỳ ỵ ỷ ỹ.
  @inline(__always)
  private static func additional(_ value: UInt32) -> UInt32 {
    switch (value - 0x1EA0) >> 1 {
    case 0...1: 0x61  // a
    case 2...6: 0xE2  // â
    case 7...11: 0x103  // ă
    case 12...14: 0x65  // e
    case 15...19: 0xEA  // ê
    case 20...21: 0x69  // i
    case 22...23: 0x6F  // o
    case 24...28: 0xF4  // ô
    case 29...33: 0x1A1  // ơ
    case 34...35: 0x75  // u
    case 36...40: 0x1B0  // ư
    default: 0x79  // y
    }
  }
}
