import Foundation

/// Runs the built `vnx` executable for the tests that check the command line end to end.
public enum VNXCommand {
  /// The package root (the folder holding `Package.swift`).
  public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The built `vnx`: beside the test bundle (where `swift build` puts it), else
  /// `.build/debug/vnx`; nil when neither exists.
  public static let binary: URL? = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("vnx")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    let built = packageRoot.appendingPathComponent(".build/debug/vnx")
    return FileManager.default.isExecutableFile(atPath: built.path) ? built : nil
  }()

  /// What a finished run left: exit status, standard output and standard error.
  public struct Result: Sendable {
    public var status: Int32
    public var output: String
    public var error: String
    /// The non-empty lines of standard output.
    public var lines: [Substring] { output.split(separator: "\n") }
  }

  public struct NotBuilt: Error, CustomStringConvertible {
    public var description: String { "the vnx executable is not built (run `swift build`)" }
  }

  /// Runs `vnx ARGUMENTS` (or `executable`) from the package root to its end, with `input` on
  /// standard input. Output and error go through files, so a chatty process can never block
  /// on a full pipe.
  public static func run(_ arguments: [String], input: Data? = nil, executable: URL? = nil)
    throws -> Result
  {
    let folder = NSTemporaryDirectory() + "vnx-command-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["out", "err"] { _ = FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: nil) }
    _ = FileManager.default.createFile(atPath: folder + "/in", contents: input ?? Data())
    let process = Process()
    guard let url = executable ?? binary else { throw NotBuilt() }
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder + "/in"))
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
    try process.run()
    process.waitUntilExit()
    func contents(_ name: String) -> String {
      String(decoding: FileManager.default.contents(atPath: "\(folder)/\(name)") ?? Data(), as: UTF8.self)
    }
    return Result(status: process.terminationStatus, output: contents("out"), error: contents("err"))
  }

  /// Starts `vnx ARGUMENTS` without waiting (for tests that signal or kill it); standard output
  /// is discarded and standard error goes to the file `errorLog`.
  public static func start(_ arguments: [String], errorLog: String) throws -> Process {
    guard let url = binary else { throw NotBuilt() }
    _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorLog))
    try process.run()
    return process
  }
}
