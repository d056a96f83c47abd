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
          bytes = try readAll(STDIN_FILENO)
        } else {
          let descriptor = open(path, O_RDONLY)
          guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
          defer { close(descriptor) }
          bytes = try readAll(descriptor)
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

  /// Every byte of an open file, read straight into one array (sized from `fstat` for a
  /// regular file): no `Data` in between, no second copy.
  static func readAll(_ descriptor: Int32) throws -> [UInt8] {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    if status.st_mode & S_IFMT == S_IFDIR { throw POSIXError(.EISDIR) }
    var bytes: [UInt8] = []
    if status.st_mode & S_IFMT == S_IFREG {
      var failure: Int32 = 0
      bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
        count = 0
        while count < buffer.count {
          let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
          if read < 0, errno == EINTR { continue }
          if read < 0 { failure = errno }
          if read <= 0 { break }
          count += read
        }
      }
      if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }
    // A pipe, or a file that grew: read on in chunks.
    let chunk = 1 << 16
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
    defer { buffer.deallocate() }
    while true {
      let read = Glibc.read(descriptor, buffer, chunk)
      if read < 0, errno == EINTR { continue }
      if read < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      if read == 0 { return bytes }
      bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: read))
    }
  }

  /// A one-line message for an error, without Foundation's noise.
  static func describe(_ error: Error) -> String {
    if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
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

