import Testing
@testable import VNXText

@Test("Every Vietnamese vowel in NFD is one table entry: ICU's NFC bytes and the letter's flags")
func everyDecomposedVowelHasAnEntry() throws {
  for vowel in VietnameseLetter.allVowels {
    let nfd = Array(try ICU.nfd(String(vowel)).utf8)
    guard nfd.count > 1 else { continue }
    // An ASCII letter, then one or two marks of U+0300-U+033F (two bytes, CC xx).
    #expect(nfd[0] < 0x80 && (nfd.count == 3 || nfd.count == 5) && nfd[1] == 0xCC)
    let entry = VietnameseComposition.entry(
      letter: nfd[0], first: nfd[2], second: nfd.count == 5 ? nfd[4] : nil)
    let bytes = Array(String(vowel).utf8)
    let length = Int(entry >> 32 & 0xFF)
    #expect(length == bytes.count, "\(vowel)")
    #expect((0..<length).map { UInt8(truncatingIfNeeded: entry >> (8 * UInt64($0))) } == bytes, "\(vowel)")
    #expect(UInt8(truncatingIfNeeded: entry >> 40) == NormalizedTextWriter.scalarFlags[Int(vowel.value)])
  }
}

@Test(
  "An entry for a letter and marks exactly when ICU composes them into one scalar",
  arguments: Array("aeiouyAEIOUYbdnqxN".utf8))
func entriesFollowICU(_ letter: UInt8) throws {
  let marks: [UInt32?] = [nil] + VietnameseComposition.marks + [0x308, 0x30B, 0x331]
  for first in marks.compactMap({ $0 }) {
    for second in marks {
      var scalars = [Unicode.Scalar(letter), Unicode.Scalar(first)!]
      if let second { scalars.append(Unicode.Scalar(second)!) }
      let text = String(String.UnicodeScalarView(scalars))
      let nfc = try ICU.nfc(text)
      let entry = VietnameseComposition.entry(
        letter: letter, first: UInt8(0x80 | first & 0x3F), second: second.map { UInt8(0x80 | $0 & 0x3F) })
      let vietnamese = "aeiouyAEIOUY".utf8.contains(letter)
        && VietnameseComposition.marks.contains(first)
        && second.map(VietnameseComposition.marks.contains) ?? true
      if vietnamese && nfc.unicodeScalars.count == 1 {
        let length = Int(entry >> 32 & 0xFF)
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: entry >> (8 * UInt64($0))) }
        #expect(bytes == Array(nfc.utf8), "\(scalars)")
      } else {
        #expect(entry == 0, "\(scalars) → \(Array(nfc.unicodeScalars))")
      }
    }
  }
}
