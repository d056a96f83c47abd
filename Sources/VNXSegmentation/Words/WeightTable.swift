/// The quantized weights of a word segmentation model in memory aligned to 64 bytes, so that
/// a line of 32 weights (`WordFeatures.lineBits`) is exactly one cache line: scoring a
/// syllable reads its lines whole after one miss each, where an array's storage (32 bytes
/// past a 16-byte boundary) splits every line over two cache lines.
final class WeightTable: @unchecked Sendable {
  static let alignment = 64

  let weights: UnsafeBufferPointer<Int16>

  init(_ values: [Int16]) {
    let storage = UnsafeMutableRawPointer.allocate(
      byteCount: max(values.count, 1) * MemoryLayout<Int16>.stride, alignment: Self.alignment)
    let bound = storage.bindMemory(to: Int16.self, capacity: values.count)
    _ = UnsafeMutableBufferPointer(start: bound, count: values.count).initialize(from: values)
    weights = UnsafeBufferPointer(start: bound, count: values.count)
  }

  deinit {
    UnsafeMutableRawPointer(mutating: weights.baseAddress!).deallocate()
  }
}
