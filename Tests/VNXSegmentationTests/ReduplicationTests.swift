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
