import Testing
@testable import VNXSegmentation

/// Every scalar of the table's two ranges, their neighbours, and scalars far outside them
/// (where `entry` computes on the spot).
private let probedScalars: [UInt32] =
  Array(0..<0x300) + Array(0x1DF0..<0x1F10) + [0x2028, 0x3000, 0x4E2D, 0xFEFF, 0x1F600, 0x10FFFF]

@Test("A table entry says what LetterCase and ScalarClass say of the scalar")
func scalarTableAgreesWithClasses() {
  let table = ScalarTable.entries
  for value in probedScalars {
    let entry = ScalarTable.entry(value, table)
    let lower = LetterCase.lower(value)
    #expect(ScalarTable.lower(entry) == lower, "lower of \(value)")
    let isDigit = value >= 0x30 && value <= 0x39
    #expect((entry & ScalarTable.digitBit != 0) == isDigit, "digit \(value)")
    #expect((entry & ScalarTable.upperBit != 0) == (!isDigit && lower != value), "upper \(value)")
    let scalarClass = ScalarClass(value)
    #expect(
      ScalarTable.isAlphanumeric(value, table) == (scalarClass == .letter || scalarClass == .digit),
      "letter or digit \(value)")
  }
}

@Test(
  "Vietnamese capitals, small letters, digits and marks",
  arguments: [
    ("Ấ", true, true), ("ấ", false, true), ("Đ", true, true), ("đ", false, true),
    ("Ư", true, true), ("7", false, true), ("-", false, false), ("ʼ", false, false),
  ])
func scalarTableExamples(_ text: String, _ isUpper: Bool, _ isAlphanumeric: Bool) {
  let value = text.unicodeScalars.first!.value
  let entry = ScalarTable.entry(value, ScalarTable.entries)
  #expect((entry & ScalarTable.upperBit != 0) == isUpper)
  #expect(ScalarTable.isAlphanumeric(value, ScalarTable.entries) == isAlphanumeric)
}
