/// Word-boundary precision, recall and F1: a predicted word counts when a gold word has exactly
/// its span (the usual word segmentation score over syllable spans).
public struct WordSegmentationScore: Sendable, Hashable, CustomStringConvertible {
  public var gold = 0
  public var predicted = 0
  public var correct = 0

  public init() {}

  public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
  public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
  public var f1: Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }

  public mutating func add(gold: [Range<Int>], predicted: [Range<Int>]) {
    self.gold += gold.count
    self.predicted += predicted.count
    // Both lists are in text order: a merge counts the equal spans.
    var g = 0
    var p = 0
    while g < gold.count, p < predicted.count {
      if gold[g] == predicted[p] {
        correct += 1
        g += 1
        p += 1
      } else if gold[g].lowerBound < predicted[p].lowerBound
        || (gold[g].lowerBound == predicted[p].lowerBound
          && gold[g].upperBound < predicted[p].upperBound)
      {
        g += 1
      } else {
        p += 1
      }
    }
  }

  /// Scores a segmenter on a corpus, each corpus sentence taken as one sentence.
  public static func evaluate(_ segmenter: Segmenter, on corpus: SegmentedCorpus)
    -> WordSegmentationScore
  {
    var score = WordSegmentationScore()
    var segmenter = segmenter
    segmenter.segmentsWords = true
    for sentence in corpus.sentences {
      let words = segmenter.sentences(lines: sentence.text).flatMap(\.words)
      score.add(gold: sentence.words, predicted: words.map { $0.start..<$0.end })
    }
    return score
  }

  public var description: String {
    "P \(Self.format(precision)) R \(Self.format(recall)) F1 \(Self.format(f1)) "
      + "(gold \(gold), predicted \(predicted), correct \(correct))"
  }

  static func format(_ value: Double) -> String {
    let scaled = Int((value * 10000).rounded())
    let fraction = String(scaled % 10000)
    return "\(scaled / 10000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
  }
}
