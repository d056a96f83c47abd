import Testing

@testable import VNXEvaluation

@Test(
  "Keys ignore tone-mark placement, case, composition and spacing",
  arguments: [
    ("hòa", "hoà"), ("Đảng ủy xã", "đảng uỷ  xã"), ("KHỎE", "khoẻ"), ("Thủy  lợi", "thuỷ\nlợi"),
    ("Ho\u{300}a Bi\u{300}nh", "Hòa Bình"), (" Bản Hon ", "bản hon"),
  ])
func keysAreEqual(_ left: String, _ right: String) {
  #expect(TextKey(left) == TextKey(right))
}

@Test(
  "Keys keep what differs",
  arguments: [("hòa", "họa"), ("Bản Hon", "Bản Hòn"), ("hộ", "hộ gia đình")])
func keysDiffer(_ left: String, _ right: String) {
  #expect(TextKey(left) != TextKey(right))
}

@Test(
  "Units are equal by key or as a word prefix",
  arguments: [
    ("hộ", "hộ gia đình", true), ("chi bộ nông thôn", "chi bộ", true), ("hộ", "Hộ", true),
    ("tấn", "tấn", true), ("hộ", "hội", false), ("tấn", "tấn/ha", false), ("ha", "hộ", false),
    ("đảng viên", "đảng", true), ("%", "", false),
  ])
func unitPrefixRule(_ gold: String, _ predicted: String, _ equal: Bool) {
  #expect(IndicatorMatching.unitsMatch(TextKey(gold), TextKey(predicted)) == equal)
}

@Test(
  "Values are equal within 1e-6 relative",
  arguments: [
    (2343.0, 2343.0, true), (1.2e9, 1.2e9 + 100, true), (5.5, 5.5000001, true), (0, 0, true),
    (5.5, 5.6, false), (0, 1e-9, false), (100, 100.01, false),
  ] as [(Double, Double, Bool)])
func valueTolerance(_ gold: Double, _ predicted: Double, _ equal: Bool) {
  #expect(IndicatorMatching.valuesMatch(gold, predicted) == equal)
}
