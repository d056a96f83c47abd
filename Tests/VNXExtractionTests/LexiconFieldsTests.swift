import Testing
import VNXLexicons

@Test(
  "Lexicon fields are cut at every TAB, empty ones kept, as splitting by Character cuts them",
  arguments: [
    "", "\t", "xã", "xã\tBản Hon", "xã\t\tBản Hon", "\txã\t", "Lò Văn Phà\t\t\t", "a\u{301}\t\u{301}b",
    "tỉnh\tLai Châu\t12\tprovince\t\t",
  ])
func lexiconFieldsSplitAtTabs(_ line: String) {
  let fields = LexiconDirectory.fields(line[...]).map(String.init)
  let expected = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  #expect(fields == expected)
  #expect(fields.count == line.utf8.filter { $0 == 0x09 }.count + 1)
}

@Test("Every line of the gazetteer keeps its field count through the byte splitter")
func gazetteerLinesSplitLikeCharacters() throws {
  let files = ["places/divisions-2024.tsv", "places/divisions-2025.tsv"]
  for file in files {
    let lines = try LexiconDirectory.lines(file)
    #expect(lines.count > 1000)
    for line in lines {
      #expect(
        LexiconDirectory.fields(line) == line.split(separator: "\t", omittingEmptySubsequences: false))
    }
  }
}
