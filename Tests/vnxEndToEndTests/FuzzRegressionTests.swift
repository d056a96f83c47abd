import Foundation
import Testing
import VNX

/// The inputs in Tests/Fuzz/Regressions (crashes fuzzing found, and the bad inputs behind
/// earlier fixes) go through the article reader and the whole pipeline: a document that
/// encodes, or one decoding error; never a crash. Tests/scripts/fuzz.sh also starts from them.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

  @Test("The regression inputs are there")
  func present() {
    #expect(Self.names.count >= 10)
  }

  @Test("A regression input gives articles, a document or one clear error", arguments: names)
  func regression(_ name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    _ = try? ArticleReader().read(bytes)
    _ = try? ArticleReader().read(Array("<html><body><p>".utf8) + bytes)
    try BadInputPipelineTests.check(bytes)
  }
}
