import Foundation
import Testing
import VNXTestSupport

@Test("vnx --help names the tool's purpose")
func helpWorks() throws {
  let result = try VNXCommand.run(["--help"])
  #expect(result.status == 0)
  #expect(result.output.contains("Vietnamese"))
}
