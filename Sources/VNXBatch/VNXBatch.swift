// VNXBatch: folders of inputs → datasets. See Sources/VNX/Pipeline.swift for the flow.
import GRDB
enum VNXBatchStage { static let name = "batch"; static let sqliteVersion = DatabaseQueue.self }
