import Foundation
import Testing

@testable import VNXEvaluation

/// Headless Chromium (Debian's `chromium`, which `Tests/scripts/install-deps.sh` installs), found
/// on PATH; nil (and the browser test skipped, with a note) when it is missing.
enum Browser {
  static let path: String? = {
    if let found = which(["chromium", "chromium-browser", "google-chrome"]) { return found }
    print("note: no chromium on PATH; the HTML browser test is skipped")
    return nil
  }()

  static func which(_ names: [String]) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    for name in names {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
      {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }

  @discardableResult
  static func run(_ executable: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    // A browser that hangs must not hang the suite.
    DispatchQueue.global().asyncAfter(deadline: .now() + 120) {
      if process.isRunning { process.terminate() }
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The DOM after scripts ran.
  static func dom(of file: URL) -> String? {
    guard let path else { return nil }
    return run(
      path,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
        "--dump-dom", file.absoluteString,
      ])
  }
}

/// One hand-made article with a found, a missed and a false entity, and indicators of each kind.
func handMadeEvaluation() throws -> Evaluation {
  let text =
    "Đồng chí Lò Văn Phà, Bí thư Đảng uỷ xã Bản Hon cho biết xã có 166 đảng viên, trên 5, 5 ha lúa & <ngô>."
  let folder = try temporaryFolder()
  let article = folder.appendingPathComponent("banhon.txt")
  try Data(text.utf8).write(to: article)
  let gold = Annotations(
    meta: ["title": "Bản Hon"],
    entities: [
      E(type: "person", text: "Lò Văn Phà"), E(type: "commune", text: "Bản Hon"),
      E(type: "organization", text: "Đảng ủy xã Bản Hon"),
    ],
    indicators: [
      I(text: "166 đảng viên", value: 166, unit: "đảng viên"),
      I(text: "trên 5, 5 ha", value: 5.5, unit: "ha", qualifier: "over"),
    ])
  let scalars = Array(text.unicodeScalars)
  func offset(_ needle: String) -> Int {
    let pattern = Array(needle.unicodeScalars)
    return (0...(scalars.count - pattern.count)).first {
      Array(scalars[$0..<($0 + pattern.count)]) == pattern
    }!
  }
  let predicted = Annotations(
    entities: [
      E(
        type: "person", text: "Lò Văn Phà", start: offset("Lò Văn Phà"),
        end: offset("Lò Văn Phà") + 10),
      E(type: "person", text: "Bí thư", start: offset("Bí thư"), end: offset("Bí thư") + 6),
      E(type: "organization", text: "Đảng uỷ xã Bản Hon"),
    ],
    indicators: [
      I(
        text: "166 đảng viên", value: 166, unit: "đảng viên", start: offset("166"),
        end: offset("166") + 13),
      I(text: "5 ha", value: 5, unit: "ha"),
    ],
    text: text, path: article.path)
  return try Evaluator().evaluate(
    [Sample(article: article.path, gold: folder.appendingPathComponent("banhon.gold.json").path)]
      .map { sample in
        try Data(JSONEncoder().encode(gold)).write(to: URL(fileURLWithPath: sample.gold))
        return sample
      },
    predictions: [predicted])
}

@Test("The HTML page is self-contained and marks found, missed and false spans")
func htmlMarks() throws {
  let evaluation = try handMadeEvaluation()
  let html = evaluation.html
  #expect(html.hasPrefix("<!DOCTYPE html>"))
  for network in ["http://", "https://", "<link", "src="] where network != "http://" {
    #expect(!html.contains(network))
  }
  #expect(!html.contains("<ngô>"))
  #expect(html.contains("&lt;ngô&gt;"))
  #expect(
    html.contains(
      #"<mark class="s tp layer-entity" title="person “Lò Văn Phà”: found">Lò Văn Phà</mark>"#))
  #expect(html.contains(#"<mark class="s fp layer-entity""#))  // "Bí thư"
  // The missed commune lies inside the found organization: that piece carries both.
  #expect(
    html.contains(
      #"<mark class="s tp fn layer-entity" title="organization “Đảng ủy xã Bản Hon”: found\#ncommune “Bản Hon”: missed">Bản Hon</mark>"#
    ))
  #expect(
    html.contains(
      #"<mark class="s fn layer-indicator" title="“trên 5, 5 ha” = 5.5 ha: missed">trên 5, </mark>"#
    ))
  // Gold in the other tone style is found in the text ("Đảng ủy" in gold, "Đảng uỷ" written).
  #expect(html.contains(#"title="organization “Đảng ủy xã Bản Hon”: found">Đảng uỷ xã </mark>"#))
  // The false "5 ha" overlaps the missed span: the shared piece carries both marks.
  #expect(
    html.contains(#"<mark class="s fp fn layer-indicator" title="“trên 5, 5 ha” = 5.5 ha: missed"#))
  #expect(html.contains(#"<mark class="s tp layer-indicator""#))
}

@Test(
  "In a real browser the chart is drawn and the marks are there", .enabled(if: Browser.path != nil))
func htmlRendersInBrowser() throws {
  let evaluation = try handMadeEvaluation()
  let file = try temporaryFolder().appendingPathComponent("report.html")
  defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
  try Data(evaluation.html.utf8).write(to: file)
  let dom = try #require(Browser.dom(of: file))
  // Bars exist only once the script has run: one per entity type, micro and indicators.
  let bars = dom.components(separatedBy: "<rect").count - 1
  #expect(bars == evaluation.report.entityTypes.count + 2)
  #expect(dom.contains("class=\"bar micro\""))
  #expect(dom.contains("<svg"))
  #expect(dom.contains("class=\"s tp layer-entity\""))
  #expect(dom.contains("class=\"s tp fn layer-entity\""))
  #expect(dom.contains("class=\"s fp layer-entity\""))
}
