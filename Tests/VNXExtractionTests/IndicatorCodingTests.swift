import Foundation
import Testing
import VNXExtraction

@Test("Indicators use the gold field names (value_max)")
func indicatorFieldNames() throws {
  let indicator = Indicator(
    text: "từ 3 đến 4 hộ", start: 0, end: 13, value: 3, unit: "hộ", kind: .count, valueMax: 4)
  let json = String(decoding: try JSONEncoder().encode(indicator), as: UTF8.self)
  #expect(json.contains("\"value_max\":4"))
}
