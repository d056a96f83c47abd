/// Chooses the encoding of bytes that carry no BOM.
///
/// Valid UTF-8 is UTF-8 (one validation pass), unless it is VIQR: ASCII text whose words are
/// full of VIQR marks and read as Vietnamese syllables once decoded. Bytes that are not valid
/// UTF-8 are decoded on a sample (64 KB from the first non-ASCII byte) by every candidate —
/// UTF-8 with replacements, Windows-1258, TCVN3, VNI-Windows — and the candidate whose words
/// are most often valid Vietnamese syllables (`VietnameseSyllable`) decodes the whole input.
/// A UTF-8 file with a few bad bytes stays UTF-8: its Vietnamese words outscore the mojibake
/// any 8-bit reading makes of its multi-byte letters. Valid UTF-8 that is mojibake (another
/// encoding read as Windows-1252 and saved as UTF-8) is repaired (`MojibakeRepair`).
enum EncodingDetector {
  /// How many bytes the candidates are scored on.
  static let sampleSize = 65_536

  /// Candidates in order of preference when scores tie.
  static let candidates: [TextEncoding] = [.utf8, .windows1258, .tcvn3, .vniWindows]

  static func decode(_ bytes: [UInt8]) -> DecodedText {
    if let text = bytes.withUnsafeBufferPointer(UTF8Validation.string(validating:)) {
      if looksLikeVIQR(text) { return DecodedText(text: VIQRCodec.decode(text), encoding: .viqr) }
      if let repaired = MojibakeRepair.repair(text) { return repaired }
      return DecodedText(text: text, encoding: .utf8)
    }
    let encoding = bestCandidate(for: bytes)
    return (try? TextDecoder.decode(bytes, as: encoding)) ?? TextDecoder.utf8(bytes[...])
  }

  /// The candidate whose decoding of a sample of `bytes` scores best.
  static func bestCandidate(for bytes: [UInt8]) -> TextEncoding {
    let sample = sampleRange(bytes)
    var best = (encoding: TextEncoding.utf8, score: Int.min)
    for encoding in candidates {
      guard let decoded = try? TextDecoder.decode(Array(bytes[sample]), as: encoding) else { continue }
      let score = score(decoded.text)
      if score > best.score { best = (encoding, score) }
    }
    return best.encoding
  }

  /// `sampleSize` bytes starting a little before the first non-ASCII byte: ASCII reads the
  /// same in every candidate and decides nothing.
  static func sampleRange(_ bytes: [UInt8]) -> Range<Int> {
    let firstHigh = bytes.withUnsafeBufferPointer { $0.firstIndex { $0 >= 0x80 } } ?? 0
    var start = max(0, firstHigh - 256)
    // Start on a line or word boundary so no candidate begins mid-letter.
    while start > 0 && bytes[start - 1] != 0x20 && bytes[start - 1] != 0x0A && firstHigh - start < 512 {
      start -= 1
    }
    return start..<min(bytes.count, start + sampleSize)
  }

  /// +1 for each word with a non-ASCII letter that is a valid Vietnamese syllable, −1 for each
  /// such word that is not and for each U+FFFD. Words of ASCII letters read the same in every
  /// candidate and are not counted.
  static func score(_ text: String) -> Int {
    var score = 0
    var reader = VietnameseSyllable.LetterReader()
    var inWord = false
    var nonASCII = false
    var broken = false
    func finishWord() {
      if nonASCII {
        let valid = !broken && reader.finish().map(VietnameseSyllable.isValid) == true
        score += valid ? 1 : -1
      }
      reader = VietnameseSyllable.LetterReader()
      inWord = false
      nonASCII = false
      broken = false
    }
    for scalar in text.unicodeScalars {
      if isWordScalar(scalar) {
        inWord = true
        if scalar.value >= 0x80 { nonASCII = true }
        if !broken && !reader.read(scalar) { broken = true }
      } else {
        if inWord { finishWord() }
        if scalar == "\u{FFFD}" { score -= 1 }
      }
    }
    if inWord { finishWord() }
    return score
  }

  /// Letters, combining marks and the Latin-1 symbols that mis-decoded letters become;
  /// spaces, digits, ASCII and general punctuation end a word.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    switch value {
    case 0xA0, 0xD7, 0xF7, 0x2000...0x206F, 0x3000, 0xFEFF, 0xFFFD: return false
    default: return true
    }
  }

  // MARK: - VIQR

  /// Whether valid UTF-8 text is VIQR. Strong evidence only: a quarter of the words in the
  /// first 64 KB carry VIQR marks (Vie^.t, ddu+o+`ng), and decoding them yields valid
  /// syllables. English with "?", "." and contractions, or plain ASCII, does not qualify.
  static func looksLikeVIQR(_ text: String) -> Bool {
    var text = text
    let (words, markedWords, scanned) = text.withUTF8(countVIQRWords)
    guard markedWords >= 3, markedWords * 4 >= words else { return false }
    let sample = scanned > sampleSize ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(sampleSize))) : text
    return score(VIQRCodec.decode(sample)) * 2 >= markedWords
  }

  /// Words and VIQR-marked words in the first `sampleSize` scalars, and how many scalars were
  /// read (more than `sampleSize` when the text is longer). VIQR marks are ASCII, so the bytes
  /// are read as they are: every byte of a multi-byte scalar acts as one non-ASCII scalar would
  /// (it ends a word and marks nothing), and only lead bytes are counted as scalars.
  private static func countVIQRWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int) {
    var words = 0
    var markedWords = 0
    var inWord = false
    var marked = false
    var previous: Unicode.Scalar = " "
    var beforePrevious: Unicode.Scalar = " "
    var scanned = 0
    for byte in bytes {
      if byte & 0xC0 != 0x80 {
        scanned += 1
        if scanned > sampleSize { break }
      }
      let scalar = Unicode.Scalar(byte)
      let isLetter = byte < 0x80 && isWordScalar(scalar)
      if isLetter {
        if !inWord {
          words += 1
          inWord = true
          marked = false
        }
        // A tone mark between letters: Vie^.t, ngu+o+`i; dd starting a word: ddi.
        if !marked && (isMarkAfterVowel(previous, beforePrevious)
          || (previous == "d" || previous == "D") && (scalar == "d" || scalar == "D")
            && !isASCIILetter(beforePrevious))
        {
          marked = true
          markedWords += 1
        }
      } else if inWord, isMarkAfterVowel(scalar, previous), "^(+`~".unicodeScalars.contains(scalar) {
        // A vowel mark, grave or tilde, even at the end of a word: ca^`, la`.
        if !marked {
          marked = true
          markedWords += 1
        }
      } else if !(inWord && isMarkAfterVowel(scalar, previous)) && !VIQRCodec.isEscapable(scalar) {
        inWord = false
      }
      beforePrevious = previous
      previous = scalar
    }
    return (words, markedWords, scanned)
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 && isWordScalar(scalar)
  }

  /// Whether `mark` is a VIQR mark that the letter (or vowel mark) before it would take.
  private static func isMarkAfterVowel(_ mark: Unicode.Scalar, _ before: Unicode.Scalar) -> Bool {
    if VIQRCodec.toneMark(mark) != nil {
      return VIQRCodec.isVowel(before) || before == "^" || before == "(" || before == "+"
    }
    let lower = before.value >= 0x41 && before.value <= 0x5A ? Unicode.Scalar(UInt8(before.value + 0x20)) : before
    return VIQRCodec.marked(lower, mark) != nil
  }
}
