import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An output file written only at its end and synced to disk on `sync()`.
final class AppendFile {
  let path: String
  private let descriptor: Int32
  private(set) var size: Int

  /// Opens (or creates) `path`, first cutting it to `truncatedTo` bytes when given.
  init(path: String, truncatedTo length: Int? = nil) throws(BatchError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .write(path: path, problem: String(cString: strerror(errno))) }
    if let length {
      guard ftruncate(descriptor, off_t(length)) == 0 else {
        throw .write(path: path, problem: String(cString: strerror(errno)))
      }
    }
    size = Int(lseek(descriptor, 0, SEEK_END))
  }

  deinit { close(descriptor) }

  func append(_ bytes: [UInt8]) throws(BatchError) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .write(path: path, problem: String(cString: strerror(errno)))
      }
      written += count
    }
    size += bytes.count
  }

  func sync() throws(BatchError) {
    guard fsync(descriptor) == 0 else { throw .write(path: path, problem: String(cString: strerror(errno))) }
  }
}
