import Foundation
import Testing

/// The built `vnx` binary next to the test bundle.
func vnxBinary() -> URL {
  var directory = Bundle.main.bundleURL
  for _ in 0..<4 {
    let candidate = directory.appendingPathComponent("vnx")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    directory.deleteLastPathComponent()
  }
  return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/vnx")
}

@Test("vnx --help names the tool's purpose")
func helpWorks() throws {
  let process = Process()
  process.executableURL = vnxBinary()
  process.arguments = ["--help"]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  #expect(output.contains("Vietnamese"))
}
