import Testing
@testable import VNXSegmentation

@Test("The heads hold the first four weights of every line, in cache-line-aligned memory")
func weightTableHeads() throws {
  let model = try #require(WordSegmentationModel.standard)
  let weights = model.quantized
  let heads = model.heads
  let lineWidth = 1 << WordFeatures.lineBits
  #expect(heads.count == weights.count / lineWidth * WeightTable.headWidth)
  var differing = 0
  for line in 0..<(weights.count / lineWidth) {
    for slot in 0..<WeightTable.headWidth
    where heads[line << 2 | slot] != weights[line * lineWidth + slot] {
      differing += 1
    }
  }
  #expect(differing == 0)
  // A line's head is where the scorer looks for it.
  #expect(UInt32(lineWidth) >> WordFeatures.headShift == UInt32(WeightTable.headWidth))
  #expect(Int(bitPattern: weights.baseAddress!) % WeightTable.alignment == 0)
  #expect(Int(bitPattern: heads.baseAddress!) % WeightTable.alignment == 0)
}

@Test("A small table copies its heads too", arguments: [10, 12])
func weightTableHeadsSmall(_ bits: Int) {
  let values = (0..<(1 << bits)).map { Int16(truncatingIfNeeded: $0 &* 7919) }
  let table = WeightTable(values)
  for index in values.indices where index % 32 < WeightTable.headWidth {
    #expect(table.heads[index / 32 * WeightTable.headWidth + index % 32] == values[index])
  }
}
