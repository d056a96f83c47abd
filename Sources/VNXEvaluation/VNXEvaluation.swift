// VNXEvaluation: scores extraction against gold samples.
