import Foundation
import Testing
@testable import VNXSegmentation

private let sentences: [SegmentedCorpus.Sentence] = [
  .init(words: ["học sinh", "học", "sinh học", "."]),
  .init(words: ["Lò Văn Phà", "là", "đảng viên", "."]),
  .init(words: ["sản lượng", "lúa", "của", "xã", "Đông Pao", "tăng"]),
  .init(words: ["xây dựng", "nông thôn mới", "ở", "Phạm Ngọc Khang"]),
  .init(words: ["ông", "Phạm Ngọc", "về", "quê"]),
]

@Test("The CRF gradient matches finite differences of its objective", arguments: [0.0, 0.5])
func crfGradient(margin: Double) {
  var trainer = WordSegmenterTrainer()
  trainer.tableBits = 12
  trainer.tagPairs = true
  let (examples, _) = trainer.examples(SegmentedCorpus(sentences: sentences))
  let size = 1 << trainer.tableBits
  let objective = ChainCRFObjective(examples: examples, size: size, l2: 0.1, margin: margin)
  // Weights away from zero, so that every feature and transition matters.
  var random = SplitMix(seed: 7)
  let x = (0..<(size + 4)).map { _ in Double(random.next() % 2001) / 1000 - 1 }
  var gradient: [Double] = []
  _ = objective.evaluate(x, gradient: &gradient)
  let continuation = examples.flatMap(\.continuations).map(Int.init)
  #expect(!continuation.isEmpty)
  let checked =
    examples.flatMap(\.features).prefix(40).map(Int.init) + continuation.prefix(10)
    + Array(size..<(size + 4))
  var unused: [Double] = []
  for k in Set(checked).sorted() {
    let h = 1e-5
    var up = x
    up[k] += h
    var down = x
    down[k] -= h
    let numeric =
      (objective.evaluate(up, gradient: &unused) - objective.evaluate(down, gradient: &unused))
      / (2 * h)
    #expect(abs(numeric - gradient[k]) <= 1e-5 * max(1, abs(numeric)), "weight \(k)")
  }
}

@Test("A CRF trained on a few sentences segments them as their gold words")
func crfLearnsSentences() throws {
  let corpus = SegmentedCorpus(sentences: sentences)
  var trainer = WordSegmenterTrainer()
  trainer.tableBits = 12
  trainer.tagPairs = true
  trainer.learner = .crf
  trainer.l2 = 0.01
  trainer.iterations = 100
  let model = trainer.train(corpus)
  let score = WordSegmentationScore.evaluate(
    Segmenter(abbreviations: .standard, model: model), on: corpus)
  #expect(score.f1 == 1, "\(score)")
  // Deterministic, through the model file too.
  let data = model.serialized()
  #expect(trainer.train(corpus).serialized() == data)
  #expect(try WordSegmentationModel(data: data).serialized() == data)
}

@Test("L-BFGS finds the minimum of an ill-conditioned quadratic")
func lbfgsQuadratic() {
  // f(x) = Σ (k + 1)² (x_k - k)², curvatures 1…400.
  let count = 20
  let x = LBFGS.minimize([Double](repeating: 0, count: count), iterations: 200, tolerance: 0) {
    x, gradient in
    gradient = x.indices.map { k in 2 * Double((k + 1) * (k + 1)) * (x[k] - Double(k)) }
    return x.indices.reduce(0) { sum, k in
      sum + Double((k + 1) * (k + 1)) * (x[k] - Double(k)) * (x[k] - Double(k))
    }
  }
  for k in 0..<count { #expect(abs(x[k] - Double(k)) < 1e-4, "x[\(k)] = \(x[k])") }
}
