import Testing

@testable import VNXExtraction

@Test(
  "A table sized beforehand holds what a growing one holds",
  arguments: [0, 1, 3, 4, 7, 100, 1000])
func sizedTableMatchesGrowingTable(_ count: Int) {
  // Keys that share low bits, so that probes collide.
  let keys = (0..<UInt64(count)).map { $0 &* 0x1_0000_0000 &+ 7 }
  var sized = HashKeyTable<Int>(minimumCapacity: count)
  var growing = HashKeyTable<Int>()
  for (value, key) in keys.enumerated() {
    sized[key] = value
    growing[key] = value
  }
  #expect(sized.count == count)
  for (value, key) in keys.enumerated() {
    #expect(sized[key] == value)
    #expect(growing[key] == value)
  }
  #expect(sized[0xDEAD_BEEF] == nil)
  // One more entry than asked for still fits (the table then grows).
  sized[0xFFFF] = -1
  #expect(sized[0xFFFF] == -1)
  #expect(sized.count == count + 1)
}
