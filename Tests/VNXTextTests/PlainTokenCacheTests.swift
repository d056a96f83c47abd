import Testing
@testable import VNXText

private func verdict(_ token: String, _ style: ToneStyle = .old) -> UInt64 {
  let cache = PlainTokenCache(toneStyle: style)
  defer { cache.deallocate() }
  return Array(token.utf8).withUnsafeBufferPointer { cache.check($0) }
}

@Test(
  "A plain token's verdict is its count of continuation bytes",
  arguments: [
    ("của", 2), ("tỉnh,", 2), ("(Đảng", 3), ("cho", 0), ("2.343", 0), ("“Hòa", 3), ("người", 3),
    ("Nguyễn", 2), ("quý", 1), ("hoàn", 1), ("khuyến", 2), ("–", 2), ("10%", 0), ("UBND", 0),
  ])
func plainVerdicts(_ token: String, _ continuations: Int) {
  #expect(verdict(token) == UInt64(continuations))
}

@Test(
  "A token the fast path would change or not take is not plain",
  arguments: [
    "hoà", "thuỷ,", "baì", "Ðảng", "a&b", "a\u{7F}", "e\u{301}", "\u{301}", "\u{A0}", "😀", "\u{200B}",
    "\u{FF11}", "\u{2028}", "a\u{AD}b",
  ])
func notPlainVerdicts(_ token: String) {
  #expect(verdict(token) == PlainTokenCache.notPlain)
}

@Test("The tone style decides which oa/oe/uy syllables are plain")
func toneStyleVerdicts() {
  #expect(verdict("hòa", .old) == 1 && verdict("hòa", .new) == PlainTokenCache.notPlain)
  #expect(verdict("hoà", .new) == 1 && verdict("hoà", .old) == PlainTokenCache.notPlain)
}

private func skip(_ text: String, from start: Int = 0) -> (end: Int, continuations: Int) {
  var cache = PlainTokenCache(toneStyle: .old)
  defer { cache.deallocate() }
  var continuations = 0
  let end = Array(text.utf8).withUnsafeBufferPointer {
    cache.skip($0, from: start, continuations: &continuations)
  }
  return (end, continuations)
}

@Test("Skipping stops at the first token that is not plain, or before a separator run")
func skipStops() {
  let tail = " và một đoạn đủ dài ở cuối"
  // Every token before "hoà" is plain: the skip ends at its first byte.
  let text = "Sở Kế hoạch và Đầu tư tỉnh hoà" + tail
  let prefix = "Sở Kế hoạch và Đầu tư tỉnh "
  #expect(skip(text).end == prefix.utf8.count)
  #expect(skip(text).continuations == prefix.utf8.count - prefix.unicodeScalars.count)
  // Two spaces, a space before a line break, three line breaks: left to the fast path.
  for separator in ["  ", " \n", "\n\n\n", "\t", "\r\n", "\n "] {
    #expect(skip("Lai Châu" + separator + "Điện Biên" + tail).end == "Lai ".utf8.count)
  }
  #expect(skip("Lai Châu\n\nĐiện Biên" + tail).end > "Lai Châu\n\n".utf8.count)
  // A token of 16 bytes or more is not taken; one of 15 is.
  #expect(skip("Lai " + String(repeating: "x", count: 16) + tail).end == "Lai ".utf8.count)
  #expect(skip("Lai " + String(repeating: "ư", count: 7) + "x" + tail).end > 20)
  // The last 18 bytes are left to the fast path.
  #expect(skip("Lai Châu").end == 0)
}

@Test("Tables grow with the distinct tokens met, and every token is still found")
func tablesGrow() {
  // Thousands of distinct short and long tokens, twice: the second time every one is a hit.
  let tokens = (0..<6000).map { "đ\($0)" } + (0..<3000).map { "Đường\($0)x" }
  let text = (tokens + tokens).joined(separator: " ") + String(repeating: " đủ", count: 10)
  var cache = PlainTokenCache(toneStyle: .old)
  defer { cache.deallocate() }
  var continuations = 0
  let bytes = Array(text.utf8)
  let end = bytes.withUnsafeBufferPointer { cache.skip($0, from: 0, continuations: &continuations) }
  #expect(end > bytes.count - 30)
  #expect(cache.count == tokens.count + 1)
  let skipped = String(decoding: bytes[..<end], as: UTF8.self)
  #expect(continuations == end - skipped.unicodeScalars.count)
}

/// Bytes that need attention, and letters that do not, in every position of an eight-byte
/// word and of tokens that straddle two words.
private let specials = [
  "&", "\u{7F}", "\t", "\r", " ", "\n", "\u{A0}", "\u{301}", "Ð", "\u{200B}", "x", "1", "ư", "ệ",
  "😀", "&amp;", "\u{FF11}", ",", "\u{2013}",
]

@Test("A special byte at every position of a token, tokens of every length: fast and slow paths agree")
func everyPosition() {
  var normalizer = TextNormalizer()
  // The cache also for short texts.
  normalizer.plainTokenMinimum = 0
  for length in 1...18 {
    for position in 0..<length {
      for special in specials {
        let letters = Array("anhdươngtrườngquốcgiahoàbìnhx".unicodeScalars)
        var token = String(String.UnicodeScalarView(letters[0..<length]))
        let index = token.unicodeScalars.index(token.unicodeScalars.startIndex, offsetBy: position)
        token.unicodeScalars.replaceSubrange(index...index, with: special.unicodeScalars)
        // The token among plain ones, three times: a miss, then hits, at every alignment.
        let line = "Lai Châu \(token) Điện Biên \(token)\nSơn La \(token) x"
        let text = (0..<3).map { String(repeating: "a", count: $0) + line }.joined(separator: "\n\n")
        let paths = NormalizationPaths(normalizer, text)
        #expect(paths.sameText, "\(Array(text.unicodeScalars))")
        #expect(paths.sameRepairs)
        #expect(paths.sameOffsets, "\(Array(text.unicodeScalars))")
      }
    }
  }
}

@Test("Text in which few tokens are plain (decomposed) normalizes as without the cache")
func decomposedTextBacksOff() throws {
  var normalizer = TextNormalizer()
  normalizer.plainTokenMinimum = 0
  let words = ["Đảng", "bộ", "xã", "Bản", "Hon", "có", "166", "đảng", "viên", "hoà", "thuận"]
  let text = try ICU.nfd((0..<400).map { words[$0 * 7 % words.count] }.joined(separator: " "))
  let withCache = normalizer.normalize(text, repairsCharacters: true)
  let without = TextNormalizer().normalize(text, repairsCharacters: true)
  #expect(Array(withCache.text.utf8) == Array(without.text.utf8))
  #expect(withCache.repairs == without.repairs && withCache.offsets == without.offsets)
}
