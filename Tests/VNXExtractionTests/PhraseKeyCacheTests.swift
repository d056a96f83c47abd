import Testing
import VNXLexicons

@testable import VNXExtraction

@Test(
  "Word-by-word keys equal whole-phrase keys",
  arguments: [
    "Hòa Bình", "Thừa Thiên Huế", "Ia Grai", "Phường 3", "Ea H'Leo", "Nông trường Mộc Châu",
    "Khánh Hoà", "thủy", "Quy Nhơn", "  two  spaces", "Hoa\u{300} Bình", "",
  ])
func cachedKeysMatch(_ phrase: String) {
  var cache = PhraseKeyCache()
  #expect(cache.keys(phrase[...]) == EntityLexicon.keys(phrase))
  // A second time, from the cache.
  #expect(cache.keys(phrase[...]) == EntityLexicon.keys(phrase))
}

@Test("Every gazetteer name gets the keys of the whole-phrase path")
func gazetteerNamesMatch() throws {
  var cache = PhraseKeyCache()
  var checked = 0
  for file in ["places/divisions-2024.tsv", "places/former-names-2024.tsv", "places/divisions-2025.tsv"] {
    for line in try LexiconDirectory.lines(file) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 5 else { continue }
      for spelling in Gazetteer.spellings(fields[3]) {
        #expect(cache.keys(spelling) == EntityLexicon.keys(spelling), "\(spelling)")
        checked += 1
      }
    }
  }
  #expect(checked > 14_000)
}

@Test("Plain words are letters and single spaces", arguments: [
  ("Hòa Bình", true), ("Phường 3", false), ("Ea H'Leo", false), (" Hòa", false), ("Hòa  Bình", false),
  ("Hòa ", false), ("Hoa\u{300}", true), ("\u{300}Hoa", false),
])
func plainWords(_ phrase: String, _ plain: Bool) {
  var phrase = phrase
  #expect(phrase.withUTF8 { PhraseKeyCache.isPlainWords($0) } == plain)
}

@Test("Numbered names get the other numeral system", arguments: [
  ("Hòa Tú II", ["Hòa Tú II", "Hòa Tú 2"]), ("Phường 3", ["Phường 3", "Phường III"]),
  ("NT Mộc Châu", ["NT Mộc Châu", "Nông trường Mộc Châu"]), ("Xã 11", ["Xã 11"]), ("Ia Grai", ["Ia Grai"]),
])
func spellings(_ name: String, _ expected: [String]) {
  #expect(Gazetteer.spellings(name[...]).map(String.init) == expected)
}
