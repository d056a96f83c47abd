import Foundation
import Testing
import VNXArticle
import VNXSegmentation

@testable import VNXExtraction

/// Throughput of indicator extraction over the corpus and the samples (article text in,
/// indicators out), segmentation timed apart. Run with `VNX_BENCH=1` (release for real
/// figures: `swift test -c release --filter indicatorThroughput`).
@Test("Indicator extraction throughput", .enabled(if: ProcessInfo.processInfo.environment["VNX_BENCH"] != nil))
func indicatorThroughput() {
  var texts: [String] = []
  for folder in [Corpus.folder, Samples.folder] {
    for (_, article, _) in Samples.load(folder) { texts.append(article) }
  }
  let bytes = texts.reduce(0) { $0 + $1.utf8.count }
  let segmenter = Segmenter()
  let extractor = IndicatorExtractor()
  let rounds = 5
  let clock = ContinuousClock()
  var sentences: [[Sentence]] = []
  let segmenting = clock.measure {
    for _ in 0..<rounds { sentences = texts.map { segmenter.sentences(in: $0) } }
  }
  var count = 0
  let extracting = clock.measure {
    for _ in 0..<rounds {
      for (text, split) in zip(texts, sentences) { count += extractor.extract(from: text, sentences: split).count }
    }
  }
  func perSecond(_ duration: Duration) -> Double {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return Double(bytes * rounds) / seconds / 1_000_000
  }
  print(
    String(
      format: "indicators: %d articles, %.1f KB; extraction %.2f MB/s (%.2f ms/article), segmentation %.2f MB/s; %d indicators",
      texts.count, Double(bytes) / 1000, perSecond(extracting),
      Double(extracting.components.attoseconds / 1_000_000_000_000_000 + extracting.components.seconds * 1000)
        / Double(texts.count * rounds), perSecond(segmenting), count / rounds))
  #expect(count > 0)
}
