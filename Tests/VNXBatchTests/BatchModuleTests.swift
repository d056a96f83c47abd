import Testing
@testable import VNXBatch

@Test("The batch module links GRDB")
func batchLinks() { #expect(VNXBatchStage.name == "batch") }
