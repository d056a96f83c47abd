import Foundation
import Testing
import VNXSegmentation
import VNXText

/// Sentence-boundary precision and recall on hand-checked sentences
/// (`Fixtures/sentences/*.txt`, one gold sentence per line).
///
/// `handwritten.txt` holds hard cases written by hand; the other files are articles of the
/// corpus (`corpus/articles/NAME.txt`, normalized like every input), split by hand.
struct SentenceBoundaryScore: CustomStringConvertible {
  var gold = 0
  var predicted = 0
  var correct = 0

  var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
  var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
  var description: String {
    "precision \(precision) recall \(recall) (gold \(gold), predicted \(predicted), correct \(correct))"
  }

  /// Scores the sentences of `text` against gold sentences that appear in it in order.
  mutating func add(text: String, gold sentences: [String]) {
    let scalars = Array(text.unicodeScalars)
    var goldSpans: Set<[Int]> = []
    var from = 0
    for sentence in sentences {
      let needle = Array(sentence.unicodeScalars)
      guard let start = Self.find(needle, in: scalars, from: from) else {
        Issue.record("gold sentence not in the text: \(sentence)")
        continue
      }
      goldSpans.insert([start, start + needle.count])
      from = start + needle.count
    }
    let predictedSpans = Segmenter(abbreviations: .standard, model: nil).sentences(in: text)
      .map { [$0.start, $0.end] }
    gold += sentences.count
    predicted += predictedSpans.count
    correct += predictedSpans.filter(goldSpans.contains).count
  }

  static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var start = from
    while start + needle.count <= haystack.count {
      if haystack[start] == needle[0], Array(haystack[start..<(start + needle.count)]) == needle {
        return start
      }
      start += 1
    }
    return nil
  }
}

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures/sentences")

private func goldSentences(_ name: String) throws -> [String] {
  let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
  return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    .map { $0.replacingOccurrences(of: "\\n", with: "\n") }
}

@Test("Hand-written hard cases: every sentence boundary found, none invented")
func handwrittenBoundaries() throws {
  let sentences = try goldSentences("handwritten.txt")
  var text = ""
  for sentence in sentences {
    if !text.isEmpty {
      let last = text.unicodeScalars.last!
      text += ".!?…\"”)".unicodeScalars.contains(last) ? " " : "\n"
    }
    text += sentence
  }
  var score = SentenceBoundaryScore()
  score.add(text: text, gold: sentences)
  print("sentence boundaries, hand-written cases: \(score)")
  #expect(score.precision == 1 && score.recall == 1, "\(score)")
}

@Test("Corpus articles split by hand: precision and recall at least 0.97")
func corpusBoundaries() throws {
  let corpus = fixtures.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpus/articles")
  var score = SentenceBoundaryScore()
  let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
    .filter { $0.hasSuffix(".txt") && $0 != "handwritten.txt" }.sorted()
  for name in names {
    let source = corpus.appendingPathComponent(name)
    guard let raw = try? String(contentsOf: source, encoding: .utf8) else { continue }
    score.add(text: TextNormalizer().normalize(raw).text, gold: try goldSentences(name))
  }
  print("sentence boundaries, corpus articles \(names): \(score)")
  #expect(score.gold == 0 || (score.precision >= 0.97 && score.recall >= 0.97), "\(score)")
}
