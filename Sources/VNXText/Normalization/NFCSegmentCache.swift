/// The NFC form of short segments (a starter and the combining marks after it), computed
/// through ICU (`unorm2_normalize`) once per distinct segment and then remembered.
///
/// Decomposed text (macOS, Windows-1258) repeats the same few hundred segments, so ICU stays
/// the only authority on NFC while a segment costs one hash lookup:
///
///     cache.appendNFC(of: "e\u{323}\u{302}" as UTF-8, to: &output)   // appends "ệ", (1, true)
///
/// Segments of up to 15 bytes (whose form fits 14) are remembered, at most `limit` of them; longer ones, and any
/// beyond the limit, go to ICU each time. A value over an unsafe table, not a class (a class
/// reference is retained at each call in the normalizer's loop): its owner frees it once,
/// with `deallocate()`.
struct NFCSegmentCache {
  /// A segment and its NFC form, each packed into two words, little-endian: the segment's
  /// bytes 0-14 and its length in the top byte; the form's bytes 0-13, its scalar count
  /// and its length (bit 7: it differs from the segment) in the top two bytes. An empty slot
  /// has `key1 == 0` (a length is never 0).
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

  /// Frees the table; the cache must not be used afterwards.
  func deallocate() {
    entries.deinitialize(count: Self.capacity)
    entries.deallocate()
  }

  /// Appends the NFC form of `segment` to `output`; returns its number of scalars and whether
  /// it differs from `segment`. A segment ICU cannot normalize is appended as it is.
  /// `readable16`: 16 bytes from the segment's start may be read (the key is then two loads,
  /// not a loop over its bytes).
  @inline(__always)
  mutating func appendNFC(
    of segment: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer, readable16: Bool = false
  ) -> (scalars: Int, changed: Bool) {
    guard segment.count <= 15, segment.count > 0 else { return uncached(segment, to: &output) }
    let length = segment.count
    var key = (UInt64(0), UInt64(length) << 56)
    if readable16 {
      let start = UnsafeRawPointer(segment.baseAddress.unsafelyUnwrapped)
      let low: UInt64 = length >= 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
      let high: UInt64 = length <= 8 ? 0 : (1 << (8 * UInt64(length - 8))) &- 1
      key.0 = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)) & low
      key.1 |= UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & high
    } else {
      // Built from byte loads in registers: a `memcpy` into the key and a read of it as words
      // would stall on store forwarding.
      for index in 0..<min(length, 8) {
        key.0 |= UInt64(segment[index]) << (8 * UInt64(index))
      }
      for index in 8..<max(length, 8) {
        key.1 |= UInt64(segment[index]) << (8 * UInt64(index - 8))
      }
    }
    let mask = Self.capacity - 1
    var slot = Self.hash(key.0, key.1) & mask
    while entries[slot].key1 != 0 {
      if entries[slot].key0 == key.0 && entries[slot].key1 == key.1 {
        // value1's top byte: the length, bit 7 set when changed; the byte below: scalars.
        let value = (entries[slot].value0, entries[slot].value1)
        let length = Int(value.1 >> 56 & 0x0F)
        output.append(value.0, value.1, length: length)
        return (Int(value.1 >> 48 & 0xFF), value.1 >> 63 != 0)
      }
      slot = (slot + 1) & mask
    }
    var composed: [UInt8] = []
    composed.reserveCapacity(16)
    if (try? ICU.appendNFC(ofUTF8: segment, to: &composed)) == nil {
      composed = Array(segment)
    }
    let scalars = composed.withUnsafeBufferPointer(UTF8Scalars.count)
    let changed = !composed.elementsEqual(segment)
    if composed.count <= 14, !composed.isEmpty, count < Self.limit {
      var value = (UInt64(0), UInt64(0))
      withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: composed) }
      value.1 |= UInt64(composed.count) << 56 | UInt64(scalars) << 48 | (changed ? 1 << 63 : 0)
      entries[slot] = Entry(key0: key.0, key1: key.1, value0: value.0, value1: value.1)
      count += 1
    }
    output.append(contentsOf: composed)
    return (scalars, changed)
  }

  private func uncached(_ segment: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer)
    -> (scalars: Int, changed: Bool)
  {
    var composed: [UInt8] = []
    if (try? ICU.appendNFC(ofUTF8: segment, to: &composed)) == nil { composed = Array(segment) }
    output.append(contentsOf: composed)
    return (composed.withUnsafeBufferPointer(UTF8Scalars.count), !composed.elementsEqual(segment))
  }

  @inline(__always)
  private static func hash(_ low: UInt64, _ high: UInt64) -> Int {
    let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) >> 20)
  }
}
