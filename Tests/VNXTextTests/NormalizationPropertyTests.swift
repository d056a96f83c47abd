import Testing
@testable import VNXText

/// Texts with every kind of repair, in both tone styles and both normalization forms.
private let samples: [String] = [
  "Đảng bộ xã Bản Hon có 166 đảng viên sinh hoạt tại 13 chi bộ.\n\nSản lượng đạt 2.343 tấn.",
  "  Ðồng chí Lò Văn Phà,\u{00A0}Bí thư Đảng uỷ xã\r\nphát biểu   tại Chi bộ 6 &amp; Chi bộ 7 ",
  "Hoà bình, khoẻ mạnh, thuỷ lợi, quý, giữ, thuở, hoàn, khuyến.\u{200B}\u{00AD}\t\t1\u{FF10}%",
  "Vie\u{302}\u{323}t Nam ho\u{300}a bi\u{300}nh \u{2028} x\u{E2}y du\u{31B}\u{323}ng   &#7897;",
  "\u{0301}bắt đầu bằng dấu; \u{1E9B}\u{0323} và ký tự lạ \u{FFFD} 😀 cuối",
]

@Test("Normalization is idempotent", arguments: samples)
func idempotent(_ text: String) {
  for style in ToneStyle.allCases {
    let normalizer = TextNormalizer(toneStyle: style)
    let once = normalizer.normalize(text).text
    #expect(normalizer.normalize(once).text == once)
  }
}

@Test("NFC and NFD forms of a text normalize identically", arguments: samples)
func formsAgree(_ text: String) throws {
  let nfc = try ICU.nfc(text)
  let nfd = try ICU.nfd(text)
  #expect(TextNormalizer().normalize(nfc).text == TextNormalizer().normalize(nfd).text)
  #expect(TextNormalizer().normalize(text).text == TextNormalizer().normalize(nfd).text)
}

@Test("Each normalized span maps back to the original text it came from", arguments: samples)
func offsetMapPointsBack(_ text: String) throws {
  let result = TextNormalizer().normalize(text)
  let original = Array(text.unicodeScalars)
  let normalized = Array(result.text.unicodeScalars)
  for (offset, scalar) in normalized.enumerated() where scalar.value > 0x20 {
    let back = result.offsets.originalOffset(offset)
    #expect(back < original.count)
    // The original scalar is the same one, or one it was repaired or composed from.
    let source = original[back]
    let scalarBase = try ICU.nfd(String(scalar)).unicodeScalars.first
    let sourceBase = try ICU.nfd(String(source)).unicodeScalars.first
    let sameBase = scalarBase == source || sourceBase == scalar || scalarBase == sourceBase
    let repairedEth = (source == "\u{D0}" && scalar == "Đ") || (source == "\u{F0}" && scalar == "đ")
    #expect(source == scalar || sameBase || repairedEth || !source.properties.isAlphabetic || scalar.value < 0x80,
      "normalized \(offset) '\(scalar)' maps to original \(back) '\(source)'")
  }
  // A word's span maps back to the span of the same word in the original.
  if let range = result.text.range(of: "Chi bộ 7") {
    let start = result.text.unicodeScalars.distance(from: result.text.startIndex, to: range.lowerBound)
    let back = result.offsets.originalRange(start..<(start + 8))
    #expect(String(String.UnicodeScalarView(original[back])) == "Chi bộ 7")
  }
}

@Test("The offset map of clean text is the identity, with one anchor")
func cleanTextMap() {
  let result = TextNormalizer().normalize("Đảng bộ xã Bản Hon\n\nTam Đường")
  #expect(result.offsets.anchorCount == 1)
  #expect(result.offsets.originalOffset(11) == 11)
}

@Test("The fast path for plain runs gives exactly what the scalar-by-scalar path gives")
func plainRunsAgree() {
  let pieces = [
    "Đảng", " ", "  ", "\n", "\n\n\n", "hoà", "hòa", "thuỷ", "quý", "baì", "e\u{302}\u{301}",
    "&agrave;", "&amp;", "\u{00A0}", "\u{200B}", "\r\n", "\t", "2.343", "tấn", "Ð", "\u{2028}",
    "người", "Nguyễn", "khuỷu", ",", ".", "\u{FF11}", "\u{301}", "x", "😀", "ủy", "A",
    "Vie\u{302}\u{323}t", "ho\u{300}a", "u\u{31B}o\u{31B}\u{300}i", "a\u{308}\u{301}", "\u{20D0}",
    "o\u{309}", "1\u{301}", "U\u{309}y", "e\u{302}\u{301}\u{301}", "\u{344}", "q\u{300}",
    "e\u{323}\u{302}", "a\u{300}\u{302}", "A\u{30B}", "o\u{31B}\u{301}\u{323}", "u\u{31B}\u{340}",
    "y\u{303}\u{20D0}", "i\u{309}\u{34F}", "\u{2000}", "n\u{303}",
  ]
  var generator = SystemRandomNumberGenerator()
  var normalizer = TextNormalizer()
  for round in 0..<3000 {
    // Every other text with plain tokens skipped through the cache.
    normalizer.plainTokenMinimum = round % 2 == 0 ? 0 : PlainTokenCache.minimumInput
    let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
      pieces.randomElement(using: &generator)!
    }.joined()
    let paths = NormalizationPaths(normalizer, text)
    #expect(paths.sameText, "\(Array(text.unicodeScalars))")
    #expect(paths.sameRepairs)
    #expect(paths.sameOffsets, "\(Array(text.unicodeScalars)) → \(Array(paths.fast.text.unicodeScalars))")
  }
}

/// Random Vietnamese-looking text: syllables with every vowel and tone, with separators
/// both clean and in need of repair.
private func randomVietnamese(words: Int, using generator: inout some RandomNumberGenerator) -> String {
  let onsets = ["", "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "t", "th", "tr", "x", "Đ", "H", "Qu", "TH"]
  let codas = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
  let separators = [" ", " ", " ", " ", "\n", "\n\n", ", ", ". ", "  ", " \n", "\r\n", "\u{00A0}", "\n\n\n", " - ", "(", ") "]
  let vowels = VietnameseLetter.allVowels
  var text = ""
  for _ in 0..<words {
    text += onsets.randomElement(using: &generator)!
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      text.unicodeScalars.append(vowels.randomElement(using: &generator)!)
    }
    text += codas.randomElement(using: &generator)!
    text += separators.randomElement(using: &generator)!
  }
  return text
}

@Test("The fast path agrees with the scalar-by-scalar path on random Vietnamese text, NFC and NFD", arguments: ToneStyle.allCases)
func fastPathAgreesOnVietnamese(_ style: ToneStyle) throws {
  var generator = SystemRandomNumberGenerator()
  var normalizer = TextNormalizer(toneStyle: style)
  for round in 0..<300 {
    normalizer.plainTokenMinimum = round % 2 == 0 ? 0 : PlainTokenCache.minimumInput
    let text = randomVietnamese(words: Int.random(in: 1...40, using: &generator), using: &generator)
    // NFC, NFD, and a mix: one form per word.
    let mixed = text.split(separator: " ", omittingEmptySubsequences: false).map {
      Bool.random(using: &generator) ? try! ICU.nfd(String($0)) : String($0)
    }.joined(separator: " ")
    for form in [try ICU.nfc(text), try ICU.nfd(text), mixed] {
      let paths = NormalizationPaths(normalizer, form)
      #expect(paths.sameText, "\(Array(form.unicodeScalars))")
      #expect(paths.sameRepairs)
      #expect(paths.sameOffsets)
      // Normalizing again changes nothing, and text without repairs comes back as it is.
      let again = normalizer.normalize(paths.fast.text)
      #expect(again.text == paths.fast.text && again.repairs.isEmpty && again.offsets.anchorCount == 1)
    }
  }
}
