import Foundation
import Testing
@testable import VNXText

/// corpus/encodings, found from this file: Tests/VNXTextTests → package root.
let encodingsCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpus/encodings")

let corpusArticles = ["lua-dong-xuan", "dai-hoi-chi-bo", "mua-lu"]

/// Each corpus form and the encoding detection must report for it.
let corpusForms: [(form: String, encoding: TextEncoding)] = [
  ("nfc", .utf8), ("nfd", .utf8), ("newtone", .utf8), ("cp1258", .windows1258), ("tcvn3", .tcvn3),
  ("vni", .vniWindows), ("viqr", .viqr), ("utf16le", .utf16LE),
]

func corpusBytes(_ name: String, _ form: String) throws -> [UInt8] {
  [UInt8](try Data(contentsOf: encodingsCorpus.appendingPathComponent("\(name).\(form).txt")))
}

@Test("Every corpus form is detected and decodes to the original", arguments: corpusArticles)
func detectsCorpusForms(_ name: String) throws {
  let original = String(decoding: try corpusBytes(name, "nfc"), as: UTF8.self)
  for (form, encoding) in corpusForms {
    let decoded = try TextDecoder().decode(try corpusBytes(name, form))
    #expect(decoded.encoding == encoding, "\(name).\(form)")
    #expect(decoded.detected)
    #expect(decoded.replacements == 0)
    let text = try ICU.nfc(decoded.text)
    switch form {
    case "newtone":
      #expect(text == String(decoding: try corpusBytes(name, form), as: UTF8.self))
      #expect(text != original)
    case "tcvn3":
      // TCVN3 has no capitals with a tone mark: some come back lowercase.
      #expect(sameUpToTCVN3Capitals(text, original), "\(name).\(form)")
    default:
      #expect(text == original, "\(name).\(form)")
    }
  }
}

@Test("Forcing the form's encoding decodes it too", arguments: corpusArticles)
func forcedCorpusForms(_ name: String) throws {
  let original = String(decoding: try corpusBytes(name, "nfc"), as: UTF8.self)
  for (form, encoding) in corpusForms where !["newtone", "tcvn3"].contains(form) {
    let decoded = try TextDecoder(forcedEncoding: encoding).decode(try corpusBytes(name, form))
    #expect(!decoded.detected)
    #expect(try ICU.nfc(decoded.text) == original, "\(name).\(form)")
  }
}

@Test("Short legacy snippets are detected", arguments: [
  ("Chi bộ thôn Khe Mây có 31 đảng viên.", TextEncoding.tcvn3),
  ("Chi bộ thôn Khe Mây có 31 đảng viên.", .vniWindows),
  ("Chi bộ thôn Khe Mây có 31 đảng viên.", .windows1258),
  ("Năng suất ước đạt 63,5 tạ/ha, sản lượng hơn 5.400 tấn thóc.", .tcvn3),
  ("Năng suất ước đạt 63,5 tạ/ha, sản lượng hơn 5.400 tấn thóc.", .vniWindows),
  ("Năng suất ước đạt 63,5 tạ/ha, sản lượng hơn 5.400 tấn thóc.", .windows1258),
  ("Năng suất ước đạt 63,5 tạ/ha, sản lượng hơn 5.400 tấn thóc.", .viqr),
])
func detectsSnippets(_ text: String, _ encoding: TextEncoding) throws {
  let decoded = try TextDecoder().decode(try TextEncoder.encode(text, as: encoding))
  #expect(decoded.encoding == encoding)
  #expect(try ICU.nfc(decoded.text) == text)
}

@Test("UTF-8 with a few invalid bytes stays UTF-8, with U+FFFD and a count")
func utf8WithBadBytesStaysUTF8() throws {
  var bytes = try corpusBytes("mua-lu", "nfc")
  bytes.insert(0xFF, at: 100)
  bytes.insert(contentsOf: [0xC3, 0x28], at: 500)  // truncated two-byte sequence
  bytes.append(contentsOf: [0xE1, 0xBB])  // truncated at the end
  let decoded = try TextDecoder().decode(bytes)
  #expect(decoded.encoding == .utf8)
  #expect(decoded.replacements == 3)
  #expect(decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 3)
  #expect(decoded.warnings.count == 1)
}

@Test("VIQR is not seen in English or plain ASCII", arguments: [
  "Is it true? Yes. The U.S. team won, i.e. they're back. Don't you see? We'll go at 5 a.m.",
  "Hello world. How are you? I'm fine, thanks. See http://example.com/a?b=c.",
  "Ha Noi, Viet Nam. Dan so 2.343 nguoi. Tong so diem: 10 trong 2 danh gia.",
  "for (i = 0; i < n; i++) { x += a[i] ^ b[i]; } // C++ code: a+b, o+c?",
  "Buddha, odd, address, Eddie's ladder. Oddly, add the caddie's fodder.",
  "",
])
func viqrFalsePositives(_ text: String) throws {
  let decoded = try TextDecoder().decode(Array(text.utf8))
  #expect(decoded.encoding == .utf8)
  #expect(decoded.text == text)
}

@Test("The candidate score counts valid syllables in non-ASCII words")
func scoresCandidates() {
  #expect(EncodingDetector.score("Việt Nam có 63 tỉnh") == 3)
  #expect(EncodingDetector.score("Viá»‡t Nam") == -1)
  #expect(EncodingDetector.score("Vi\u{FFFD}t") == -1)
  #expect(EncodingDetector.score("Vie\u{302}\u{323}t Nam") == 1)
}

@Test("Windows-1258 goes through ICU and composes to NFC")
func windows1258ThroughICU() throws {
  let bytes = try TextEncoder.encode("Đảng ủy xã Tân Hòa", as: .windows1258)
  #expect(bytes.contains(0xD2))  // combining hook above
  let decoded = try TextDecoder.decode(bytes, as: .windows1258)
  // Tones stay combining marks (Swift compares strings canonically, so compare scalars).
  #expect(!decoded.text.unicodeScalars.elementsEqual("Đảng ủy xã Tân Hòa".unicodeScalars))
  #expect(try ICU.nfc(decoded.text) == "Đảng ủy xã Tân Hòa")
}

/// Bytes of `encoding` read as Windows-1252 and saved as UTF-8.
func mojibake(_ text: String, _ encoding: TextEncoding) throws -> [UInt8] {
  let bytes = try TextEncoder.encode(text, as: encoding)
  let misread = String(String.UnicodeScalarView(bytes.map { byte in
    byte >= 0x80 && byte <= 0x9F ? LegacyCodec.windows1252High[Int(byte) - 0x80] : Unicode.Scalar(byte)
  }))
  return Array(misread.utf8)
}

@Test("Mojibake (read as Windows-1252, saved as UTF-8) is repaired", arguments: [
  TextEncoding.utf8, .tcvn3, .vniWindows, .windows1258,
])
func repairsMojibake(_ encoding: TextEncoding) throws {
  let original = String(decoding: try corpusBytes("lua-dong-xuan", "nfc"), as: UTF8.self)
  let decoded = try TextDecoder().decode(try mojibake(original, encoding))
  #expect(decoded.encoding == encoding)
  #expect(decoded.warnings.contains { $0.hasPrefix("repaired mojibake") })
  if encoding == .tcvn3 {
    #expect(sameUpToTCVN3Capitals(try ICU.nfc(decoded.text), original))
  } else {
    #expect(try ICU.nfc(decoded.text) == original)
  }
}

@Test("Latin-1 languages are not taken for mojibake", arguments: [
  "Le café où l'été déçoit: à côté, naïve Noël.", "Ein schönes Mädchen aß große Äpfel.",
  "Đây là tiếng Việt, không phải mojibake.", "北京 là thủ đô của Trung Quốc.",
])
func latinIsNotMojibake(_ text: String) throws {
  let decoded = try TextDecoder().decode(Array(text.utf8))
  #expect(decoded.encoding == .utf8)
  #expect(decoded.text == text)
}

@Test("Every article of corpus/articles decodes cleanly to Vietnamese")
func decodesArticleCorpus() throws {
  let folder = encodingsCorpus.deletingLastPathComponent().appendingPathComponent("articles")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
  for name in names where name.hasSuffix(".txt") || name.hasSuffix(".html") {
    let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    let decoded = try TextDecoder().decode(bytes)
    #expect(decoded.replacements == 0, "\(name)")
    #expect(EncodingDetector.score(try ICU.nfc(decoded.text)) > 100, "\(name) as \(decoded.encoding)")
  }
}

@Test("VIQR written by hand, without escapes, is detected")
func detectsHandWrittenVIQR() throws {
  let viqr = "Ha` No^.i la` thu? ddo^ cu?a nu+o+'c Vie^.t Nam. Da^n so^' tho^n Khe Ma^y ta(ng 5%."
  let decoded = try TextDecoder().decode(Array(viqr.utf8))
  #expect(decoded.encoding == .viqr)
  #expect(decoded.text == "Hà Nội là thủ đô của nước Việt Nam. Dân số thôn Khe Mây tăng 5%.")
}

/// Whether `decoded` is `original` except for capitals with a tone mark written lowercase.
func sameUpToTCVN3Capitals(_ decoded: String, _ original: String) -> Bool {
  let (decoded, original) = (Array(decoded.unicodeScalars), Array(original.unicodeScalars))
  return decoded.count == original.count
    && zip(decoded, original).allSatisfy { $0 == $1 || $0 == tcvn3Expected($1) }
}
