// VNXEvaluation: scores extraction against gold samples.
enum VNXEvaluationStage { static let name = "evaluation" }
