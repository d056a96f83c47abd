import ArgumentParser
import Foundation
import VNX

extension TextEncoding: ExpressibleByArgument {}
extension ToneStyle: ExpressibleByArgument {}

/// One input of a command: a named file, or standard input when the command got no file.
struct InputFile {
  let name: String
  let bytes: [UInt8]

  /// Reads every named file (stdin when `paths` is empty or "-"), calling `body` for each;
  /// a file that cannot be read gets one line on stderr and the exit status becomes 1.
  static func forEach(
    _ paths: [String], _ body: (InputFile) throws -> Void
  ) throws {
    var failed = false
    for path in paths.isEmpty ? ["-"] : paths {
      do {
        let bytes: [UInt8]
        if path == "-" {
          bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
          bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        try body(InputFile(name: path == "-" ? "<stdin>" : path, bytes: bytes))
      } catch {
        failed = true
        let name = path == "-" ? "<stdin>" : path
        FileHandle.standardError.write(Data("vnx: \(name): \(InputFile.describe(error))\n".utf8))
      }
    }
    if failed { throw ExitCode(1) }
  }

  /// A one-line message for an error, without Foundation's noise.
  static func describe(_ error: Error) -> String {
    if let error = error as? CocoaError, let underlying = error.underlying as? POSIXError {
      return String(cString: strerror(underlying.code.rawValue))
    }
    if let error = error as? CocoaError {
      switch error.code {
      case .fileReadNoSuchFile: return "no such file"
      case .fileReadNoPermission: return "permission denied"
      default: break
      }
    }
    return "\(error)"
  }
}

extension CocoaError {
  fileprivate var underlying: Error? { userInfo[NSUnderlyingErrorKey] as? Error }
}

