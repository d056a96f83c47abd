/// The NFC form of short segments (a starter and the combining marks after it), computed
/// through ICU (`unorm2_normalize`) once per distinct segment and then remembered.
///
/// Decomposed text (macOS, Windows-1258) repeats the same few hundred segments, so ICU stays
/// the only authority on NFC while a segment costs one hash lookup:
///
///     cache.appendNFC(of: "e\u{323}\u{302}" as UTF-8, to: &output)   // appends "ệ", (1, true)
///
/// Segments of up to 15 bytes are remembered, at most `limit` of them; longer ones, and any
/// beyond the limit, go to ICU each time. Owns its table, hence a class.
final class NFCSegmentCache {
  /// A segment and its NFC form, each packed into two words: bytes 0-14 little-endian and
  /// the length in the top byte. An empty slot has `key1 == 0` (a length is never 0).
  private struct Entry {
    var key0: UInt64 = 0
    var key1: UInt64 = 0
    var value0: UInt64 = 0
    var value1: UInt64 = 0
  }

  private static let capacity = 1024
  /// Entries kept, so that probes stay short.
  static let limit = 768
  private let entries: UnsafeMutablePointer<Entry>
  private(set) var count = 0

  init() {
    entries = .allocate(capacity: Self.capacity)
    entries.initialize(repeating: Entry(), count: Self.capacity)
  }

  deinit {
    entries.deinitialize(count: Self.capacity)
    entries.deallocate()
  }

  /// Appends the NFC form of `segment` to `output`; returns its number of scalars and whether
  /// it differs from `segment`. A segment ICU cannot normalize is appended as it is.
  func appendNFC(of segment: UnsafeBufferPointer<UInt8>, to output: inout [UInt8])
    -> (scalars: Int, changed: Bool)
  {
    guard segment.count <= 15, segment.count > 0 else { return uncached(segment, to: &output) }
    let (key0, key1) = Self.pack(segment)
    let mask = Self.capacity - 1
    var slot = Self.hash(key0, key1) & mask
    while entries[slot].key1 != 0 {
      let entry = entries[slot]
      if entry.key0 == key0 && entry.key1 == key1 {
        return (
          Self.unpack(entry.value0, entry.value1, to: &output),
          entry.value0 != key0 || entry.value1 != key1
        )
      }
      slot = (slot + 1) & mask
    }
    var composed: [UInt8] = []
    composed.reserveCapacity(16)
    if (try? ICU.appendNFC(ofUTF8: segment, to: &composed)) == nil {
      composed = Array(segment)
    }
    if composed.count <= 15, !composed.isEmpty, count < Self.limit {
      let (value0, value1) = composed.withUnsafeBufferPointer { Self.pack($0) }
      entries[slot] = Entry(key0: key0, key1: key1, value0: value0, value1: value1)
      count += 1
    }
    output.append(contentsOf: composed)
    return (Self.scalarCount(composed), !composed.elementsEqual(segment))
  }

  private func uncached(_ segment: UnsafeBufferPointer<UInt8>, to output: inout [UInt8])
    -> (scalars: Int, changed: Bool)
  {
    var composed: [UInt8] = []
    if (try? ICU.appendNFC(ofUTF8: segment, to: &composed)) == nil { composed = Array(segment) }
    output.append(contentsOf: composed)
    return (Self.scalarCount(composed), !composed.elementsEqual(segment))
  }

  private static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  @inline(__always)
  private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var low: UInt64 = 0
    var high = UInt64(bytes.count) << 56
    for index in 0..<bytes.count {
      if index < 8 {
        low |= UInt64(bytes[index]) << (8 * UInt64(index))
      } else {
        high |= UInt64(bytes[index]) << (8 * UInt64(index - 8))
      }
    }
    return (low, high)
  }

  /// Appends the packed bytes; returns their number of scalars.
  @inline(__always)
  private static func unpack(_ low: UInt64, _ high: UInt64, to output: inout [UInt8]) -> Int {
    let length = Int(high >> 56)
    var scalars = 0
    for index in 0..<length {
      let byte = UInt8(truncatingIfNeeded: index < 8 ? low >> (8 * UInt64(index)) : high >> (8 * UInt64(index - 8)))
      output.append(byte)
      if byte & 0xC0 != 0x80 { scalars += 1 }
    }
    return scalars
  }

  @inline(__always)
  private static func hash(_ low: UInt64, _ high: UInt64) -> Int {
    let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) >> 20)
  }
}
