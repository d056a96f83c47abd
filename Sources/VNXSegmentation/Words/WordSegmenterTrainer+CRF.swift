import Foundation

extension WordSegmenterTrainer {
  /// Trains the weights as a linear-chain CRF (`Learner.crf`): the model scores a tagging
  /// exactly as the decoder does (B emissions, four transitions, tag pairs on I→I), and the
  /// weights minimize the L2-regularized negative log-likelihood of the gold tags, by L-BFGS.
  /// Deterministic: full-batch, no shuffling.
  func crf(
    _ examples: [Example], dictionary: WordDictionary, dev: SegmentedCorpus?,
    progress: (String) -> Void
  ) -> WordSegmentationModel {
    let size = 1 << tableBits
    let objective = ChainCRFObjective(examples: examples, size: size, l2: l2, margin: Double(margin))
    func model(_ x: [Double]) -> WordSegmentationModel {
      WordSegmentationModel(
        tableBits: tableBits, weights: x[0..<size].map { Float($0) },
        transitions: x[size...].map { Float($0) }, dictionary: dictionary, tagPairs: tagPairs)
    }
    let x = LBFGS.minimize(
      [Double](repeating: 0, count: size + 4), iterations: iterations,
      evaluate: objective.evaluate
    ) { iteration, value, x in
      var line = "iteration \(iteration): objective \(value)"
      if let dev, iteration % 50 == 0 || iteration == iterations {
        let score = WordSegmentationScore.evaluate(
          Segmenter(abbreviations: abbreviations, model: model(x)), on: dev)
        line += "; dev \(score)"
      }
      progress(line)
    }
    return model(x)
  }
}

/// The negative log-likelihood of the gold tags of the training sentences under a linear-chain
/// CRF over B/I, plus `l2 / 2 × ‖x‖²`, and its gradient.
///
/// `x` holds the weight table (`size` weights) then the transitions B→B, B→I, I→B, I→I. The
/// score of a tagging is the decoder's (`WordSegmentationModel.viterbi`): the weights of the
/// features of each syllable tagged B, the transitions, and at each syllable tagged I after an
/// I the weights of its tag-pair features. With `margin` > 0 every tag that differs from the
/// gold one scores `margin` more (softmax-margin), as the perceptron's cost-augmented decoding.
struct ChainCRFObjective: Sendable {
  let examples: [WordSegmenterTrainer.Example]
  let size: Int
  let l2: Double
  let margin: Double

  func evaluate(_ x: [Double], gradient: inout [Double]) -> Double {
    gradient = [Double](repeating: 0, count: x.count)
    var value = 0.0
    var emitB: [Double] = []
    var emitI: [Double] = []
    var pairs: [Double] = []
    var alpha: [(Double, Double)] = []
    var beta: [(Double, Double)] = []
    let t = size
    x.withUnsafeBufferPointer { x in
      gradient.withUnsafeMutableBufferPointer { g in
        for example in examples {
          value += sentence(
            example, x, g, t, &emitB, &emitI, &pairs, &alpha, &beta)
        }
        for k in 0..<x.count {
          value += 0.5 * l2 * x[k] * x[k]
          g[k] += l2 * x[k]
        }
      }
    }
    return value
  }

  /// The negative log-likelihood of one sentence; adds its gradient to `g`.
  private func sentence(
    _ example: WordSegmenterTrainer.Example, _ x: UnsafeBufferPointer<Double>,
    _ g: UnsafeMutableBufferPointer<Double>, _ t: Int, _ emitB: inout [Double],
    _ emitI: inout [Double], _ pairs: inout [Double], _ alpha: inout [(Double, Double)],
    _ beta: inout [(Double, Double)]
  ) -> Double {
    let count = example.starts.count
    guard count > 0 else { return 0 }
    let gold = example.starts
    emitB = [Double](repeating: 0, count: count)
    emitI = [Double](repeating: -.infinity, count: count)
    pairs = [Double](repeating: 0, count: count)
    for i in 0..<count {
      var score = 0.0
      for k in Int(example.offsets[i])..<Int(example.offsets[i + 1]) {
        score += x[Int(example.features[k])]
      }
      emitB[i] = score + (gold[i] ? 0 : margin)
      if i > 0, example.mayJoin[i] { emitI[i] = gold[i] ? margin : 0 }
      var pair = 0.0
      for k in Int(example.continuationOffsets[i])..<Int(example.continuationOffsets[i + 1]) {
        pair += x[Int(example.continuations[k])]
      }
      pairs[i] = pair
    }
    let bb = x[t]
    let bi = x[t + 1]
    let ib = x[t + 2]
    let ii = x[t + 3]
    // Forward and backward, in log space; tag 0 is B, 1 is I.
    alpha = [(Double, Double)](repeating: (0, 0), count: count)
    alpha[0] = (emitB[0], -.infinity)
    for i in 1..<count {
      let (b, inside) = alpha[i - 1]
      alpha[i] = (
        Self.logSum(b + bb, inside + ib) + emitB[i],
        Self.logSum(b + bi, inside + ii + pairs[i]) + emitI[i]
      )
    }
    beta = [(Double, Double)](repeating: (0, 0), count: count)
    for i in stride(from: count - 2, through: 0, by: -1) {
      let nextB = emitB[i + 1] + beta[i + 1].0
      let nextI = emitI[i + 1] + beta[i + 1].1
      beta[i] = (
        Self.logSum(bb + nextB, bi + nextI),
        Self.logSum(ib + nextB, ii + pairs[i + 1] + nextI)
      )
    }
    let z = Self.logSum(alpha[count - 1].0, alpha[count - 1].1)
    var goldScore = gold[0] ? emitB[0] : emitI[0]
    for i in 1..<count {
      goldScore += gold[i] ? emitB[i] : emitI[i]
      switch (gold[i - 1], gold[i]) {
      case (true, true): goldScore += bb
      case (true, false): goldScore += bi
      case (false, true): goldScore += ib
      case (false, false): goldScore += ii + pairs[i]
      }
    }
    // Expected minus gold feature counts.
    for i in 0..<count {
      let probabilityB = exp(alpha[i].0 + beta[i].0 - z)
      let delta = probabilityB - (gold[i] ? 1 : 0)
      for k in Int(example.offsets[i])..<Int(example.offsets[i + 1]) {
        g[Int(example.features[k])] += delta
      }
      guard i > 0 else { continue }
      let (b, inside) = alpha[i - 1]
      let endB = emitB[i] + beta[i].0 - z
      let endI = emitI[i] + beta[i].1 - z
      let expected = (
        exp(b + bb + endB), exp(b + bi + endI), exp(inside + ib + endB),
        exp(inside + ii + pairs[i] + endI)
      )
      let goldPair = (gold[i - 1] ? 0 : 2) + (gold[i] ? 0 : 1)
      g[t] += expected.0 - (goldPair == 0 ? 1 : 0)
      g[t + 1] += expected.1 - (goldPair == 1 ? 1 : 0)
      g[t + 2] += expected.2 - (goldPair == 2 ? 1 : 0)
      let pairDelta = expected.3 - (goldPair == 3 ? 1 : 0)
      g[t + 3] += pairDelta
      for k in Int(example.continuationOffsets[i])..<Int(example.continuationOffsets[i + 1]) {
        g[Int(example.continuations[k])] += pairDelta
      }
    }
    return z - goldScore
  }

  /// log(e^a + e^b), for a or b possibly -∞.
  @inline(__always)
  static func logSum(_ a: Double, _ b: Double) -> Double {
    let high = max(a, b)
    guard high > -.infinity else { return -.infinity }
    return high + log(exp(a - high) + exp(b - high))
  }
}

/// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking line search
/// (Armijo condition): minimizes a smooth function given its value and gradient.
enum LBFGS {
  /// Minimizes `evaluate` (value at `x`, gradient into its second argument) from `start`, for
  /// at most `iterations` iterations or until an iteration lowers the value by less than
  /// `tolerance` relatively; `progress` receives each iteration's number, value and point.
  static func minimize(
    _ start: [Double], iterations: Int, memory: Int = 10, tolerance: Double = 1e-7,
    evaluate: ([Double], inout [Double]) -> Double,
    progress: (Int, Double, [Double]) -> Void = { _, _, _ in }
  ) -> [Double] {
    var x = start
    var gradient: [Double] = []
    var value = evaluate(x, &gradient)
    var steps: [[Double]] = []
    var changes: [[Double]] = []
    var rhos: [Double] = []
    func dot(_ a: [Double], _ b: [Double]) -> Double {
      var sum = 0.0
      for k in a.indices { sum += a[k] * b[k] }
      return sum
    }
    for iteration in 1...max(1, iterations) {
      // The two-loop recursion: direction = -H∇f, H the inverse Hessian estimate.
      var q = gradient
      var alphas = [Double](repeating: 0, count: steps.count)
      for m in steps.indices.reversed() {
        alphas[m] = rhos[m] * dot(steps[m], q)
        for k in q.indices { q[k] -= alphas[m] * changes[m][k] }
      }
      if let s = steps.last, let y = changes.last {
        let gamma = dot(s, y) / dot(y, y)
        for k in q.indices { q[k] *= gamma }
      } else {
        let norm = dot(gradient, gradient).squareRoot()
        guard norm > 0 else { break }
        for k in q.indices { q[k] /= norm }
      }
      for m in steps.indices {
        let b = rhos[m] * dot(changes[m], q)
        for k in q.indices { q[k] += steps[m][k] * (alphas[m] - b) }
      }
      var direction = q.map { -$0 }
      var slope = dot(gradient, direction)
      if slope >= 0 {
        // Not a descent direction: start the memory again from the gradient.
        steps.removeAll()
        changes.removeAll()
        rhos.removeAll()
        let norm = dot(gradient, gradient).squareRoot()
        direction = gradient.map { -$0 / norm }
        slope = -norm
      }
      var step = 1.0
      var next = x
      var nextGradient: [Double] = []
      var nextValue = value
      var accepted = false
      for _ in 0..<30 {
        for k in x.indices { next[k] = x[k] + step * direction[k] }
        nextValue = evaluate(next, &nextGradient)
        if nextValue <= value + 1e-4 * step * slope {
          accepted = true
          break
        }
        step *= 0.5
      }
      guard accepted else { break }
      var s = next
      var y = nextGradient
      for k in x.indices {
        s[k] -= x[k]
        y[k] -= gradient[k]
      }
      let sy = dot(s, y)
      if sy > 1e-12 {
        steps.append(s)
        changes.append(y)
        rhos.append(1 / sy)
        if steps.count > memory {
          steps.removeFirst()
          changes.removeFirst()
          rhos.removeFirst()
        }
      }
      let decrease = value - nextValue
      x = next
      gradient = nextGradient
      value = nextValue
      progress(iteration, value, x)
      if decrease <= tolerance * max(1, abs(value)) { break }
    }
    return x
  }
}
