// swift-tools-version:6.0
// The file tree follows the data: bytes → text → article → sentences/tokens/words
// → entities/indicators → JSON. See Sources/VNX/Pipeline.swift for the whole flow.
import PackageDescription

let package = Package(
  name: "vnx",
  products: [
    .executable(name: "vnx", targets: ["vnx"]),
    .library(name: "VNX", targets: ["VNX"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // The one door to ICU: plain C types only, so Foundation's bundled ICU never clashes.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
    ),
    // bytes → text: decoding (UTF-8/16, Windows-1258, TCVN3, VNI, VIQR) and normalization.
    .target(name: "VNXText", dependencies: ["CICU"]),
    // Plain-text lexicons in lexicons/, found from any working directory.
    .target(name: "VNXLexicons"),
    // text → article: boilerplate separated from title, lead, paragraphs, captions.
    .target(name: "VNXArticle", dependencies: ["VNXText"]),
    // article → sentences → tokens → words.
    .target(name: "VNXSegmentation", dependencies: ["VNXText", "VNXLexicons", "CICU"]),
    // tokens → entities, numbers, indicators.
    .target(name: "VNXExtraction", dependencies: ["VNXSegmentation", "VNXLexicons"]),
    // The whole pipeline behind one API, and its JSON document.
    .target(
      name: "VNX",
      dependencies: ["VNXText", "VNXArticle", "VNXSegmentation", "VNXExtraction"]
    ),
    .executableTarget(
      name: "vnx",
      dependencies: ["VNX", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(name: "VNXTextTests", dependencies: ["VNXText"]),
    .testTarget(name: "VNXArticleTests", dependencies: ["VNXArticle"]),
    .testTarget(name: "VNXSegmentationTests", dependencies: ["VNXSegmentation"]),
    .testTarget(name: "VNXExtractionTests", dependencies: ["VNXExtraction"]),
    .testTarget(name: "vnxEndToEndTests", dependencies: ["VNX"]),
  ]
)
