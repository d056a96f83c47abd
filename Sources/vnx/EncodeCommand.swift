import ArgumentParser
import Foundation
import VNX

/// `vnx encode` (hidden): writes text in the forms and legacy encodings vnx reads, to build
/// the encoded corpus (`corpus/encodings/`) and to test decoding by hand.
struct EncodeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "encode",
    abstract: "Write UTF-8 text in another form or encoding (corpus generator).",
    discussion: """
      With --form, writes FILE (UTF-8) in that form to standard output. With --corpus DIR, \
      writes every form of each DIR/NAME.nfc.txt as DIR/NAME.FORM.txt. With --detect, decodes \
      each FILE and prints the detected encoding, replacements and decoding throughput.
      """,
    shouldDisplay: false
  )

  /// The forms of a corpus article, named as in its file names.
  enum Form: String, CaseIterable, ExpressibleByArgument {
    case nfc, nfd, newtone, cp1258, tcvn3, vni, viqr, utf16le

    func bytes(of text: String) throws -> [UInt8] {
      switch self {
      case .nfc: return Array(try ICU.nfc(text).utf8)
      case .nfd: return Array(text.decomposedStringWithCanonicalMapping.utf8)
      case .newtone:
        // Normalization may drop the final line break; the corpus form keeps the file's lines.
        let moved = TextNormalizer(toneStyle: .new).normalize(text).text
        return Array((text.hasSuffix("\n") && !moved.hasSuffix("\n") ? moved + "\n" : moved).utf8)
      case .cp1258: return try TextEncoder.encode(text, as: .windows1258)
      case .tcvn3: return try TextEncoder.encode(text, as: .tcvn3)
      case .vni: return try TextEncoder.encode(text, as: .vniWindows)
      case .viqr: return try TextEncoder.encode(text, as: .viqr)
      case .utf16le: return try TextEncoder.encode(text, as: .utf16LE)
      }
    }
  }

  @Option(help: "The form to write: \(Form.allCases.map(\.rawValue).joined(separator: ", ")).")
  var form: Form?

  @Option(help: "Regenerate every form of each NAME.nfc.txt in this folder.")
  var corpus: String?

  @Flag(help: "Instead, decode each FILE and report the detected encoding and throughput.")
  var detect = false

  @Argument(help: "A UTF-8 text file (with --form), or files to decode (with --detect).")
  var files: [String] = []

  /// CPU time of the calling thread, in seconds.
  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  func run() throws {
    if detect {
      for file in files {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let start = (wall: ContinuousClock.now, cpu: Self.threadCPUSeconds())
        let decoded = try TextDecoder().decode(bytes)
        let wall = (ContinuousClock.now - start.wall) / .seconds(1)
        let cpu = Self.threadCPUSeconds() - start.cpu
        let megabytes = Double(bytes.count) / 1_000_000
        // CPU time is the steadier figure on a shared machine; wall time is what a user waits.
        print(
          "\(file)\t\(decoded.encoding.rawValue)\t\(decoded.replacements) replaced\t"
            + "\(bytes.count) bytes\t\(String(format: "%.0f", megabytes / max(cpu, 1e-9))) MB/s CPU\t"
            + "\(String(format: "%.0f", megabytes / max(wall, 1e-9))) MB/s wall")
      }
      return
    }
    if let corpus {
      let folder = URL(fileURLWithPath: corpus)
      let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
        .filter { $0.hasSuffix(".nfc.txt") }.sorted()
      for name in names {
        let stem = String(name.dropLast(".nfc.txt".count))
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        for form in Form.allCases where form != .nfc {
          let output = folder.appendingPathComponent("\(stem).\(form.rawValue).txt")
          try Data(try form.bytes(of: text)).write(to: output)
        }
      }
      return
    }
    guard let form, let file = files.first else {
      throw ValidationError("give --form and a FILE, or --corpus DIR")
    }
    let text = try String(contentsOfFile: file, encoding: .utf8)
    FileHandle.standardOutput.write(Data(try form.bytes(of: text)))
  }
}
