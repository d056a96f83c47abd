/// Reading and writing scalars in valid UTF-8.
public enum UTF8Scalars {
  /// The scalar starting at `index` and its length in bytes.
  @inlinable @inline(__always)
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    var offset = 1
    while offset < length, index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
      offset += 1
    }
    return (value, offset)
  }

  /// The number of Unicode scalars in valid UTF-8: the bytes that are not continuation
  /// bytes (10xxxxxx), counted eight at a time.
  public static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var continuations = 0
    var index = 0
    while index + 8 <= bytes.count {
      let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // A continuation byte has its top bit set and the next one clear.
      continuations += (word & ~(word &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      index += 8
    }
    while index < bytes.count {
      if base[index] & 0xC0 == 0x80 { continuations += 1 }
      index += 1
    }
    return bytes.count - continuations
  }

  /// The number of Unicode scalars of `string`, without stepping through its scalars.
  public static func count(_ string: String) -> Int {
    string.utf8.withContiguousStorageIfAvailable { count($0) } ?? string.unicodeScalars.count
  }

  /// The start of the scalar that ends just before `end`.
  @inlinable @inline(__always)
  public static func start(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var start = end - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }

  /// Writes the UTF-8 bytes of scalar `value` at `target` (room for 4); returns their count.
  /// The one encoder behind `UTF8Writer` and the normalizer's `ByteBuffer`.
  @inlinable @inline(__always)
  public static func write(_ value: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
    switch value {
    case ..<0x80:
      target[0] = UInt8(value)
      return 1
    case ..<0x800:
      target[0] = UInt8(0xC0 | value >> 6)
      target[1] = UInt8(0x80 | value & 0x3F)
      return 2
    case ..<0x10000:
      target[0] = UInt8(0xE0 | value >> 12)
      target[1] = UInt8(0x80 | value >> 6 & 0x3F)
      target[2] = UInt8(0x80 | value & 0x3F)
      return 3
    default:
      target[0] = UInt8(0xF0 | value >> 18)
      target[1] = UInt8(0x80 | value >> 12 & 0x3F)
      target[2] = UInt8(0x80 | value >> 6 & 0x3F)
      target[3] = UInt8(0x80 | value & 0x3F)
      return 4
    }
  }

  /// Appends the UTF-8 bytes of scalar `value`.
  @inlinable @inline(__always)
  public static func append(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case ..<0x80:
      output.append(UInt8(value))
    case ..<0x800:
      output.append(UInt8(0xC0 | value >> 6))
      output.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
      output.append(UInt8(0xE0 | value >> 12))
      output.append(UInt8(0x80 | value >> 6 & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    default:
      output.append(UInt8(0xF0 | value >> 18))
      output.append(UInt8(0x80 | value >> 12 & 0x3F))
      output.append(UInt8(0x80 | value >> 6 & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    }
  }

  /// `range` without the scalars at either end for which `isTrimmed` holds.
  @inlinable @inline(__always)
  public static func trimmed(
    _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, _ isTrimmed: (UInt32) -> Bool
  ) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      let (value, length) = decode(bytes, at: start)
      guard isTrimmed(value) else { break }
      start += length
    }
    while end > start {
      let last = self.start(before: end, in: bytes)
      guard isTrimmed(decode(bytes, at: last).0) else { break }
      end = last
    }
    return start..<end
  }
}
