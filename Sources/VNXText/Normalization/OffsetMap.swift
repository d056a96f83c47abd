/// Maps positions in normalized text back to positions in the decoded original.
///
/// Both sides are Unicode scalar offsets. The map stores one anchor wherever the distance
/// between the two texts changes (a dropped space, a composed letter), so it stays small:
/// between anchors, positions move together.
///
///     // original "Lai  Châu", normalized "Lai Châu"
///     map.originalOffset(4)   // 5: "C" stood at scalar 5 of the original
public struct OffsetMap: Sendable, Hashable, Codable {
  /// One anchor per change of distance, ascending: the normalized offset where it starts in
  /// the high 32 bits, the original offset there in the low 32 (texts up to 4 G scalars).
  /// One array of packed pairs: decomposed text gets an anchor per composed letter.
  /// Built by `OffsetMapBuilder`.
  private(set) var anchors: [UInt64] = [0]
  /// Length of the original text in scalars.
  public private(set) var originalLength = 0

  public init() {}

  /// The identity map over a text of `length` scalars.
  public init(identityOver length: Int) { originalLength = length }

  /// The map of `anchors` as `OffsetMapBuilder` records them.
  init(anchors: [UInt64], originalLength: Int) {
    self.anchors = anchors
    self.originalLength = originalLength
  }

  @inline(__always)
  private static func normalized(_ anchor: UInt64) -> Int { Int(anchor >> 32) }
  @inline(__always)
  private static func original(_ anchor: UInt64) -> Int { Int(anchor & 0xFFFF_FFFF) }

  /// The original offset of the scalar at `offset` in the normalized text (or of its end).
  public func originalOffset(_ offset: Int) -> Int {
    var low = 0
    var high = anchors.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if Self.normalized(anchors[middle]) <= offset { low = middle } else { high = middle - 1 }
    }
    return min(Self.original(anchors[low]) + (offset - Self.normalized(anchors[low])), originalLength)
  }

  /// The original span a normalized span came from.
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    let start = originalOffset(range.lowerBound)
    guard range.upperBound > range.lowerBound else { return start..<start }
    // The end is the end of the last scalar, not the start of the next one: a space dropped
    // after the span must not be counted in.
    let last = originalOffset(range.upperBound - 1)
    return start..<max(start, last + 1)
  }

  /// Number of anchors (for tests and diagnostics).
  public var anchorCount: Int { anchors.count }
}
