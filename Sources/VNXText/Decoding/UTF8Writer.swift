/// Writes UTF-8 straight into a new string's storage: the decoders' output path, with no
/// per-character allocation (one `String(unsafeUninitializedCapacity:)` per input).
struct UTF8Writer {
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var count = 0

  /// A string of at most `capacity` UTF-8 bytes written by `body`.
  static func string(capacity: Int, _ body: (inout UTF8Writer) -> Void) -> String {
    String(unsafeUninitializedCapacity: max(capacity, 1)) { buffer in
      var writer = UTF8Writer(buffer: buffer)
      body(&writer)
      return writer.count
    }
  }

  @inline(__always) mutating func append(_ byte: UInt8) {
    buffer[count] = byte
    count += 1
  }

  @inline(__always) mutating func append(_ scalar: Unicode.Scalar) {
    assert(count + scalar.utf8.count <= buffer.count, "UTF8Writer capacity exceeded")
    count += UTF8Scalars.write(scalar.value, to: buffer.baseAddress.unsafelyUnwrapped + count)
  }

  /// UTF-16 code units as a string; unpaired surrogates become U+FFFD, counted.
  static func string(fromUTF16 units: UnsafeBufferPointer<UInt16>) -> (text: String, replacements: Int) {
    var replacements = 0
    let text = string(capacity: units.count * 3) { writer in
      var index = 0
      while index < units.count {
        let unit = units[index]
        index += 1
        switch unit {
        case 0xD800...0xDBFF:
          if index < units.count, (0xDC00...0xDFFF).contains(units[index]) {
            let value = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(units[index] - 0xDC00))
            writer.append(Unicode.Scalar(value)!)
            index += 1
          } else {
            writer.append("\u{FFFD}")
            replacements += 1
          }
        case 0xDC00...0xDFFF:
          writer.append("\u{FFFD}")
          replacements += 1
        default:
          writer.append(Unicode.Scalar(unit)!)
        }
      }
    }
    return (text, replacements)
  }
}

extension Collection<UInt8> {
  /// Runs `body` on the bytes' contiguous storage, copying only when there is none.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = withContiguousStorageIfAvailable(body) { return result }
    return Array(self).withUnsafeBufferPointer(body)
  }
}
