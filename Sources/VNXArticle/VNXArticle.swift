// VNXArticle: see Sources/VNX/Pipeline.swift for where this stage sits.
public enum VNXArticleStage { public static let name = "article" }
