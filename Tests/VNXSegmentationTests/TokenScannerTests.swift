import Testing
import VNXSegmentation

/// The text of each token of `text`, with its kind.
func tokenize(_ text: String) -> [(String, TokenKind)] {
  let scalars = Array(text.unicodeScalars)
  return Segmenter(abbreviations: .standard, model: nil).tokens(in: text).map { token in
    var string = String.UnicodeScalarView()
    string.append(contentsOf: scalars[token.start..<token.end])
    return (String(string), token.kind)
  }
}

@Test(
  "Each token kind is recognized as one token",
  arguments: [
    ("đảng", TokenKind.word), ("H'Mông", .word), ("F-16", .word), ("Nga-Mỹ", .word),
    ("PS4", .word), ("53S5", .word), ("4K", .word),
    ("2.343", .number), ("100,5", .number), ("1.234,5", .number), ("60.542.000", .number),
    ("100,000,000", .number), ("15/20", .number),
    ("100,5%", .percent), ("20%", .percent),
    ("22/9/2017", .date), ("25-10-2017", .date), ("5-2002", .date), ("6/2", .date),
    ("2004/09/15", .date), ("7.3.2014", .date), ("2/2014", .date),
    ("08:41", .time), ("08:41:40", .time), ("7h30", .time), ("19h", .time),
    ("18-KL/TW", .documentCode), ("1234/QĐ-UBND", .documentCode),
    ("05/2017/NĐ-CP", .documentCode), ("37-NQ/TW", .documentCode),
    ("TP.", .abbreviation), ("PGS.TS.", .abbreviation), ("Th.S", .abbreviation),
    ("ThS.", .abbreviation), ("v.v...", .abbreviation), ("v.v.", .abbreviation),
    ("TP.HCM", .abbreviation), ("T.T.M.", .abbreviation),
    (",", .punctuation), ("...", .punctuation), ("…", .punctuation), ("./.", .punctuation),
    ("“", .punctuation), ("?!", .punctuation), ("(", .punctuation),
    ("$", .symbol), ("+", .symbol), ("==>", .symbol), (":))", .symbol), ("<3", .symbol),
    ("https://baodautu.vn/tin-tuc.html", .url), ("www.nhandan.vn", .url), ("baodautu.vn", .url),
    ("ftp://mp3.zing.vn", .url), ("vinh@zing.com.vn", .email),
  ])
func singleToken(_ text: String, _ kind: TokenKind) {
  let tokens = tokenize(text)
  #expect(tokens.count == 1, "\(tokens)")
  #expect(tokens.first?.0 == text)
  #expect(tokens.first?.1 == kind)
}

@Test(
  "Token boundaries in running text",
  arguments: [
    ("giá 140.000đ/kg", "giá|140.000|đ|/|kg"),
    ("1.600m-2.000m", "1.600|m|-|2.000|m"),
    ("giai đoạn 2010-2015", "giai|đoạn|2010|-|2015"),
    ("(baodautu.vn) Trao", "(|baodautu.vn|)|Trao"),
    ("UBND. HĐND. TP.", "UBND|.|HĐND|.|TP."),
    ("phát triển.Tuy nhiên", "phát|triển|.|Tuy|nhiên"),
    ("ngày 22/9/2017-25/9/2017", "ngày|22/9/2017|-|25/9/2017"),
    ("\"sự gây hấn\",", "\"|sự|gây|hấn|\"|,"),
    ("Q.1, TP.HCM.", "Q.|1|,|TP.HCM|."),
    ("Tàu Apolo-2 và 49X-6666", "Tàu|Apolo-2|và|49X-6666"),
    ("tăng 20 %", "tăng|20|%"),
    ("COVID-19 và km/h", "COVID-19|và|km|/|h"),
    ("việt đẹp mã.ftp://mp3.zing.vn", "việt|đẹp|mã|.|ftp://mp3.zing.vn"),
  ])
func boundaries(_ text: String, _ expected: String) {
  #expect(tokenize(text).map(\.0).joined(separator: "|") == expected)
}

@Test("Offsets are Unicode scalars, with UTF-8 offsets beside them")
func offsets() {
  let text = "Đắk Lắk: 100,5%"
  let tokens = Segmenter(abbreviations: .standard, model: nil).tokens(in: text)
  #expect(tokens.map(\.start) == [0, 4, 7, 9])
  #expect(tokens.map(\.end) == [3, 7, 8, 15])
  let utf8 = Array(text.utf8)
  #expect(String(decoding: utf8[tokens[3].utf8Start..<tokens[3].utf8End], as: UTF8.self) == "100,5%")
  #expect(String(decoding: utf8[tokens[1].utf8Start..<tokens[1].utf8End], as: UTF8.self) == "Lắk")
}

@Test("Blank and empty inputs give no tokens", arguments: ["", " ", "\n\t \r\n", "\u{A0}"])
func blanks(_ text: String) {
  #expect(tokenize(text).isEmpty)
}
