import Testing
@testable import VNXText

private func valid(_ bytes: [UInt8]) -> Bool {
  bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
}

@Test(
  "Well-formed UTF-8 and every kind of ill-formed sequence",
  arguments: [
    ([], true),
    (Array("Người Việt, 2023: “Hòa Bình” 😀".utf8), true),
    ([0xE0, 0xA0, 0x80], true), ([0xED, 0x9F, 0xBF], true), ([0xEF, 0xBF, 0xBF], true),
    ([0xF0, 0x90, 0x80, 0x80], true), ([0xF4, 0x8F, 0xBF, 0xBF], true),
    ([0x80], false), ([0xBF], false),  // stray continuation
    ([0xC0, 0x80], false), ([0xC1, 0xBF], false),  // overlong 2-byte
    ([0xE0, 0x9F, 0xBF], false),  // overlong 3-byte
    ([0xED, 0xA0, 0x80], false),  // surrogate
    ([0xF0, 0x8F, 0xBF, 0xBF], false),  // overlong 4-byte
    ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false),  // above U+10FFFF
    ([0xFF], false), ([0xC3], false), ([0xE1, 0xBB], false),  // truncated at the end
    ([0xC3, 0x41], false), ([0xE1, 0x41, 0x87], false),  // continuation missing
  ] as [([UInt8], Bool)])
func validatesSequences(_ bytes: [UInt8], _ expected: Bool) {
  // Alone, and after ASCII so that the eight-byte words see it at every alignment.
  for padding in 0..<16 {
    let padded = [UInt8](repeating: 0x61, count: padding) + bytes + [0x62]
    #expect(valid(padded) == expected, "padding \(padding)")
  }
  #expect(valid(bytes) == expected)
}

@Test("Agrees with the standard library on random byte strings built from UTF-8 pieces")
func agreesWithStandardLibrary() {
  let pieces: [[UInt8]] = [
    [0x41], [0x20], [0xC3, 0xA0], [0xE1, 0xBB, 0x87], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC0],
    [0xC1, 0x80], [0xE0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90], [0xF5], [0xFF],
    [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xC2],
  ]
  var generator = SystemRandomNumberGenerator()
  for _ in 0..<20_000 {
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 0...16, using: &generator) {
      bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
    }
    let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    #expect(valid(bytes) == expected, "\(bytes)")
    if expected {
      let string = bytes.withUnsafeBufferPointer(UTF8Validation.string(validating:))
      #expect(string.map { Array($0.utf8) } == bytes)
    }
  }
}

@Test("Scalar counts by bytes agree with the standard library's on every length and width")
func scalarCountsAgree() {
  // One-, two-, three- and four-byte scalars, at every alignment against the 8-byte steps.
  let pieces = ["a", "đ", "ệ", "😀", "e\u{0302}\u{0301}", " ", "Ấ"]
  var text = ""
  for step in 0..<64 {
    text += pieces[step % pieces.count]
    #expect(UTF8Scalars.count(text) == text.unicodeScalars.count, "\(step)")
    let bytes = Array(text.utf8)
    for start in 0..<min(bytes.count, 9) {
      let slice = bytes[start...]
      let scalars = String(decoding: slice, as: UTF8.self).unicodeScalars.count
      if bytes[start] & 0xC0 != 0x80 {
        #expect(slice.withUnsafeBufferPointer { UTF8Scalars.count($0) } == scalars)
      }
    }
  }
  #expect(UTF8Scalars.count("") == 0)
}
