import Foundation
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
    (Cue.vì, "vì"),
    (Cue.thư, "thư"),
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

/// A scan of `text` with the segmenter's tokens only (no word model).
private func scan(_ text: String) -> EntityScan {
  var segmenter = VNXSegmentation.Segmenter(abbreviations: .standard, model: nil)
  segmenter.segmentsWords = false
  return EntityScan(text: text, sentences: segmenter.sentences(in: text), tables: .standard)
}

private let scanSamples = [
  "Đồng chí Lò Văn Phà, Bí thư Đảng ủy xã Bản Hon dự sinh hoạt tại Chi bộ 4 (bản Đông Pao).",
  "Ngày 22/9/2017, UBND tỉnh ban hành Quyết định số 1234/QĐ-UBND; tháng 5/2019 có 2.343 hộ.",
  "HĐND HUYỆN Tam Đường họp\nông Nguyễn Văn A phát biểu, 35% hộ nghèo ở thôn 3.",
  "Anh Ksor Bloh và H’Hen Niê (buôn Ma Đuk) nhận 10 triệu đồng từ Hội Nông dân xã Ia Grai.",
]

@Test("Each token's facts byte keeps its kind and states its case and digits", arguments: scanSamples)
func tokenFactsDescribeTheirTokens(_ text: String) {
  let scan = scan(text)
  let scalars = Array(text.unicodeScalars)
  var segmenter = VNXSegmentation.Segmenter(abbreviations: .standard, model: nil)
  segmenter.segmentsWords = false
  let tokens = segmenter.sentences(in: text).flatMap(\.tokens)
  #expect(tokens.count == scan.tokens.count)
  for (index, token) in tokens.enumerated() {
    let span = scan.tokens[index]
    let offsets: [Int] = [span.start, span.end, span.utf8Start, span.utf8End]
    #expect(offsets == [token.start, token.end, token.utf8Start, token.utf8End])
    let facts = scan.facts[index]
    let word = scalars[token.start..<token.end]
    let isUpper = word.map { $0.properties.isUppercase }
    let isLower = word.map { $0.properties.isLowercase }
    #expect(facts.kind == token.kind)
    #expect(facts.isWord == (token.kind == .word || token.kind == .abbreviation))
    #expect(facts.capitalized == (isUpper.first ?? false), "\(String(String.UnicodeScalarView(word)))")
    #expect(facts.allUpper == (isUpper.filter { $0 }.count >= 2 && !isLower.contains(true)))
    #expect(facts.isDigits == (token.kind == .number && word.allSatisfy { $0.value &- 0x30 < 10 }))
  }
}

@Test("Every token kind survives the facts byte", arguments: TokenKind.allCases)
func tokenFactsKeepEveryKind(_ kind: TokenKind) {
  for flags in 0..<16 {
    let facts = EntityScan.TokenFacts(
      kind: kind, capitalized: flags & 1 != 0, allUpper: flags & 2 != 0, isDigits: flags & 4 != 0)
    #expect(facts.kind == kind)
    #expect(facts.capitalized == (flags & 1 != 0))
    #expect(facts.allUpper == (flags & 2 != 0))
    #expect(facts.isDigits == (flags & 4 != 0))
  }
}

@Test("Interest bits are those each recognizer's start test accepts", arguments: scanSamples)
func interestBitsFollowTheStartTests(_ text: String) {
  let scan = scan(text)
  let lexicon = EntityLexicon.standard
  let places = lexicon.villagePrefixes.bit | lexicon.adminPrefixes.bit
  let people = lexicon.honorifics.bit | lexicon.qualifications.bit
  for index in scan.tokens.indices {
    let hash = scan.hashes[index]
    let mask = FirstWordMask.standard.mask(hash)
    let facts = scan.facts[index]
    var expected: UInt8 = 0
    if mask & places != 0 || hash == Cue.chi { expected |= Interest.places }
    if mask & lexicon.bodies.bit != 0 { expected |= Interest.organizations }
    if facts.capitalized || mask & people != 0 { expected |= Interest.people }
    if facts.capitalized, facts.isWord, mask & Gazetteer.standard.names.bit != 0 {
      expected |= Interest.contextPlaces
    }
    if facts.kind == .date || facts.kind == .documentCode
      || (facts.kind == .word && (hash == Cue.tháng || hash == Cue.ngày))
    {
      expected |= Interest.dates
    }
    #expect(scan.masks[index] == mask)
    #expect(scan.interest[index] == expected, "token \(index) of \(text)")
  }
}

@Test("A line break ends a token's sentence span", arguments: scanSamples)
func sentenceSpansEndAtLineBreaks(_ text: String) {
  let scan = scan(text)
  let bytes = Array(text.utf8)
  for index in scan.tokens.indices {
    let start = scan.sentenceStart(index)
    let end = scan.limit(index)
    #expect(start <= index && index < end)
    // No line break between the tokens of one span, one before its first token unless it
    // starts a segmenter sentence.
    for inner in start + 1..<end {
      let gap = bytes[scan.tokens[inner - 1].utf8End..<scan.tokens[inner].utf8Start]
      #expect(!gap.contains(0x0A))
    }
  }
  if text.contains("\n") {
    #expect(scan.tokens.indices.contains { scan.limit($0) < scan.tokens.count && scan.sentenceStart($0) == 0 })
  }
}

/// Each token's facts byte, hash and sentence span as `EntityScan.scanTokens` reads them, from
/// the segmenter's scalars or (`handOver` false) from the UTF-8.
private func tokenReading(_ text: String, _ sentences: [Sentence], handOver: Bool)
  -> (facts: [UInt8], hashes: [UInt64], spans: [Int32])
{
  let count = sentences.reduce(0) { $0 + $1.tokens.count }
  let tokens = UnsafeMutableBufferPointer<EntityScan.TokenSpan>.allocate(capacity: count)
  let facts = UnsafeMutableBufferPointer<EntityScan.TokenFacts>.allocate(capacity: count)
  let hashes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
  let spans = UnsafeMutableBufferPointer<EntityScan.SentenceSpan>.allocate(capacity: count)
  defer {
    tokens.deallocate()
    facts.deallocate()
    hashes.deallocate()
    spans.deallocate()
  }
  let bytes = Array(text.utf8)
  let scalars = sentences.first?.textScalars.values ?? []
  bytes.withUnsafeBufferPointer { buffer in
    scalars.withUnsafeBufferPointer { scalars in
      EntityScan.scanTokens(
        sentences, buffer, handOver ? scalars : nil, into: tokens.baseAddress!,
        facts.baseAddress!, hashes.baseAddress!, spans.baseAddress!)
    }
  }
  return (facts.map(\.bits), Array(hashes), spans.flatMap { [$0.start, $0.end] })
}

/// The plain texts of the team corpus, normalized (empty when the corpus is absent).
private let corpusTexts: [String] = {
  let files = (try? FileManager.default.contentsOfDirectory(atPath: Corpus.folder.path)) ?? []
  return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
    guard let text = try? String(contentsOf: Corpus.folder.appendingPathComponent(name), encoding: .utf8)
    else { return nil }
    return TextNormalizer().normalize(text).text
  }
}()

@Test(
  "Tokens read from the segmenter's scalars get the facts, hashes and spans read from the UTF-8",
  arguments: scanSamples + [
    "İSTANBUL, K’BANG và H‘Mông, Ｈà Nội ǅ ẞ Ĺ Ÿ Ǎ Ω Д Ⅳ – “Điện Biên” … 😀 x\u{301}", "",
  ])
func scalarsAndUTF8ReadTokensAlike(_ text: String) {
  for segmenter in [VNXSegmentation.Segmenter(), VNXSegmentation.Segmenter(abbreviations: .standard, model: nil)] {
    let sentences = segmenter.sentences(in: text)
    if !text.isEmpty { #expect(sentences[0].textScalars.values.count == text.unicodeScalars.count) }
    let fromScalars = tokenReading(text, sentences, handOver: true)
    let fromUTF8 = tokenReading(text, sentences, handOver: false)
    #expect(fromScalars.facts == fromUTF8.facts)
    #expect(fromScalars.hashes == fromUTF8.hashes)
    #expect(fromScalars.spans == fromUTF8.spans)
  }
}

@Test("The team corpus's tokens read alike from the segmenter's scalars and from the UTF-8")
func scalarsAndUTF8ReadCorpusAlike() {
  #expect(corpusTexts.count > 20 || !Corpus.available)
  let segmenter = VNXSegmentation.Segmenter()
  for text in corpusTexts {
    let sentences = segmenter.sentences(in: text)
    let fromScalars = tokenReading(text, sentences, handOver: true)
    let fromUTF8 = tokenReading(text, sentences, handOver: false)
    #expect(fromScalars.facts == fromUTF8.facts && fromScalars.hashes == fromUTF8.hashes)
  }
}

@Test(
  "Narrowing keeps the divisions that pass, in order, and all of them when none passes",
  arguments: [
    ([4, 7, 9, 2, 8], [7, 9, 8]),
    ([7, 9], [7, 9]),
    ([1, 2, 3], [1, 2, 3]),
    ([6], [6]),
    ([], []),
  ] as [([Int32], [Int32])])
func narrowsInPlace(_ pool: [Int32], _ kept: [Int32]) {
  var narrowed = pool
  EntityScan.narrow(&narrowed) { $0 > 5 }
  #expect(narrowed == kept)
  // The same as the filter it replaces.
  let filtered = pool.filter { $0 > 5 }
  #expect(narrowed == (filtered.isEmpty ? pool : filtered))
}

@Test(
  "The per-token buffers share one allocation without overlapping, each slot aligned",
  arguments: scanSamples + ["", "xã"])
func tokenBuffersTileOneAllocation(_ text: String) {
  let scan = scan(text)
  let count = scan.tokens.count
  /// The byte range of a buffer of `slots` slots starting at `start`.
  func bytes<T>(_ start: UnsafeMutablePointer<T>?, _ slots: Int) -> Range<Int> {
    let address = Int(bitPattern: start)
    #expect(address % MemoryLayout<T>.alignment == 0)
    return address..<address + slots * MemoryLayout<T>.stride
  }
  let ranges = [
    bytes(scan.hashes.baseAddress, count), bytes(scan.tokens.baseAddress, count),
    bytes(scan.sentenceSpans.baseAddress, count), bytes(scan.placeAt.baseAddress, count),
    bytes(scan.masks.baseAddress, count), bytes(scan.facts.baseAddress, count),
    bytes(scan.claims.baseAddress, count), bytes(scan.interest, count + 8),
    bytes(UnsafeMutablePointer(mutating: scan.bytes.baseAddress), scan.bytes.count),
  ]
  for (index, range) in ranges.enumerated().dropFirst() {
    #expect(range.lowerBound == ranges[index - 1].upperBound, "buffer \(index) is not next")
  }
  #expect(
    ranges.last!.upperBound - ranges[0].lowerBound
      == count * EntityScan.bytesPerToken + 8 + text.utf8.count)
  #expect(Array(scan.bytes) == Array(text.utf8))
  #expect((0..<count).allSatisfy { scan.claims[$0] == .none && scan.placeAt[$0] == -1 })
  #expect((0..<8).allSatisfy { scan.interest[count + $0] == 0xFF })
}
