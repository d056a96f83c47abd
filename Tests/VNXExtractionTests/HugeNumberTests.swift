import Testing
import VNXExtraction

/// Runs of digits too long for a Double are no number (JSON has no infinity).
@Test(
  "10,000 digits are no number",
  arguments: [
    String(repeating: "7", count: 10_000), "1," + String(repeating: "5", count: 10_000),
    Array(repeating: "123", count: 3_334).joined(separator: "."), String(repeating: "9", count: 400),
  ])
func hugeDigits(_ text: String) {
  #expect(VietnameseNumber.digits(text) == nil)
  #expect(VietnameseNumber(text + " tỷ") == nil)
}

@Test("Large but finite numbers still read")
func largeDigits() {
  #expect(VietnameseNumber.digits("1" + String(repeating: "0", count: 300)).map { abs($0 / 1e300 - 1) < 1e-9 } == true)
  #expect(VietnameseNumber("1" + String(repeating: "0", count: 300) + " tỷ") == nil)
  #expect(VietnameseNumber("1,2 tỷ")?.value == 1_200_000_000)
}
