/// The normalizer's output bytes: a growable buffer written without `Array`'s uniqueness
/// checks and generic appends (a composed letter of decomposed text costs two short appends).
///
/// A value with an unsafe pointer, not a class: a class's stored properties would be checked
/// for exclusive access on every write. `NormalizedTextWriter` owns it and frees it once, in
/// `finish` (`deallocate()`).
struct ByteBuffer {
  private var base: UnsafeMutablePointer<UInt8>?
  private(set) var count = 0
  private(set) var capacity = 0

  var isEmpty: Bool { count == 0 }

  mutating func reserveCapacity(_ minimum: Int) {
    guard minimum > capacity else { return }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: minimum)
    HugePages.advise(grown, bytes: minimum)
    if let base {
      grown.initialize(from: base, count: count)
      base.deallocate()
    }
    base = grown
    capacity = minimum
  }

  /// The storage, with room for `extra` more bytes.
  @inline(__always)
  private mutating func room(for extra: Int) -> UnsafeMutablePointer<UInt8> {
    if count + extra > capacity { grow(to: count + extra) }
    return base.unsafelyUnwrapped
  }

  @inline(never)
  private mutating func grow(to minimum: Int) {
    reserveCapacity(Swift.max(minimum, capacity * 2, 64))
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    room(for: 1)[count] = byte
    count += 1
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    let length = bytes.count
    guard length > 0, let source = bytes.baseAddress else { return }
    (room(for: length) + count).initialize(from: source, count: length)
    count += length
  }

  /// Appends the first `length` bytes (at most 16) of two little-endian words: two stores.
  @inline(__always)
  mutating func append(_ low: UInt64, _ high: UInt64, length: Int) {
    assert(length <= 16)
    let target = UnsafeMutableRawPointer(room(for: 16) + count)
    target.storeBytes(of: low.littleEndian, as: UInt64.self)
    target.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt64.self)
    count += length
  }

  /// Appends the first `length` bytes (at most 4) of a little-endian word: one store.
  @inline(__always)
  mutating func append(packed bytes: UInt32, count length: Int) {
    assert(length <= 4)
    UnsafeMutableRawPointer(room(for: 4) + count).storeBytes(of: bytes.littleEndian, as: UInt32.self)
    count += length
  }

  /// Appends the `length` bytes (at most 16) at `source`, copying 16: the caller knows 16
  /// bytes there are readable.
  @inline(__always)
  mutating func append(unsafelyReading16 source: UnsafePointer<UInt8>, count length: Int) {
    assert(length <= 16)
    let from = UnsafeRawPointer(source)
    append(
      from.loadUnaligned(as: UInt64.self), from.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
      length: length)
  }

  mutating func append(contentsOf bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
  }

  /// Appends the UTF-8 bytes of scalar `value`.
  @inline(__always)
  mutating func append(scalar value: UInt32) {
    count += UTF8Scalars.write(value, to: room(for: 4) + count)
  }

  subscript(index: Int) -> UInt8 {
    @inline(__always) get {
      assert(index >= 0 && index < count, "index out of range")
      return base.unsafelyUnwrapped[index]
    }
  }

  /// Forgets the bytes from `range.lowerBound` on.
  mutating func removeSubrange(_ range: PartialRangeFrom<Int>) {
    precondition(range.lowerBound >= 0 && range.lowerBound <= count)
    count = range.lowerBound
  }

  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// Frees the storage; the buffer is empty afterwards.
  mutating func deallocate() {
    base?.deallocate()
    base = nil
    count = 0
    capacity = 0
  }
}
