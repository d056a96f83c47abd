import Foundation
import Testing
@testable import VNXText

/// Unicode's NormalizationTest.txt, as Debian's `unicode-data` ships it (bzip2-compressed).
private let normalizationTestFile = "/usr/share/unicode/NormalizationTest.txt.bz2"

/// The five columns (source, NFC, NFD, NFKC, NFKD) of every test line of the file.
private func normalizationTestRows() throws -> [[String]] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bzcat")
  process.arguments = [normalizationTestFile]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
  return lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix("@") }.compactMap { line in
    let columns = line.split(separator: ";", omittingEmptySubsequences: false).prefix(5).map {
      String(String.UnicodeScalarView($0.split(separator: " ").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }))
    }
    return columns.count == 5 ? columns : nil
  }
}

@Test(
  "NFC path conforms to every line of every part of NormalizationTest.txt",
  .enabled(if: FileManager.default.fileExists(atPath: normalizationTestFile)))
func normalizationConformance() throws {
  let normalizer = TextNormalizer()
  func nfc(_ text: String) -> String { normalizer.normalize(text, repairsCharacters: false).text }
  var checked = 0
  var failures: [String] = []
  for columns in try normalizationTestRows() {
    checked += 1
    let ok =
      columns[1] == nfc(columns[0]) && columns[1] == nfc(columns[1]) && columns[1] == nfc(columns[2])
      && columns[3] == nfc(columns[3]) && columns[3] == nfc(columns[4])
    if !ok { failures.append(columns.joined(separator: ";")) }
  }
  #expect(checked > 19_000)
  #expect(failures.isEmpty, "\(failures.count) failing lines, first: \(failures.prefix(5))")
}

@Test(
  "Around decomposed Vietnamese letters, the fast path composes every NormalizationTest.txt column as the scalar-by-scalar path does",
  .enabled(if: FileManager.default.fileExists(atPath: normalizationTestFile)))
func fastPathConformance() throws {
  let normalizer = TextNormalizer()
  var checked = 0
  var failures: [String] = []
  for columns in try normalizationTestRows() {
    for column in [columns[0], columns[2]] {
      // The column's leading marks join an NFD letter's (the table must not take them), and
      // NFD letters follow it.
      let text = "Vie\u{323}\u{302}t a\u{301}" + column + "o\u{31B}\u{300}e\u{302} x"
      checked += 1
      if !NormalizationPaths(normalizer, text).agree { failures.append(columns.joined(separator: ";")) }
    }
  }
  #expect(checked > 38_000)
  #expect(failures.isEmpty, "\(failures.count) failing lines, first: \(failures.prefix(5))")
}
