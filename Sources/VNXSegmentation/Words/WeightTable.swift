/// The quantized weights of a word segmentation model in memory aligned to 64 bytes, so that
/// a line of 32 weights (`WordFeatures.lineBits`) is exactly one cache line: scoring a
/// syllable reads its lines whole after one miss each, where an array's storage (32 bytes
/// past a 16-byte boundary) splits every line over two cache lines.
///
/// Beside them, `heads` copies the first four weights of every line, 8 bytes a line: the
/// trigram and skip-gram lines are read only there (slots 0…3, `WordFeatures.score`), so
/// scoring a syllable reads two lines of the 512 KB table instead of four, and two entries of
/// a table eight times smaller, which stays in the core's cache. The copies are the same
/// 16-bit values: scores do not change.
///
///     weights[line << 5 | slot] == heads[line << 2 | slot]   // slot 0…3
final class WeightTable: @unchecked Sendable {
  static let alignment = 64
  /// Weights per line of `heads`.
  static let headWidth = 4

  let weights: UnsafeBufferPointer<Int16>
  let heads: UnsafeBufferPointer<Int16>

  init(_ values: [Int16]) {
    weights = Self.aligned(values)
    let lineWidth = 1 << WordFeatures.lineBits
    let lines = values.count / lineWidth
    var heads = [Int16](repeating: 0, count: max(lines * Self.headWidth, 1))
    for line in 0..<lines {
      for slot in 0..<Self.headWidth {
        heads[line * Self.headWidth + slot] = values[line * lineWidth + slot]
      }
    }
    self.heads = Self.aligned(heads)
  }

  private static func aligned(_ values: [Int16]) -> UnsafeBufferPointer<Int16> {
    let storage = UnsafeMutableRawPointer.allocate(
      byteCount: max(values.count, 1) * MemoryLayout<Int16>.stride, alignment: alignment)
    let bound = storage.bindMemory(to: Int16.self, capacity: values.count)
    _ = UnsafeMutableBufferPointer(start: bound, count: values.count).initialize(from: values)
    return UnsafeBufferPointer(start: bound, count: values.count)
  }

  deinit {
    UnsafeMutableRawPointer(mutating: weights.baseAddress!).deallocate()
    UnsafeMutableRawPointer(mutating: heads.baseAddress!).deallocate()
  }
}
