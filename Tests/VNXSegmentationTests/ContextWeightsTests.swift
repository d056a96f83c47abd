import Foundation
import Testing
@testable import VNXSegmentation

/// The article texts of `corpus/articles`.
private let articleTexts: [String] = {
  let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("corpus/articles")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
  return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap {
    try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
  }
}()

/// Checks, sentence by sentence, that the scores the segmenter computes from the tables equal
/// the weights of the templates summed one by one (`WordFeatures.features(_:into:)`).
private func expectScoresMatchTemplates(_ model: WordSegmentationModel, _ texts: [String]) -> Int {
  var compared = 0
  var buffer = [UInt32](repeating: 0, count: WordFeatures.maximumCount)
  for text in texts {
    let scalars = ScalarBuffer.scalars(of: text)
    scalars.withUnsafeBufferPointer { scalars in
      var scanner = TokenScanner(scalars: scalars, abbreviations: .standard)
      scanner.scan()
      let ranges = SentenceSplitter(
        scalars: scalars, tokens: scanner.tokens, breaksBefore: scanner.breaksBefore,
        abbreviations: .standard
      ).split()
      let syllables = TokenSyllables(scanner.tokens, scalars, offset: 0)
      var features = WordFeatures()
      for range in ranges {
        features.load(syllables, range, dictionary: model.dictionary, bits: model.tableBits)
        var scores = [Float](repeating: .nan, count: range.count)
        scores.withUnsafeMutableBufferPointer {
          features.scores(
            into: $0.baseAddress!, weights: model.quantized.baseAddress!,
            heads: model.heads.baseAddress!, context: model.contextWeights, scale: model.scale)
        }
        for i in 0..<range.count {
          guard features.sequence.mayJoin(i) else {
            #expect(scores[i] == 0)
            continue
          }
          let count = buffer.withUnsafeMutableBufferPointer { features.features(i, into: $0.baseAddress!) }
          let sum = buffer[0..<count].reduce(Int32(0)) { $0 &+ Int32(model.quantized[Int($1)]) }
          #expect(scores[i] == Float(sum) * model.scale)
          compared += 1
        }
      }
    }
  }
  return compared
}

@Test("Scores from the context tables equal the templates summed one by one (shipped model)")
func contextTablesMatchTemplates() throws {
  let model = try #require(WordSegmentationModel.standard)
  #expect(expectScoresMatchTemplates(model, articleTexts) > 10_000)
}

@Test("Scores from the context tables equal the templates summed one by one (with classes)")
func contextTablesMatchTemplatesWithClasses() throws {
  let corpus = SegmentedCorpus(sentences: [
    .init(words: ["đảng viên", "đã", "về", "nông thôn mới", "."]),
    .init(words: ["Lò Văn Phà", "là", "đảng viên", "ấy"]), .init(words: ["bữa", "ăn", "ngon"]),
  ])
  var trainer = WordSegmenterTrainer()
  trainer.tableBits = 14
  trainer.epochs = 2
  trainer.lexicon = ["đảng viên", "bữa ăn", "nông thôn"]
  trainer.syllableClasses = ["time bữa buổi", "directional ra vào về", "demonstrative ấy này"]
  let model = trainer.train(corpus)
  #expect(!model.dictionary.classes.isEmpty)
  #expect(expectScoresMatchTemplates(model, Array(articleTexts.prefix(20))) > 1_000)
}

@Test("Each table key holds only the fields of its group, in their ranges")
func groupKeys() {
  for group in ContextWeights.Group.allCases {
    let size = 1 << group.bits
    #expect(group.offset + size <= ContextWeights.Group.total)
    let valid = (0..<size).filter { group.contexts($0) != nil }.count
    let expected = group.fields.reduce(1) { $0 * Int($1.limit) }
    #expect(valid == expected)
  }
  for conjunction in ContextWeights.Conjunction.allCases {
    #expect(conjunction.offset + conjunction.size <= ContextWeights.Conjunction.total)
  }
}
