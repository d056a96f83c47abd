/// Tells whether a word is spelled like a Vietnamese syllable: onset + (medial) + nucleus +
/// coda + tone, with the spelling rules that tie them together.
///
///     VietnameseSyllable.isValid("nghiêng")   // true
///     VietnameseSyllable.isValid("Quốc")      // true (case-insensitive)
///     VietnameseSyllable.isValid("cáp")       // true: p/t/c/ch codas take sắc or nặng
///     VietnameseSyllable.isValid("càp")       // false
///     VietnameseSyllable.isValid("Viá»‡t")    // false: UTF-8 read as Windows-1252
///
/// The check is structural (orthographic): it accepts every syllable the Vietnamese spelling
/// system can write, wherever the tone mark sits (hòa and hoà), and rejects letter strings it
/// cannot (foreign letters f j w z, impossible clusters, p/t/c/ch with a tone other than sắc
/// or nặng, "k" before a/o/u, "c" before e/i…). It reads precomposed (NFC) letters and also
/// combining marks (NFD, Windows-1258), so it can score raw candidate decodings.
/// No allocation per call: at most eight letters are packed into an integer, then two hash
/// lookups decide.
public enum VietnameseSyllable {
  /// Whether `word` (letters only, any case) is a valid Vietnamese syllable.
  public static func isValid(_ word: some StringProtocol) -> Bool {
    isValid(scalars: word.unicodeScalars)
  }

  /// Whether the scalars (letters only, any case, NFC or NFD) spell a Vietnamese syllable.
  public static func isValid(scalars: some Sequence<Unicode.Scalar>) -> Bool {
    var reader = LetterReader()
    for scalar in scalars where !reader.read(scalar) { return false }
    guard let letters = reader.finish() else { return false }
    return isValid(letters)
  }

  /// Whether UTF-8 bytes (a word cut out of a text, any case, NFC or NFD) spell a syllable;
  /// for tokenizers that scan bytes. Invalid UTF-8 is not a syllable.
  ///
  ///     VietnameseSyllable.isValid(utf8: "Đảng".utf8)   // true
  public static func isValid(utf8 bytes: some Collection<UInt8>) -> Bool {
    var reader = LetterReader()
    var iterator = bytes.makeIterator()
    while let lead = iterator.next() {
      var value = UInt32(lead)
      let continuations: Int
      switch lead {
      case 0..<0x80: continuations = 0
      case 0xC2..<0xE0: (value, continuations) = (value & 0x1F, 1)
      case 0xE0..<0xF0: (value, continuations) = (value & 0x0F, 2)
      case 0xF0..<0xF5: (value, continuations) = (value & 0x07, 3)
      default: return false
      }
      for _ in 0..<continuations {
        guard let byte = iterator.next(), byte & 0xC0 == 0x80 else { return false }
        value = value << 6 | UInt32(byte & 0x3F)
      }
      guard let scalar = Unicode.Scalar(value), reader.read(scalar) else { return false }
    }
    guard let letters = reader.finish() else { return false }
    return isValid(letters)
  }

  /// The tone of a valid syllable, nil when the word is not one.
  ///
  ///     VietnameseSyllable.tone(of: "Việt")   // .dot
  public static func tone(of word: some StringProtocol) -> Tone? {
    var reader = LetterReader()
    for scalar in word.unicodeScalars where !reader.read(scalar) { return nil }
    guard let letters = reader.finish(), isValid(letters) else { return nil }
    return letters.tone
  }

  // MARK: - Letters

  /// Letter codes: ASCII lowercase for a–z, small integers for the Vietnamese letters.
  enum Code {
    static let aBreve: UInt8 = 1  // ă
    static let aCircumflex: UInt8 = 2  // â
    static let eCircumflex: UInt8 = 3  // ê
    static let oCircumflex: UInt8 = 4  // ô
    static let oHorn: UInt8 = 5  // ơ
    static let uHorn: UInt8 = 6  // ư
    static let dStroke: UInt8 = 7  // đ

    static func isVowel(_ code: UInt8) -> Bool {
      switch code {
      case 1...6, 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true
      default: false
      }
    }

    static func code(of letter: Unicode.Scalar) -> UInt8 {
      switch letter {
      case "ă": aBreve
      case "â": aCircumflex
      case "ê": eCircumflex
      case "ô": oCircumflex
      case "ơ": oHorn
      case "ư": uHorn
      case "đ": dStroke
      default: UInt8(truncatingIfNeeded: letter.value)
      }
    }
  }

  /// For each scalar: letter code in the low byte, tone + 1 in the high byte (0: no tone
  /// written, 1: level). Covers U+0000–U+01B0 and U+1EA0–U+1EF9; other scalars are not letters.
  private static let latinTable: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 0x1B1)
    for ascii in UInt32(0x61)...0x7A {
      table[Int(ascii)] = UInt16(ascii)
      table[Int(ascii - 0x20)] = UInt16(ascii)
    }
    table[0x111] = UInt16(Code.dStroke)
    table[0x110] = UInt16(Code.dStroke)
    return fill(table, range: 0..<0x1B1)
  }()

  private static let extendedTable: [UInt16] = fill(
    [UInt16](repeating: 0, count: 0x5A), range: 0x1EA0..<0x1EFA)

  private static func fill(_ table: [UInt16], range: Range<UInt32>) -> [UInt16] {
    var table = table
    for scalar in VietnameseLetter.allVowels where range.contains(scalar.value) {
      guard let vowel = VietnameseLetter.vowel(scalar) else { continue }
      let tone = vowel.tone == .level ? 0 : UInt16(vowel.tone.rawValue + 1)
      table[Int(scalar.value - range.lowerBound)] = UInt16(Code.code(of: vowel.base)) | tone << 8
    }
    return table
  }

  /// Accumulates the letters of a word (at most eight) and its one tone.
  struct LetterReader {
    var packed: UInt64 = 0
    var count = 0
    var tone: UInt8 = 0  // Tone.rawValue + 1 once a tone mark was read

    /// Reads one scalar; false when the word cannot be a syllable.
    mutating func read(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      let entry: UInt16
      if value < 0x1B1 {
        entry = VietnameseSyllable.latinTable[Int(value)]
      } else if value >= 0x1EA0 && value < 0x1EFA {
        entry = VietnameseSyllable.extendedTable[Int(value - 0x1EA0)]
      } else {
        return readCombining(value)
      }
      guard entry != 0, count < 8 else { return false }
      let letterTone = UInt8(entry >> 8)
      if letterTone != 0 {
        if tone != 0 { return false }
        tone = letterTone
      }
      packed |= UInt64(entry & 0xFF) << (8 * count)
      count += 1
      return true
    }

    /// Combining tone marks (NFD, Windows-1258) and vowel marks applied to the last letter.
    private mutating func readCombining(_ value: UInt32) -> Bool {
      let markTone: Tone? =
        switch value {
        case 0x300: .grave
        case 0x301: .acute
        case 0x309: .hook
        case 0x303: .tilde
        case 0x323: .dot
        default: nil
        }
      if let markTone {
        guard tone == 0, count > 0 else { return false }
        tone = markTone.rawValue + 1
        return true
      }
      guard count > 0 else { return false }
      let shift = UInt64(8 * (count - 1))
      let last = UInt8(truncatingIfNeeded: packed >> shift)
      let marked: UInt8? =
        switch (value, last) {
        case (0x302, 0x61): Code.aCircumflex
        case (0x302, 0x65): Code.eCircumflex
        case (0x302, 0x6F): Code.oCircumflex
        case (0x306, 0x61): Code.aBreve
        case (0x31B, 0x6F): Code.oHorn
        case (0x31B, 0x75): Code.uHorn
        default: nil
        }
      guard let marked else { return false }
      packed = packed & ~(0xFF << shift) | UInt64(marked) << shift
      return true
    }

    func finish() -> Letters? {
      count == 0 ? nil : Letters(packed: packed, count: count, tone: tone)
    }
  }

  struct Letters {
    let packed: UInt64
    let count: Int
    let toneCode: UInt8
    init(packed: UInt64, count: Int, tone: UInt8) {
      self.packed = packed
      self.count = count
      self.toneCode = tone
    }
    var tone: Tone { toneCode == 0 ? .level : Tone(rawValue: toneCode - 1) ?? .level }
    subscript(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * index)) }
    /// Letters `range` packed from the low byte, as the tables below key them.
    func key(_ range: Range<Int>) -> UInt32 {
      range.isEmpty ? 0 : UInt32(truncatingIfNeeded: packed >> (8 * range.lowerBound)) & mask(range.count)
    }
    private func mask(_ count: Int) -> UInt32 { count >= 4 ? .max : (1 << (8 * count)) - 1 }
  }

  // MARK: - Spelling rules

  private static func key(_ letters: String) -> UInt32 {
    var key: UInt32 = 0
    for (index, scalar) in letters.unicodeScalars.enumerated() {
      key |= UInt32(Code.code(of: scalar)) << (8 * index)
    }
    return key
  }

  private static let onsets: Set<UInt32> = Set(
    [
      "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
      "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
    ].map(key))

  /// Codas, each with its bit in `rimes`' values. "k" is read as "c": official place names of
  /// the Central Highlands write it so (Đắk Lắk, Đắk Nông).
  private static let codas: [UInt32: UInt16] = [
    key("c"): 1, key("k"): 1, key("ch"): 2, key("m"): 4, key("n"): 8, key("ng"): 16, key("nh"): 32,
    key("p"): 64, key("t"): 128,
  ]
  private static let stopCodas: UInt16 = 1 | 2 | 64 | 128  // c, ch, p, t
  private static let open: UInt16 = 256

  /// Vowel clusters (medial + nucleus, or nucleus + glide) and what may follow them.
  private static let rimes: [UInt32: UInt16] = {
    func codaSet(_ names: String) -> UInt16 {
      names.split(separator: " ").reduce(0) { $0 | (codas[key(String($1))] ?? 0) }
    }
    let all = codaSet("c ch m n ng nh p t")
    let back = codaSet("c m n ng p t")
    let front = codaSet("ch m n nh p t")
    var rimes: [UInt32: UInt16] = [
      key("a"): open | all, key("ă"): back, key("â"): back, key("e"): open | back,
      key("ê"): open | front, key("i"): open | front, key("y"): open,
      key("o"): open | back, key("ô"): open | back, key("ơ"): open | codaSet("m n p t"),
      key("u"): open | back, key("ư"): open | codaSet("c m n ng t"),
      key("oa"): open | all, key("oă"): codaSet("c m n ng t"), key("oe"): open | codaSet("m n t"),
      key("oo"): codaSet("c ng"), key("uâ"): codaSet("n ng t"), key("uê"): open | codaSet("ch n nh t"),
      key("uy"): open | codaSet("ch n nh p t"), key("uô"): back, key("ươ"): back,
      key("iê"): back, key("yê"): back, key("uyê"): codaSet("n t"),
    ]
    for glided in [
      "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi",
      "ưu", "ưa", "ua", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi",
      "ươu", "uya", "uyu",
    ] {
      rimes[key(glided)] = open
    }
    return rimes
  }()

  private static func isFront(_ code: UInt8) -> Bool {
    code == 0x69 || code == 0x79 || code == 0x65 || code == Code.eCircumflex
  }

  static func isValid(_ letters: Letters) -> Bool {
    var index = 0
    while index < letters.count && !Code.isVowel(letters[index]) { index += 1 }
    let onsetEnd = index
    while index < letters.count && Code.isVowel(letters[index]) { index += 1 }
    let vowelEnd = index
    guard vowelEnd > onsetEnd, onsetEnd <= 3, vowelEnd - onsetEnd <= 4 else { return false }
    let onset = letters.key(0..<onsetEnd)
    guard onsetEnd == 0 || onsets.contains(onset) else { return false }
    let coda = letters.key(vowelEnd..<letters.count)
    let codaBit: UInt16
    if vowelEnd == letters.count {
      codaBit = open
    } else {
      guard letters.count - vowelEnd <= 2, let bit = codas[coda] else { return false }
      codaBit = bit
      if bit & stopCodas != 0 && letters.tone != .acute && letters.tone != .dot {
        return false
      }
    }
    func rimeAllows(_ start: Int) -> Bool {
      guard start < vowelEnd, (rimes[letters.key(start..<vowelEnd)] ?? 0) & codaBit != 0 else {
        return false
      }
      // iê needs an onset (tiên), yê needs none or a medial u (yên, quyên, khuyên).
      if start + 1 < vowelEnd && letters[start + 1] == Code.eCircumflex {
        if letters[start] == 0x69 { return start > 0 }
        if letters[start] == 0x79 { return start == 0 || letters[start - 1] == 0x75 }
      }
      return true
    }
    let first = letters[onsetEnd]
    switch onset {
    case key("q"):
      // "qu" + vowel: the u is the medial (qua, quân, quốc, quyết, quỳnh).
      return first == 0x75 && vowelEnd - onsetEnd >= 2 && (rimeAllows(onsetEnd + 1) || rimeAllows(onsetEnd))
    case key("g"):
      // "gi" + vowel is one onset (gia, giữ, giường); "gi" alone keeps i as the vowel (gì, gìn).
      if first == 0x69 {
        return rimeAllows(onsetEnd) || (vowelEnd - onsetEnd >= 2 && rimeAllows(onsetEnd + 1))
      }
      return !isFront(first) && rimeAllows(onsetEnd)
    case key("k"), key("gh"), key("ngh"):
      return isFront(first) && rimeAllows(onsetEnd)
    case key("c"), key("ng"):
      return !isFront(first) && rimeAllows(onsetEnd)
    default:
      return rimeAllows(onsetEnd)
    }
  }
}
