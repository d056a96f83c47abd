import Foundation
import Testing
import VNXTestSupport

/// The accuracy gate CI runs: `vnx eval corpus` must reach these F1 floors.
///
/// Each floor is what the code reached on the team corpus when it was last raised; raise them
/// as extraction improves, never lower them.
let corpusFloors = [
  "entities=0.99", "person=0.99", "cell=0.99", "village=0.99", "commune=0.99",
  "district=0.98", "province=0.99", "organization=0.99", "document=0.99", "date=0.99",
  "indicators=0.99",
]

@Test("vnx eval corpus reaches the accuracy floors", .enabled(if: VNXCommand.binary != nil))
func corpusGate() throws {
  let corpus = VNXCommand.packageRoot.appendingPathComponent("corpus")
  let result = try VNXCommand.run([
    "eval", corpus.path, "--min-f1", corpusFloors.joined(separator: ","),
  ])
  #expect(result.status == 0, "\(result.error)")
  #expect(result.output.contains("micro"))
}
