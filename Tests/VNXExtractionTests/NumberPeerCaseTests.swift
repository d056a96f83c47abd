import Foundation
import Testing

@testable import VNXExtraction

/// Numeral cases harvested from peer projects (`../shared/data/peer-cases`, see its
/// EDGE_CASES.md). The tests skip cleanly when the shared folder is absent.
enum PeerCases {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/peer-cases")

  static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

  /// The rows of a TSV file after its comments and header, split on tabs.
  static func rows(_ path: String) -> [[String]] {
    guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    else { return [] }
    var rows: [[String]] = []
    var sawHeader = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("#") { continue }
      if !sawHeader {
        sawHeader = true
        continue
      }
      rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
    }
    return rows
  }

  /// A peer's written output ("1.5 tỷ", "-25037", "0.2 triệu") as a value, nil when it is
  /// not a plain number (the peer left the words unconverted or wrote a unit).
  static func writtenValue(_ text: String) -> Double? {
    let parts = text.split(separator: " ")
    guard let first = parts.first, var value = Double(first) else { return nil }
    for part in parts.dropFirst() {
      guard let scale = NumeralWords.scale(of: part) else { return nil }
      value *= scale
    }
    return value
  }
}

/// Rows where peers disagree with each other or read a form we read differently, with why.
let excludedNumeralCases: [String: String] = [
  "một trăm một": "ambiguous 101/110; NeMo refuses, we read the elided tens (110)",
  "ba nghìn năm": "NeMo refuses (năm may be 'year'); we read 3500",
  "bẩy ngàn năm": "NeMo refuses (năm may be 'year'); we read 7500",
  "sáu triệu năm": "NeMo refuses (năm may be 'year'); we read 6.5 triệu",
  "năm năm": "NeMo refuses (năm năm = five years); we read the pair 55",
  "ba năm": "NeMo refuses (ba năm = three years); we read the pair 35",
  "không mười": "vietnam-number quirk: a leading zero before mười",
  "ba mười hai": "vietnam-number reads 'mười' as a hundreds filler (312)",
  "năm mười bảy": "vietnam-number reads 'mười' as a hundreds filler (517)",
  "bốn mười ba tỷ triệu hai": "vietnam-number quirk: empty triệu group",
  "bốn mười ba tỷ triệu": "vietnam-number quirk: empty triệu group",
  "bốn mười ba tỷ triệu nghìn": "vietnam-number quirk: empty triệu group",
  "trăm nghìn hai mười ba": "vietnam-number reads 'mười' as a hundreds filler",
  "hai nghìn hai mười ba": "vietnam-number reads 'mười' as a hundreds filler",
  "mười nghìn hai mười ba": "vietnam-number reads 'mười' as a hundreds filler",
  "mười không": "vietnam-number quirk: a trailing zero after mười",
  "bốn hai mươi ba": "vietnam-number reads a bare digit as hundreds (423)",
  "triệu nghìn": "vietnam-number adds bare scales (1001000); we stack them",
  "thứ nhì": "an ordinal, not a quantity",
]

func peerRows(_ path: String, input: Int, expected: Int) -> [(String, Double)] {
  PeerCases.rows(path).compactMap { row in
    guard row.count > max(input, expected) else { return nil }
    let text = row[input].trimmingCharacters(in: .whitespaces)
    guard excludedNumeralCases[text] == nil else { return nil }
    // Currency readers take a unit after the number; the extractor tests cover units.
    if row.count > 2, row[2].hasPrefix("currency") { return nil }
    var written = row[expected]
    if written.hasPrefix("{"), let range = written.range(of: "\"value\":") {
      written = String(written[range.upperBound...].prefix(while: { "-0123456789.e".contains($0) }))
    }
    guard let value = PeerCases.writtenValue(written) else { return nil }
    return (text, value)
  }
}

@Test(
  "Peer numeral cases: Duckling, NeMo ITN cardinal/decimal, vietnam-number, vn-numberwords, Humanizer",
  .enabled(if: PeerCases.available))
func peerNumerals() {
  let sources: [(String, Int, Int)] = [
    ("duckling/numeral.tsv", 1, 2),
    ("nemo-text-processing/itn_cardinal.tsv", 0, 1),
    ("nemo-text-processing/itn_decimal.tsv", 0, 1),
    ("vietnam-number/w2n.tsv", 0, 1),
    ("vn-numberwords/words_to_number.tsv", 0, 1),
    ("humanizer/words_to_number.tsv", 0, 1),
  ]
  var checked = 0
  var failures: [String] = []
  for (path, input, expected) in sources {
    for (text, value) in peerRows(path, input: input, expected: expected) {
      // Duckling's K/M/G suffixes are not Vietnamese writing.
      if text.last.map({ "KMGk".contains($0) }) == true { continue }
      // Unaccented input (vn-numberwords) is not what the normalizer hands us.
      if !text.contains(where: { !$0.isASCII }) && !text.contains(where: \.isNumber) { continue }
      checked += 1
      let read = VietnameseNumber(text)?.value
      if read.map({ abs($0 - value) <= 1e-6 * max(1, abs(value)) }) != true {
        failures.append("\(path): \(text) → \(read.map { "\($0)" } ?? "nil"), expected \(value)")
      }
    }
  }
  print("peer numerals: \(checked - failures.count)/\(checked) read as the peer does")
  #expect(checked > 150)
  #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
}
