import Foundation
import Testing

@testable import VNXExtraction

@Test("probe", .enabled(if: ProcessInfo.processInfo.environment["VNX_PROBE"] != nil))
func probe() throws {
  let text = try String(contentsOfFile: ProcessInfo.processInfo.environment["VNX_PROBE"]!, encoding: .utf8)
  for line in text.split(separator: "\n") {
    let found = IndicatorExtractor().extract(from: String(line))
    print("\(line)\n   → " + found.map { "[\($0.text) = \($0.value) \($0.unit) t=\($0.total.map { "\($0)" } ?? "") about=\($0.about ?? "-")]" }.joined(separator: " "))
  }
}
