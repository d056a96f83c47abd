// VNXArticle: see Sources/VNX/Pipeline.swift for where this stage sits.
