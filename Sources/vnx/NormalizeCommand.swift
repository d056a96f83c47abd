import ArgumentParser
import Foundation
import VNX

struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Decode files in any Vietnamese encoding and write normalized UTF-8 (NFC).",
    discussion: """
      Detects the encoding (UTF-8, UTF-16 with BOM, Windows-1258, TCVN3/ABC, VNI-Windows, \
      VIQR), decodes HTML character references, composes to NFC, puts tone marks in one \
      style, fixes stray characters (Ð for Đ, zero-width characters, odd spaces, CRLF) and \
      collapses spaces. The detected encoding is reported with --report.

      Examples:
        vnx normalize article.txt > clean.txt
        vnx normalize --encoding tcvn3 --report old.txt
        cat page.txt | vnx normalize --tone-style new
      """
  )

  @Argument(help: "Files to normalize (standard input when none, or '-').")
  var files: [String] = []

  @Option(help: "Force the input encoding instead of detecting it.")
  var encoding: TextEncoding?

  @Option(help: "Tone-mark placement: 'old' (hòa, thủy — most news sites) or 'new' (hoà, thuỷ).")
  var toneStyle: ToneStyle = .old

  @Flag(help: "Write the detected encoding and repair counts as JSON to stderr.")
  var report = false

  func run() throws {
    let decoder = TextDecoder(forcedEncoding: encoding)
    let normalizer = TextNormalizer(toneStyle: toneStyle)
    try InputFile.forEach(files) { input in
      var decoded = try decoder.decode(input.bytes)
      // The text is given away, so that text already normal is returned without a copy.
      let text = decoded.text
      decoded.text = ""
      let normalized = normalizer.normalize(taking: text)
      var output = normalized.text
      output.withUTF8 { DirectOutput.write($0) }
      if !output.isEmpty { [UInt8(0x0A)].withUnsafeBufferPointer { DirectOutput.write($0) } }
      for warning in decoded.warnings {
        FileHandle.standardError.write(Data("vnx: \(input.name): warning: \(warning)\n".utf8))
      }
      if report {
        let line = NormalizationReport(
          file: input.name, encoding: decoded.encoding.rawValue, detected: decoded.detected,
          replacements: decoded.replacements, repairs: normalized.repairs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardError.write(try encoder.encode(line) + Data("\n".utf8))
      }
    }
  }
}

/// What `vnx normalize --report` says about one file.
struct NormalizationReport: Encodable {
  let file: String
  let encoding: String
  let detected: Bool
  let replacements: Int
  let repairs: Repairs
}

/// Standard output written with `write(2)` straight from the caller's bytes: no copy into
/// `Data`, no per-line calls.
enum DirectOutput {
  static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard var next = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let written = Glibc.write(STDOUT_FILENO, next, left)
      if written < 0, errno == EINTR { continue }
      // A closed pipe or a full disk: nothing more can be written.
      guard written > 0 else { return }
      next += written
      left -= written
    }
  }
}
