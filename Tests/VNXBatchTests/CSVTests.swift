import Testing
@testable import VNXBatch

@Test(
  "RFC 4180 quoting: commas, quotes and line breaks are quoted, quotes doubled",
  arguments: [
    (["Hà Giang", "2.343"], "Hà Giang,2.343\r\n"),
    (["a,b", "c"], "\"a,b\",c\r\n"),
    (["\"Bản Hon\" xã", nil], "\"\"\"Bản Hon\"\" xã\",\r\n"),
    (["dòng 1\ndòng 2", ""], "\"dòng 1\ndòng 2\",\r\n"),
  ] as [([String?], String)])
func csvRow(_ fields: [String?], _ line: String) {
  #expect(CSV.row(fields) == line)
  #expect(CSV.parse(line) == [fields.map { $0 ?? "" }])
}

@Test("Numbers print without a useless .0", arguments: [(1_200_000_000.0, "1200000000"), (3.5, "3.5"), (0.25, "0.25")])
func csvNumber(_ value: Double, _ text: String) { #expect(CSV.number(value) == text) }

@Test("Content hashes read back from their hex form")
func contentHashHex() {
  let hash = ContentHash(of: Array("Lai Châu".utf8))
  #expect(ContentHash(hex: hash.description) == hash)
  #expect(ContentHash(hex: "xyz") == nil)
}

@Test(
  "Numbers go into rows as CSV.number writes them",
  arguments: [
    (-42.0, "-42"), (0.0, "0"), (1_200_000_000.0, "1200000000"), (3.5, "3.5"), (-0.25, "-0.25"),
    (1e20, "1e+20"), (9_223_372_036.0, "9223372036"),
  ])
func csvRowNumbers(_ value: Double, _ text: String) {
  var rows = CSV.Rows()
  rows.field(value)
  rows.field(Int(exactly: value))
  rows.field(nil as Double?)
  rows.endRow()
  let integer = Int(exactly: value).map(String.init) ?? ""
  #expect(String(decoding: rows.bytes, as: UTF8.self) == "\(text),\(integer),\r\n")
  #expect(CSV.number(value) == text)
}
