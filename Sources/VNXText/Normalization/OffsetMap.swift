/// Maps positions in normalized text back to positions in the decoded original.
///
/// Both sides are Unicode scalar offsets. The map stores one anchor wherever the distance
/// between the two texts changes (a dropped space, a composed letter), so it stays small:
/// between anchors, positions move together.
///
///     // original "Lai  Châu", normalized "Lai Châu"
///     map.originalOffset(4)   // 5: "C" stood at scalar 5 of the original
public struct OffsetMap: Sendable, Hashable, Codable {
  /// Normalized offsets where a new distance starts, ascending.
  private(set) var normalizedStarts: [Int] = [0]
  /// The original offset at each of those starts.
  private(set) var originalStarts: [Int] = [0]
  /// Length of the original text in scalars.
  public private(set) var originalLength = 0

  public init() {}

  /// The identity map over a text of `length` scalars.
  public init(identityOver length: Int) { originalLength = length }

  /// The original offset of the scalar at `offset` in the normalized text (or of its end).
  public func originalOffset(_ offset: Int) -> Int {
    var low = 0
    var high = normalizedStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if normalizedStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return min(originalStarts[low] + (offset - normalizedStarts[low]), originalLength)
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

  /// Records that normalized `offset` comes from original `original`.
  mutating func record(normalized offset: Int, original: Int) {
    if let last = normalizedStarts.last, last == offset {
      originalStarts[originalStarts.count - 1] = original
    } else {
      normalizedStarts.append(offset)
      originalStarts.append(original)
    }
  }

  /// Forgets the anchor at normalized `offset` when it is the last one (never the first).
  mutating func removeAnchor(at offset: Int) {
    guard normalizedStarts.count > 1, normalizedStarts[normalizedStarts.count - 1] == offset else { return }
    normalizedStarts.removeLast()
    originalStarts.removeLast()
  }

  /// The distance (original − normalized) in force at the end of the map.
  var currentDistance: Int { originalStarts[originalStarts.count - 1] - normalizedStarts[normalizedStarts.count - 1] }

  /// Forgets anchors after `offset` (the text after it is being rewritten).
  mutating func truncate(after offset: Int) {
    while normalizedStarts.count > 1, normalizedStarts[normalizedStarts.count - 1] > offset {
      normalizedStarts.removeLast()
      originalStarts.removeLast()
    }
  }

  mutating func finish(originalLength: Int) { self.originalLength = originalLength }

  /// Number of anchors (for tests and diagnostics).
  public var anchorCount: Int { normalizedStarts.count }
}
