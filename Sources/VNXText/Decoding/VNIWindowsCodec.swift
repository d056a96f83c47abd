/// The VNI-Windows font encoding (VNI-Times): a vowel is its ASCII letter followed by one
/// mark byte that draws the vowel mark and/or the tone; a few letters are one byte.
///
///     VNIWindowsCodec.decode(Array("Vieät Nam".utf8) ...)   // bytes 56 69 65 E4 74 → "Việt"
///
/// Mark bytes (lowercase / capital form):
/// - tone: ø/Ø grave, ù/Ù acute, û/Û hook, õ/Õ tilde, ï/Ï dot
/// - circumflex (a, e, o) with tone: â/Â, à/À, á/Á, å/Å, ã/Ã, ä/Ä
/// - breve (a) with tone: ê/Ê, è/È, é/É, ú/Ú, ü/Ü, ë/Ë
/// One-byte letters: ô/Ô ơ, ö/Ö ư, ñ/Ñ đ, ì í æ ó ò / Ì Í Æ Ó Ò for ì í ỉ ĩ ị, î/Î ỵ.
/// Every letter and capital is representable. A mark byte of either case is accepted after a
/// letter of either case; a mark byte with no letter to sit on decodes to combining marks.
public enum VNIWindowsCodec {
  /// What a mark byte adds to the letter before it.
  struct Mark {
    /// "â" for a circumflex, "ă" for a breve, nil for a tone only.
    let vowelMark: Unicode.Scalar?
    let tone: Tone
  }

  static let marks: [UInt8: Mark] = {
    var marks: [UInt8: Mark] = [:]
    let groups: [(Unicode.Scalar?, [(UInt8, Tone)])] = [
      (nil, [(0xF8, .grave), (0xF9, .acute), (0xFB, .hook), (0xF5, .tilde), (0xEF, .dot)]),
      ("â", [(0xE2, .level), (0xE0, .grave), (0xE1, .acute), (0xE5, .hook), (0xE3, .tilde), (0xE4, .dot)]),
      ("ă", [(0xEA, .level), (0xE8, .grave), (0xE9, .acute), (0xFA, .hook), (0xFC, .tilde), (0xEB, .dot)]),
    ]
    for (vowelMark, bytes) in groups {
      for (byte, tone) in bytes {
        marks[byte] = Mark(vowelMark: vowelMark, tone: tone)
        marks[byte - 0x20] = Mark(vowelMark: vowelMark, tone: tone)  // capital form
      }
    }
    return marks
  }()

  /// One-byte letters, lowercase; the capital form is 0x20 lower.
  static let oneByteLetters: [UInt8: Unicode.Scalar] = [
    0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
  ]

  /// The letter each byte stands for alone (capitals included), else Windows-1252/Latin-1.
  static let table: [Unicode.Scalar] = {
    var letters: [UInt8: Unicode.Scalar] = [:]
    for (byte, letter) in oneByteLetters {
      letters[byte] = letter
      letters[byte - 0x20] = String(letter).uppercased().unicodeScalars.first!
    }
    return LegacyCodec.byteTable(letters: letters)
  }()

  static let reverse = LegacyCodec.reverse(table, letters: [:])

  /// Base letter, tone and case of the letter a byte starts, when marks may follow it.
  private static func markable(_ byte: UInt8) -> (base: Unicode.Scalar, tone: Tone, upper: Bool)? {
    switch byte {
    case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: (Unicode.Scalar(byte), .level, false)
    case 0x41, 0x45, 0x49, 0x4F, 0x55, 0x59: (Unicode.Scalar(byte + 0x20), .level, true)
    case 0xF4: ("ơ", .level, false)
    case 0xD4: ("ơ", .level, true)
    case 0xF6: ("ư", .level, false)
    case 0xD6: ("ư", .level, true)
    default: nil
    }
  }

  /// Decoding tables: the index of each byte that starts a markable letter (or -1), the
  /// letter it gives alone, and the letter it gives with each following byte (0: no mark).
  private struct Tables {
    var markableIndex = [Int8](repeating: -1, count: 256)
    var alone: [Unicode.Scalar] = []
    var combined: [UInt32] = []
    /// What a mark byte with no letter under it draws: up to two combining marks.
    var lone = [(UInt32, UInt32)](repeating: (0, 0), count: 256)
  }

  private static let tables: Tables = {
    var tables = Tables()
    for byte in 0...255 {
      guard let letter = markable(UInt8(byte)) else { continue }
      tables.markableIndex[byte] = Int8(tables.alone.count)
      tables.alone.append(
        VietnameseLetter.compose(base: letter.base, tone: letter.tone, uppercase: letter.upper)!)
      var row = [UInt32](repeating: 0, count: 256)
      for (markByte, mark) in marks {
        guard let marked = apply(mark, to: letter) else { continue }
        row[Int(markByte)] =
          VietnameseLetter.compose(base: marked.base, tone: marked.tone, uppercase: marked.upper)!.value
      }
      tables.combined += row
    }
    for (byte, mark) in marks {
      let vowelMark: UInt32 = mark.vowelMark == nil ? 0 : mark.vowelMark == "â" ? 0x302 : 0x306
      let tone = mark.tone.combiningMark?.value ?? 0
      tables.lone[Int(byte)] = vowelMark == 0 ? (tone, 0) : (vowelMark, tone)
    }
    return tables
  }()

  /// Decodes VNI-Windows bytes; never fails.
  public static func decode(_ bytes: some Collection<UInt8>) -> String {
    let tables = Self.tables
    let table = Self.table
    return bytes.withBytes { input in
      // A lone mark byte may give two combining marks: 4 UTF-8 bytes.
      UTF8Writer.string(capacity: input.count * 4) { output in
        var index = 0
        while index < input.count {
          let byte = input[index]
          index += 1
          let letter = Int(tables.markableIndex[Int(byte)])
          if letter >= 0 {
            if index < input.count {
              let combined = tables.combined[letter << 8 | Int(input[index])]
              if combined != 0 {
                output.append(Unicode.Scalar(combined)!)
                index += 1
                continue
              }
            }
            output.append(tables.alone[letter])
          } else if byte < 0x80 {
            output.append(byte)
          } else {
            let (first, second) = tables.lone[Int(byte)]
            if first == 0 {
              output.append(table[Int(byte)])
            } else {
              output.append(Unicode.Scalar(first)!)
              if second != 0 { output.append(Unicode.Scalar(second)!) }
            }
          }
        }
      }
    }
  }

  private static func apply(
    _ mark: Mark, to letter: (base: Unicode.Scalar, tone: Tone, upper: Bool)
  ) -> (base: Unicode.Scalar, tone: Tone, upper: Bool)? {
    var base = letter.base
    switch (mark.vowelMark, base) {
    case (nil, _): break
    case ("â", "a"): base = "â"
    case ("â", "e"): base = "ê"
    case ("â", "o"): base = "ô"
    case ("ă", "a"): base = "ă"
    default: return nil
    }
    return (base, mark.tone, letter.upper)
  }

  /// Encodes text as VNI-Windows (every Vietnamese letter fits); other characters VNI
  /// cannot hold become "?".
  public static func encode(_ text: String) -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(text.utf8.count + text.utf8.count / 4)
    for scalar in LegacyCodec.nfcScalars(text) {
      if scalar.value < 0x80 {
        bytes.append(UInt8(scalar.value))
      } else if let vowel = VietnameseLetter.vowel(scalar) {
        append(vowel, to: &bytes)
      } else if scalar == "đ" || scalar == "Đ" {
        bytes.append(scalar == "đ" ? 0xF1 : 0xD1)
      } else {
        bytes.append(reverse[scalar.value] ?? LegacyCodec.substitute)
      }
    }
    return bytes
  }

  private static func append(_ vowel: VietnameseLetter.Vowel, to bytes: inout [UInt8]) {
    let caseShift: UInt8 = vowel.uppercase ? 0x20 : 0
    let toneByte: [Tone: UInt8] = [.grave: 0xF8, .acute: 0xF9, .hook: 0xFB, .tilde: 0xF5, .dot: 0xEF]
    // One-byte toned letters: i with a tone, and ỵ.
    if let letter = VietnameseLetter.compose(base: vowel.base, tone: vowel.tone),
      let byte = oneByteLetters.first(where: { $0.value == letter })?.key
    {
      bytes.append(byte - caseShift)
      return
    }
    let vowelMark: Unicode.Scalar?
    switch vowel.base {
    case "ơ": bytes.append(0xF4 - caseShift); vowelMark = nil
    case "ư": bytes.append(0xF6 - caseShift); vowelMark = nil
    case "â", "ă": bytes.append(0x61 - caseShift); vowelMark = vowel.base
    case "ê": bytes.append(0x65 - caseShift); vowelMark = "â"
    case "ô": bytes.append(0x6F - caseShift); vowelMark = "â"
    default:
      bytes.append(UInt8(vowel.base.value) - caseShift)
      vowelMark = nil
    }
    if let vowelMark {
      let mark = marks.first { $0.key >= 0xE0 && $0.value.vowelMark == vowelMark && $0.value.tone == vowel.tone }
      bytes.append(mark!.key - caseShift)
    } else if let byte = toneByte[vowel.tone] {
      bytes.append(byte - caseShift)
    }
  }

  /// Whether VNI-Windows can write this character.
  public static func canEncode(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 || VietnameseLetter.vowel(scalar) != nil || scalar == "đ" || scalar == "Đ"
      || reverse[scalar.value] != nil
  }
}
