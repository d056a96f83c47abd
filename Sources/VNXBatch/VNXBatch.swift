// VNXBatch: folders of inputs → datasets. See Sources/VNX/Pipeline.swift for the flow.
