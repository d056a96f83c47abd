import Testing
@testable import VNXEvaluation

@Test("The evaluation module builds on the pipeline")
func evaluationLinks() { #expect(VNXEvaluationStage.name == "evaluation") }
