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

/// The longest phrase of `phrases` at `start` (ending by `limit`), read the plain way: every
/// length tried against a dictionary of token sequences.
private func plainLongestMatch(
  _ phrases: [[UInt64]: Int], _ hashes: [UInt64], at start: Int, limit: Int
) -> (length: Int, value: Int)? {
  guard start < limit else { return nil }
  for end in stride(from: limit, to: start, by: -1) {
    if let value = phrases[Array(hashes[start..<end])] { return (end - start, value) }
  }
  return nil
}

@Test("A phrase table's longest match is the longest phrase a dictionary of them holds", arguments: [1, 7, 300])
func phraseTableMatchesDictionary(_ seed: UInt64) {
  var state = seed
  func next(_ bound: UInt64) -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return (state >> 33) % bound
  }
  // Few distinct tokens, so that phrases share prefixes and texts hit them often; the last
  // two start no phrase. Random 64-bit hashes: the table's subject is its slots, not the mixing.
  let words = (0..<14).map { _ in next(1 << 31) << 33 ^ next(1 << 31) << 2 ^ next(4) }
  var table = PhraseTable<Int>(bit: 1)
  var phrases: [[UInt64]: Int] = [:]
  for value in 0..<400 {
    let phrase = (0...next(4)).map { _ in words[Int(next(12))] }
    // A phrase inserted again keeps the sum of its values (`merge`).
    table.insert(phrase, value) { $0 += $1 }
    phrases[phrase, default: 0] += value
  }
  #expect(table.count == phrases.count)
  let text = (0..<500).map { _ in words[Int(next(14))] }
  let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: text.count)
  defer { buffer.deallocate() }
  _ = buffer.initialize(from: text)
  for start in 0..<text.count {
    let limit = min(text.count, start + Int(next(8)))
    let found = table.longestMatch(buffer, at: start, limit: limit)
    let expected = plainLongestMatch(phrases, text, at: start, limit: limit)
    #expect(found?.length == expected?.length && found?.value == expected?.value)
  }
  for (phrase, value) in phrases { #expect(table.value(phrase) == value) }
  #expect(table.value([Cue.hash("absent")]) == nil)
}
