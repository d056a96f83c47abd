import Foundation
import Testing
@testable import VNXSegmentation

/// The score of a segmentation as `wordViterbi` defines it: B scores, transitions, tag pairs
/// on I→I, and the word scores of the words of 2…5 syllables it makes.
private func total(
  _ starts: [Bool], scores: [Float], transitions: [Float], continuations: [Float], words: [Float]
) -> Float {
  let slots = WordFeatures.wordSlots
  var sum: Float = 0
  var length = 0
  for index in starts.indices {
    if starts[index] {
      if length >= 2, length <= WordFeatures.longestWord {
        sum += words[(index - 1) * slots + length - 2]
      }
      length = 1
      sum += scores[index]
    } else {
      length += 1
    }
    if index > 0 {
      sum += transitions[(starts[index - 1] ? 0 : 2) + (starts[index] ? 0 : 1)]
      if index >= 2, !starts[index - 1], !starts[index] { sum += continuations[index] }
    }
  }
  if length >= 2, length <= WordFeatures.longestWord {
    sum += words[(starts.count - 1) * slots + length - 2]
  }
  return sum
}

@Test("The word-length Viterbi finds the best-scoring segmentation", arguments: 0..<40)
func wordViterbiIsExact(seed: Int) {
  var random = SplitMix(seed: UInt64(seed))
  func value() -> Float { Float(Int(random.next() % 17)) - 8 }
  let count = 1 + Int(random.next() % 9)
  let slots = WordFeatures.wordSlots
  let scores = (0..<count).map { _ in value() }
  let mayJoin = (0..<count).map { $0 > 0 && random.next() % 5 != 0 }
  let transitions = (0..<4).map { _ in value() / 2 }
  let continuations = (0..<count).map { _ in value() / 2 }
  let words = (0..<(count * slots)).map { _ in random.next() % 3 == 0 ? value() * 2 : 0 }
  let found = WordSegmentationModel.wordViterbi(
    scores: scores, mayJoin: mayJoin, transitions: transitions, continuations: continuations,
    words: words)
  var best = -Float.infinity
  for bits in 0..<(1 << count) {
    let starts = (0..<count).map { $0 == 0 || bits >> $0 & 1 == 1 || !mayJoin[$0] }
    guard (0..<count).allSatisfy({ starts[$0] == ($0 == 0 || bits >> $0 & 1 == 1 || !mayJoin[$0]) }),
      bits & 1 == 0, (1..<count).allSatisfy({ mayJoin[$0] || bits >> $0 & 1 == 1 })
    else { continue }
    best = max(
      best,
      total(starts, scores: scores, transitions: transitions, continuations: continuations, words: words))
  }
  let score = total(
    found, scores: scores, transitions: transitions, continuations: continuations, words: words)
  #expect(found[0])
  #expect((0..<count).allSatisfy { mayJoin[$0] || found[$0] })
  #expect(score == best)
}

@Test("Without word scores the word-length Viterbi decodes as the B/I Viterbi")
func wordViterbiWithoutWords() {
  let scores: [Float] = [0, -2, -1.5, 3, -1, -1, -1, -1, -1, -0.5]
  let mayJoin = [false, true, true, true, true, true, true, true, true, true]
  let transitions: [Float] = [0.5, 0, -0.2, 0.1]
  let continuations: [Float] = [0, 0, -0.5, 0, 0.3, 0.3, 0.3, 0.3, 0.3, -2]
  #expect(
    WordSegmentationModel.wordViterbi(
      scores: scores, mayJoin: mayJoin, transitions: transitions, continuations: continuations,
      words: [Float](repeating: 0, count: scores.count * WordFeatures.wordSlots))
      == WordSegmentationModel.viterbi(
        scores: scores, mayJoin: mayJoin, transitions: transitions, continuations: continuations))
}

@Test("A word score joins a dictionary word that the syllable scores would split")
func wordScoreJoins() {
  // "nông thôn mới": the B scores alone split after "thôn"; a score for the three-syllable word
  // ending at 2 makes it one word, one for the two-syllable word ending at 1 makes "nông thôn".
  let scores: [Float] = [0, -1, 1.5]
  let mayJoin = [false, true, true]
  let transitions: [Float] = [0, 0, 0, 0]
  let slots = WordFeatures.wordSlots
  var words = [Float](repeating: 0, count: 3 * slots)
  #expect(
    WordSegmentationModel.wordViterbi(
      scores: scores, mayJoin: mayJoin, transitions: transitions, words: words)
      == [true, false, true])
  words[2 * slots + 1] = 2
  #expect(
    WordSegmentationModel.wordViterbi(
      scores: scores, mayJoin: mayJoin, transitions: transitions, words: words)
      == [true, false, false])
  words[2 * slots + 1] = 0
  words[1 * slots] = -2
  #expect(
    WordSegmentationModel.wordViterbi(
      scores: scores, mayJoin: mayJoin, transitions: transitions, words: words)
      == [true, true, true])
}

/// A few sentences in which the listed "trở về" is written apart and "nông thôn mới" is one word.
private let toyCorpus = SegmentedCorpus(sentences: [
  .init(words: ["Anh", "trở", "về", "nông thôn mới", "."]),
  .init(words: ["Chị", "trở", "về", "quê", "."]),
  .init(words: ["Đảng viên", "về", "nông thôn mới", "."]),
  .init(words: ["Họ", "trở", "về", "nhà", "nông thôn mới", "."]),
  .init(words: ["Lò Văn Phà", "là", "đảng viên", "."]),
])

private func wordLevelTrainer() -> WordSegmenterTrainer {
  var trainer = WordSegmenterTrainer()
  trainer.tableBits = 14
  trainer.epochs = 8
  trainer.wordLevel = true
  trainer.tagPairs = true
  trainer.lexicon = ["trở về\t1", "nông thôn\t1", "đảng viên\t1"]
  return trainer
}

@Test("A word-level model learns its training sentences and keeps its flag in the model file")
func wordLevelTraining() throws {
  let model = wordLevelTrainer().train(toyCorpus)
  #expect(model.wordLevel)
  let score = WordSegmentationScore.evaluate(
    Segmenter(abbreviations: .standard, model: model), on: toyCorpus)
  #expect(score.f1 == 1, "\(score)")
  let data = model.serialized()
  let loaded = try WordSegmentationModel(data: data)
  #expect(loaded.wordLevel)
  #expect(loaded.serialized() == data)
  #expect(wordLevelTrainer().train(toyCorpus).serialized() == data)
  // Without the flag the same weights decode without word scores.
  var header = [UInt8](data)
  header[10] &= ~UInt8(WordSegmentationModel.wordLevelFlag >> 16)
  #expect(try !WordSegmentationModel(data: Data(header)).wordLevel)
}

@Test("Word scores sum the weights of each candidate word's features")
func wordScoresSumFeatures() {
  let model = wordLevelTrainer().train(toyCorpus)
  let text = "Chị trở về nông thôn mới ."
  let scalars = ScalarBuffer.scalars(of: text)
  scalars.withUnsafeBufferPointer { buffer in
    var scanner = TokenScanner(scalars: buffer, abbreviations: .standard)
    scanner.scan()
    let features = WordFeatures(
      SyllableSequence(scanner.tokens, buffer, offset: 0), dictionary: model.dictionary,
      bits: model.tableBits)
    let slots = WordFeatures.wordSlots
    var scores = [Float](repeating: .nan, count: features.sequence.count * slots)
    scores.withUnsafeMutableBufferPointer {
      features.wordScores(into: $0.baseAddress!, weights: model.quantized, scale: model.scale)
    }
    // The listed "trở về" (1…2) and "nông thôn" (3…4) and the corpus word "nông thôn mới"
    // (3…5) are the candidates; every other score is 0.
    let candidates = features.candidateWords
    #expect(candidates.map(\.start) == [1, 3, 3])
    #expect(candidates.map(\.length) == [2, 2, 3])
    var expected = [Float](repeating: 0, count: scores.count)
    var buffer = [UInt32](repeating: 0, count: WordFeatures.maximumCount)
    for (start, length) in candidates {
      let n = buffer.withUnsafeMutableBufferPointer {
        features.wordFeatures(start: start, length: length, into: $0.baseAddress!)
      }
      let sum = buffer[0..<n].reduce(Int32(0)) { $0 + Int32(model.quantized[Int($1)]) }
      expected[(start + length - 1) * slots + length - 2] = Float(sum) * model.scale
    }
    #expect(scores == expected)
    #expect(expected.contains { $0 != 0 })
  }
}
