/// The anchors of an `OffsetMap` while `NormalizedTextWriter` writes them: one anchor wherever
/// the distance between normalized and original offsets changes (the last one replaced when
/// the next is at the same normalized offset).
///
/// Decomposed text records an anchor per composed letter, and `Array.append` checks
/// uniqueness and calls out of line each time: anchors wait in a small unsafe buffer and go
/// to the map's array 256 at a time, into capacity reserved once (no copy of the whole map
/// at the end, no pages touched twice).
///
/// A value with an unsafe pointer: its owner frees it once, with `deallocate()`.
struct OffsetMapBuilder {
  /// Anchors moved to the array so far (at least one: (0, 0)).
  private var anchors: [UInt64] = [0]
  private let pending: UnsafeMutablePointer<UInt64>
  private var pendingCount = 0
  private static let pendingCapacity = 256

  init() { pending = .allocate(capacity: Self.pendingCapacity) }

  @inline(__always)
  private static func normalized(_ anchor: UInt64) -> Int { Int(anchor >> 32) }
  @inline(__always)
  private static func original(_ anchor: UInt64) -> Int { Int(anchor & 0xFFFF_FFFF) }

  /// The last anchor recorded.
  private var last: UInt64 {
    @inline(__always) get { pendingCount > 0 ? pending[pendingCount &- 1] : anchors[anchors.count - 1] }
  }

  /// Records that normalized `offset` comes from original `original`.
  @inline(__always)
  mutating func record(normalized offset: Int, original: Int) {
    let anchor = UInt64(truncatingIfNeeded: offset) << 32 | UInt64(truncatingIfNeeded: original) & 0xFFFF_FFFF
    if Self.normalized(last) == offset {
      if pendingCount > 0 {
        pending[pendingCount &- 1] = anchor
      } else {
        anchors[anchors.count - 1] = anchor
      }
      return
    }
    if pendingCount == Self.pendingCapacity { flush() }
    pending[pendingCount] = anchor
    pendingCount &+= 1
  }

  @inline(never)
  private mutating func flush() {
    anchors.append(contentsOf: UnsafeBufferPointer(start: pending, count: pendingCount))
    pendingCount = 0
  }

  /// Makes room for `count` more anchors (reserved, not touched: pages that stay unused cost
  /// nothing, a reallocation copies them all).
  mutating func reserve(_ count: Int) {
    anchors.reserveCapacity(anchors.count + pendingCount + count)
    let unused = anchors.capacity - anchors.count
    anchors.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      HugePages.advise(base + buffer.count, bytes: unused * MemoryLayout<UInt64>.stride)
    }
  }

  /// The distance (original − normalized) in force at the end of the map.
  var currentDistance: Int {
    let last = last
    return Self.original(last) - Self.normalized(last)
  }

  /// Forgets anchors after `offset` (the text after it is being rewritten); never the first.
  mutating func truncate(after offset: Int) {
    while pendingCount > 0, Self.normalized(pending[pendingCount - 1]) > offset { pendingCount -= 1 }
    guard pendingCount == 0 else { return }
    while anchors.count > 1, Self.normalized(anchors[anchors.count - 1]) > offset {
      anchors.removeLast()
    }
  }

  /// The map over an original text of `originalLength` scalars.
  mutating func finish(originalLength: Int) -> OffsetMap {
    flush()
    return OffsetMap(anchors: anchors, originalLength: originalLength)
  }

  /// Frees the buffer; the builder must not be used afterwards.
  func deallocate() { pending.deallocate() }
}
