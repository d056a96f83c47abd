import Testing
@testable import VNXSegmentation

@Test(
  "Onset and toneless rhyme of a syllable",
  arguments: [
    ("lấp", "l", "âp"), ("lánh", "l", "anh"), ("gia", "gi", "a"), ("giữ", "gi", "ư"),
    ("gìn", "g", "in"), ("gì", "g", "i"), ("quê", "qu", "ê"), ("nghiêng", "ngh", "iêng"),
    ("ầm", "", "âm"), ("Đỏ", "đ", "o"), ("ƯỚT", "", "ươt"),
  ])
func syllableParts(_ syllable: String, _ onset: String, _ rhyme: String) {
  let parts = Reduplication.parts(of: syllable)
  #expect(parts.onset == Reduplication.parts(of: onset + "a").onset)
  #expect(parts.rhyme == Reduplication.parts(of: "b" + rhyme).rhyme)
}

@Test(
  "Reduplicative pairs echo each other; other pairs do not",
  arguments: [
    ("lung", "linh", Reduplication.sameOnset), ("lơ", "thơ", Reduplication.sameRhyme),
    ("rít", "rịt", Reduplication.sameOnset | Reduplication.sameRhyme),
    ("đảng", "viên", 0),
  ])
func echoes(_ first: String, _ second: String, _ expected: UInt8) {
  let text = first + " " + second
  let scalars = ScalarBuffer.scalars(of: text)
  let echo = scalars.withUnsafeBufferPointer { buffer in
    var scanner = TokenScanner(scalars: buffer, abbreviations: .standard)
    scanner.scan()
    return SyllableSequence(scanner.tokens, buffer, offset: 0).echoes[1]
  }
  #expect(echo == expected)
}

@Test(
  "The segmenter reads the same onset and rhyme as Reduplication.Parts, letter by letter",
  arguments: [
    "lấp lánh gia giữ gìn gì quê quốc qu q g gi giạ nghiêng ầm Đỏ ƯỚT GIA QUÊ Gìn",
    "H'Mông F-16 Nga-Mỹ E&C đđ bcd ươi quyên quyết giếng gỉ gịt x ỵ Ƴ a1b 4K qưa guốc",
  ])
func segmenterReadsParts(_ text: String) {
  let scalars = ScalarBuffer.scalars(of: text)
  scalars.withUnsafeBufferPointer { buffer in
    var scanner = TokenScanner(scalars: buffer, abbreviations: .standard)
    scanner.scan()
    let facts = TokenSyllables(scanner.tokens, buffer, offset: 0).facts
    for (token, fact) in zip(scanner.tokens, facts) where token.kind == .word {
      let word = String(String.UnicodeScalarView(
        buffer[token.start..<token.end].map { Unicode.Scalar($0)! }))
      let parts = Reduplication.parts(of: word)
      #expect(fact.onset == parts.onset, "\(word)")
      #expect(fact.rhyme == parts.rhyme, "\(word)")
    }
  }
}
