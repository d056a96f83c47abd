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
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // The one door to ICU: plain C types only, so Foundation's bundled ICU never clashes.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
    ),
    // Software prefetch for the word segmenter's table reads (one static inline C function).
    .target(name: "CPrefetch"),
    // libxml2's HTML parser (Debian libxml2-dev), for HTML pages.
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    // OpenSSL's libcrypto (Debian libssl-dev), for the SHA-256 content hash of every input.
    .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    // bytes → text: decoding (UTF-8/16, Windows-1258, TCVN3, VNI, VIQR) and normalization.
    .target(name: "VNXText", dependencies: ["CICU"]),
    // Plain-text lexicons in lexicons/, found from any working directory.
    .target(name: "VNXLexicons"),
    // text → article: boilerplate separated from title, lead, paragraphs, captions.
    .target(name: "VNXArticle", dependencies: ["VNXText", "VNXLexicons", "CLibXML2"]),
    // article → sentences → tokens → words.
    .target(
      name: "VNXSegmentation", dependencies: ["VNXText", "VNXLexicons", "CICU", "CPrefetch"]),
    // tokens → entities, numbers, indicators.
    .target(name: "VNXExtraction", dependencies: ["VNXSegmentation", "VNXLexicons"]),
    // The whole pipeline behind one API, and its JSON document.
    .target(
      name: "VNX",
      dependencies: ["VNXText", "VNXArticle", "VNXSegmentation", "VNXExtraction", "COpenSSL"]
    ),
    // Folders of inputs → datasets (JSON Lines, CSV, SQLite), in parallel and resumably.
    .target(name: "VNXBatch", dependencies: ["VNX", .product(name: "GRDB", package: "GRDB.swift")]),
    // Scores extraction against gold samples (SAMPLES.md).
    .target(name: "VNXEvaluation", dependencies: ["VNX"]),
    .executableTarget(
      name: "vnx",
      dependencies: [
        "VNX", "VNXBatch", "VNXEvaluation",
        .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(name: "VNXTextTests", dependencies: ["VNXText"]),
    .testTarget(name: "VNXArticleTests", dependencies: ["VNXArticle"]),
    .testTarget(
      name: "VNXSegmentationTests", dependencies: ["VNXSegmentation", "VNXText"],
      exclude: ["Fixtures"]),
    .testTarget(name: "VNXExtractionTests", dependencies: ["VNXExtraction", "VNXText", "VNXArticle"]),
    .testTarget(name: "VNXBatchTests", dependencies: ["VNXBatch"]),
    .testTarget(name: "VNXEvaluationTests", dependencies: ["VNXEvaluation", "VNXTestSupport"]),
    .testTarget(name: "vnxEndToEndTests", dependencies: ["VNX", "VNXTestSupport"]),
    // Runs the built `vnx` for the command-line tests.
    .target(name: "VNXTestSupport", path: "Tests/VNXTestSupport"),
  ]
)
