/// The Unicode scalar values of a string, decoded once from its UTF-8 bytes.
enum ScalarBuffer {
  static func scalars(of text: String) -> [UInt32] {
    var text = text
    return text.withUTF8 { bytes in decode(bytes) }
  }

  /// Decodes well-formed UTF-8 (a Swift string's storage).
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    [UInt32](unsafeUninitializedCapacity: bytes.count) { buffer, count in
      var index = 0
      var written = 0
      let end = bytes.count
      while index < end {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
          buffer[written] = lead
          index += 1
        } else if lead < 0xE0 {
          buffer[written] = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
          index += 2
        } else if lead < 0xF0 {
          buffer[written] =
            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
            | UInt32(bytes[index + 2] & 0x3F)
          index += 3
        } else {
          buffer[written] =
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
          index += 4
        }
        written += 1
      }
      count = written
    }
  }
}
