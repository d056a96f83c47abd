/// The Unicode scalar values of a string, decoded once from its UTF-8 bytes.
enum ScalarBuffer {
  static func scalars(of text: String) -> [UInt32] {
    var text = text
    return text.withUTF8 { bytes in decode(bytes) }
  }

  /// The scalars of `text` and the UTF-8 offset of each (`utf8Offsets[i]` for scalar `i`, and
  /// the byte count at `utf8Offsets[scalars.count]`), read in one pass.
  static func scalarsAndOffsets(of text: String) -> (scalars: [UInt32], utf8Offsets: [Int]) {
    var text = text
    return text.withUTF8 { bytes in
      var scalars: [UInt32] = []
      let offsets = [Int](unsafeUninitializedCapacity: bytes.count + 1) { offsets, count in
        scalars = decode(bytes) { offsets[$0] = $1 }
        offsets[scalars.count] = bytes.count
        count = scalars.count + 1
      }
      return (scalars, offsets)
    }
  }

  /// The UTF-8 offset of each scalar of `scalars` and their byte count (see
  /// `scalarsAndOffsets(of:)`).
  static func utf8Offsets(of scalars: UnsafeBufferPointer<UInt32>) -> [Int] {
    [Int](unsafeUninitializedCapacity: scalars.count + 1) { offsets, count in
      var offset = 0
      for index in 0..<scalars.count {
        offsets[index] = offset
        let value = scalars[index]
        offset &+= 1 &+ (value >= 0x80 ? 1 : 0) &+ (value >= 0x800 ? 1 : 0) &+ (value >= 0x10000 ? 1 : 0)
      }
      offsets[scalars.count] = offset
      count = scalars.count + 1
    }
  }

  /// Decodes well-formed UTF-8 (a Swift string's storage).
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    decode(bytes) { _, _ in }
  }

  /// Decodes well-formed UTF-8, giving `offset(i, o)` the UTF-8 offset `o` of scalar `i`.
  @inline(__always)
  private static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, offset: (Int, Int) -> Void
  ) -> [UInt32] {
    [UInt32](unsafeUninitializedCapacity: bytes.count) { buffer, count in
      var index = 0
      var written = 0
      let end = bytes.count
      while index < end {
        offset(written, index)
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
