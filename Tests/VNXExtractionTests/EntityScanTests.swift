import Testing
import VNXSegmentation
import VNXText

@testable import VNXExtraction

@Test("Each cue's literal hash is the hash of its word", arguments: [
    (Cue.chi, "chi"),
    (Cue.bộ, "bộ"),
    (Cue.trường, "trường"),
    (Cue.số, "số"),
    (Cue.ngày, "ngày"),
    (Cue.tháng, "tháng"),
    (Cue.năm, "năm"),
    (Cue.các, "các"),
    (Cue.những, "những"),
    (Cue.hai, "hai"),
    (Cue.ba, "ba"),
    (Cue.và, "và"),
    (Cue.viên, "viên"),
    (Cue.kiêm, "kiêm"),
    (Cue.comma, ","),
    (Cue.dash, "-"),
    (Cue.enDash, "–"),
    (Cue.open, "("),
    (Cue.close, ")"),
    (Cue.slash, "/"),
    (Cue.colon, ":"),
    (Cue.đường, "đường"),
    (Cue.phố, "phố"),
    (Cue.trung, "trung"),
    (Cue.ương, "ương"),
    (Cue.trưởng, "trưởng"),
    (Cue.huyện, "huyện"),
    (Cue.quận, "quận"),
    (Cue.thị, "thị"),
    (Cue.tỉnh, "tỉnh"),
    (Cue.thành, "thành"),
    (Cue.phòng, "phòng"),
    (Cue.chống, "chống"),
    (Cue.công, "công"),
    (Cue.ty, "ty"),
    (Cue.việt, "việt"),
    (Cue.nam, "nam"),
])
func cueLiteralIsItsWordsHash(_ literal: UInt64, _ word: String) {
  #expect(literal == Cue.hash(word))
}

@Test(
  "The first-word mask finds every table a word starts an entry of",
  arguments: ["bản", "Xã", "huyện", "chi", "đồng", "Nguyễn", "UBND", "Bản", "Điện", "bí"])
func firstWordMaskCoversTables(_ word: String) {
  let hash = Cue.hash(word)
  let lexicon = EntityLexicon.standard
  let mask = FirstWordMask.standard.mask(hash)
  var expected: UInt16 = 0
  func check<V>(_ table: PhraseTable<V>) {
    if table.firstTokens.contains(hash) { expected |= table.bit }
  }
  check(lexicon.surnames)
  check(lexicon.honorifics)
  check(lexicon.roles)
  check(lexicon.bodies)
  check(lexicon.villagePrefixes)
  check(lexicon.adminPrefixes)
  check(lexicon.documentKinds)
  check(Gazetteer.standard.names)
  #expect(expected != 0)
  #expect(mask & expected == expected)
}

@Test(
  "Texts equal once lowercased have one folded hash",
  arguments: [("Bản Hon", "bản hon"), ("ĐIỆN BIÊN", "điện biên"), ("İ", "i\u{307}"), ("Ｈà", "ｈà")])
func foldedHashFollowsLowercased(_ a: String, _ b: String) {
  #expect(a.lowercased() == b.lowercased())
  func hash(_ text: String) -> UInt64 {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { EntityScan.foldedHash($0, 0..<$0.count) }
  }
  #expect(hash(a) == hash(b))
}

@Test(
  "A text and a token span compare as their lowercase strings do",
  arguments: [
    ("Bản Hon", "xã BẢN HON", 1..<3, true), ("Bản Hon", "xã Bản Hon Mới", 1..<3, true),
    ("Bản", "xã Bản Hon", 1..<3, false), ("Bản Hon", "xã Bản", 1..<2, false),
    ("Ｈà Nam", "tỉnh ｈà Nam", 1..<3, true), ("Hòa An", "xã Hoà An", 1..<3, false),
  ])
func lowercasedEqualsFollowsLowercased(
  _ text: String, _ sentence: String, _ range: Range<Int>, _ equal: Bool
) {
  var segmenter = VNXSegmentation.Segmenter(abbreviations: .standard, model: nil)
  segmenter.segmentsWords = false
  let scan = EntityScan(
    text: sentence, sentences: segmenter.sentences(in: sentence), tables: .standard)
  #expect(scan.lowercasedEquals(text, range) == equal)
  #expect((text.lowercased() == scan.lowercased(range)) == equal)
}
