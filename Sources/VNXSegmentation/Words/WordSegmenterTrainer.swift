/// Trains a `WordSegmentationModel`: a structured averaged perceptron over B/I syllable tags,
/// decoded with Viterbi, with the dictionary of the training words as features.
///
/// Deterministic: the same corpus and options give the same model, byte for byte.
public struct WordSegmenterTrainer: Sendable {
  public var epochs = 12
  /// log2 of the weight table size.
  public var tableBits = 18
  /// The dictionary seen by a training sentence leaves out the words of its own fold.
  public var folds = 10
  /// The margin the gold tags must win by while training (cost-augmented perceptron).
  public var margin: Float = 1
  /// How many perceptrons (each over its own order of the sentences) are averaged.
  public var runs = 1
  public var abbreviations: AbbreviationTable = .standard
  /// Words from a word list (syllables separated by spaces, then optionally a tab and the
  /// word's tier: 1 for the most common words … 4), always visible as dictionary words,
  /// besides those of the training corpus.
  public var lexicon: [String] = []
  /// Closed classes of syllables, one class a line: its name, then its syllables separated by
  /// spaces (`lexicons/segmentation/syllable-classes.txt`); classes are numbered 1, 2, … in
  /// line order. Empty: no class features.
  public var syllableClasses: [String] = []
  /// Whether the model scores tag pairs: whether a syllable continues a word that already
  /// joins the two syllables before it (`WordFeatures.continuationScore`).
  public var tagPairs = false
  /// Whether the model also scores candidate words as wholes (`WordFeatures.wordScores`),
  /// decoded by a Viterbi over word lengths (`WordSegmentationModel.wordViterbi`).
  public var wordLevel = false
  /// How the weights are learned.
  public var learner = Learner.perceptron
  /// The L2 penalty of the CRF: `l2 / 2 × ‖w‖²` is added to the negative log-likelihood of the
  /// training sentences.
  public var l2 = 0.3
  /// L-BFGS iterations of the CRF.
  public var iterations = 300

  /// The learners `train` can use; both give weights for the same features and decoder.
  public enum Learner: String, Sendable, CaseIterable {
    /// Averaged structured perceptron, cost-augmented by `margin`, `runs` orders averaged.
    case perceptron
    /// Linear-chain conditional random field over the same tags and tag pairs, L2-regularized
    /// (`l2`), trained by L-BFGS (`iterations`); `margin` > 0 makes it softmax-margin (every
    /// wrong tag gets `margin` added to its score while training).
    case crf
  }

  public init() {}

  /// One training sentence, tokenized, with features and gold tags precomputed.
  struct Example {
    var starts: [Bool]
    var mayJoin: [Bool]
    /// Feature indices of each syllable that may join (`offsets[i]..<offsets[i + 1]`).
    var features: [UInt32]
    var offsets: [Int32]
    /// Tag-pair feature indices of each syllable (`continuationOffsets[i]..<…[i + 1]`).
    var continuations: [UInt32] = []
    var continuationOffsets: [Int32] = [0]
    /// Candidate words (word-level models): first syllable, length, and feature indices
    /// (`wordOffsets[j]..<wordOffsets[j + 1]`).
    var wordStarts: [Int32] = []
    var wordLengths: [Int32] = []
    var wordFeatures: [UInt32] = []
    var wordOffsets: [Int32] = [0]

    /// Whether `starts` makes syllables `start..<start + length` one word.
    static func isWord(_ starts: [Bool], _ start: Int, _ length: Int) -> Bool {
      guard starts[start] else { return false }
      for index in (start + 1)..<(start + length) where starts[index] { return false }
      return start + length == starts.count || starts[start + length]
    }
  }

  /// Trains on `corpus`; `progress` receives one line per epoch (with the dev score when
  /// `dev` is given).
  public func train(
    _ corpus: SegmentedCorpus, dev: SegmentedCorpus? = nil, progress: (String) -> Void = { _ in }
  ) -> WordSegmentationModel {
    let (examples, dictionary) = examples(corpus)
    switch learner {
    case .perceptron:
      return perceptron(examples, dictionary: dictionary, dev: dev, progress: progress)
    case .crf:
      return crf(examples, dictionary: dictionary, dev: dev, progress: progress)
    }
  }

  /// The dictionary (word lists and the corpus words, each training sentence leaving out the
  /// words of its own fold) and the features and gold tags of every sentence.
  func examples(_ corpus: SegmentedCorpus) -> ([Example], WordDictionary) {
    // Tokens and gold tags.
    var tokenized: [(SyllableSequence, [Bool])] = []
    var dictionary = WordDictionary()
    precondition(folds <= WordDictionary.maximumFolds, "at most 10 folds")
    func hashes(_ word: Substring) -> [UInt64] {
      word.split(separator: " ").map { syllable -> UInt64 in
        var hash = ScalarHash()
        for scalar in syllable.unicodeScalars { hash.add(LetterCase.lower(scalar.value)) }
        return hash.value
      }
    }

    for entry in lexicon {
      let columns = entry.split(separator: "\t")
      guard let word = columns.first else { continue }
      let tier = columns.count > 1 ? Int(columns[1].filter { $0.isNumber }) ?? 4 : 4
      dictionary.insert(hashes(word), fold: nil, tier: tier)
    }
    var classEntries: [(hash: UInt64, syllableClass: UInt8)] = []
    for (number, line) in syllableClasses.enumerated() {
      precondition(number < SyllableClasses.maximumClass, "at most 31 syllable classes")
      for syllable in line.split(separator: " ").dropFirst() {
        classEntries.append((hashes(syllable)[0], UInt8(number + 1)))
      }
    }
    dictionary.classes = SyllableClasses(classEntries)
    for (number, sentence) in corpus.sentences.enumerated() {
      let scalars = ScalarBuffer.scalars(of: sentence.text)
      let (sequence, starts, words) = scalars.withUnsafeBufferPointer { buffer in
        var scanner = TokenScanner(scalars: buffer, abbreviations: abbreviations)
        scanner.scan()
        let tokens = scanner.tokens
        let sequence = SyllableSequence(tokens, buffer, offset: 0)
        let wordStarts = Set(sentence.words.map(\.lowerBound))
        var starts = tokens.indices.map { !sequence.mayJoin($0) || wordStarts.contains(tokens[$0].start) }
        starts[0] = true
        // Gold words made of several syllable tokens feed the dictionary.
        var words: [[UInt64]] = []
        var current: [UInt64] = []
        for index in tokens.indices {
          if starts[index] {
            if current.count >= 2 { words.append(current) }
            current.removeAll()
          }
          current.append(sequence.hashes[index])
        }
        if current.count >= 2 { words.append(current) }
        return (sequence, starts, words)
      }
      for word in words { dictionary.insert(word, fold: number % folds) }
      tokenized.append((sequence, starts))
    }
    dictionary.seal()
    var examples: [Example] = []
    var buffer = [UInt32](repeating: 0, count: WordFeatures.maximumCount)
    for (number, (sequence, starts)) in tokenized.enumerated() {
      let features = WordFeatures(
        sequence, dictionary: dictionary, excludedFold: number % folds, bits: tableBits)
      var example = Example(
        starts: starts, mayJoin: sequence.joins, features: [], offsets: [0])
      for index in 0..<sequence.count {
        if example.mayJoin[index] {
          let n = buffer.withUnsafeMutableBufferPointer {
            features.features(index, into: $0.baseAddress!)
          }
          example.features.append(contentsOf: buffer[0..<n])
        }
        example.offsets.append(Int32(example.features.count))
        if tagPairs, index >= 2, example.mayJoin[index], example.mayJoin[index - 1] {
          let n = buffer.withUnsafeMutableBufferPointer {
            features.continuationFeatures(index, into: $0.baseAddress!)
          }
          example.continuations.append(contentsOf: buffer[0..<n])
        }
        example.continuationOffsets.append(Int32(example.continuations.count))
      }
      if wordLevel {
        for (start, length) in features.candidateWords {
          let n = buffer.withUnsafeMutableBufferPointer {
            features.wordFeatures(start: start, length: length, into: $0.baseAddress!)
          }
          example.wordStarts.append(Int32(start))
          example.wordLengths.append(Int32(length))
          example.wordFeatures.append(contentsOf: buffer[0..<n])
          example.wordOffsets.append(Int32(example.wordFeatures.count))
        }
      }
      examples.append(example)
    }
    return (examples, dictionary)
  }

  private func perceptron(
    _ examples: [Example], dictionary: WordDictionary, dev: SegmentedCorpus?,
    progress: (String) -> Void
  ) -> WordSegmentationModel {
    // Several perceptrons that see the sentences in different orders, averaged: the model
    // depends less on the order of the training data.
    var sumWeights = [Float](repeating: 0, count: 1 << tableBits)
    var sumTransitions = [Float](repeating: 0, count: 4)
    for run in 0..<runs {
      var weights = [Float](repeating: 0, count: 1 << tableBits)
      var totals = [Double](repeating: 0, count: 1 << tableBits)
      var stamps = [Int32](repeating: 0, count: 1 << tableBits)
      var transitions = [Float](repeating: 0, count: 4)
      var transitionTotals = [Double](repeating: 0, count: 4)
      var transitionStamps = [Int32](repeating: 0, count: 4)
      var clock: Int32 = 1

      func averaged() -> ([Float], [Float]) {
        let c = Double(clock)
        let w = weights.indices.map { index in
          Float((totals[index] + Double(clock - stamps[index]) * Double(weights[index])) / c)
        }
        let t = transitions.indices.map { index in
          Float(
            (transitionTotals[index] + Double(clock - transitionStamps[index])
              * Double(transitions[index])) / c)
        }
        return (w, t)
      }

      /// The summed weights of `features[range]`.
      func score(_ features: [UInt32], _ range: Range<Int>) -> Float {
        var score: Float = 0
        for k in range { score += weights[Int(features[k])] }
        return score
      }

      /// Moves each feature of `features[range]` by `delta`, first adding its weight over the
      /// steps since it last moved to its running total (the lazily averaged perceptron).
      func move(_ features: [UInt32], _ range: Range<Int>, by delta: Float) {
        for k in range {
          let feature = Int(features[k])
          totals[feature] += Double(clock - stamps[feature]) * Double(weights[feature])
          stamps[feature] = clock
          weights[feature] += delta
        }
      }

      var order = Array(examples.indices)
      var random = SplitMix(seed: 0x5345_4753 &+ UInt64(run))
      for epoch in 1...max(1, epochs) {
        order.shuffle(using: &random)
        var errors = 0
        var total = 0
        for exampleIndex in order {
          let example = examples[exampleIndex]
          let count = example.starts.count
          var scores = [Float](repeating: 0, count: count)
          for index in 0..<count where example.mayJoin[index] {
            let score = score(
              example.features, Int(example.offsets[index])..<Int(example.offsets[index + 1]))
            // Cost-augmented decoding: the wrong tag gets a head start of `margin`.
            scores[index] = score + (example.starts[index] ? -margin : margin)
          }
          var continuations: [Float] = []
          if tagPairs {
            continuations = (0..<count).map { index in
              score(
                example.continuations,
                Int(example.continuationOffsets[index])..<Int(example.continuationOffsets[index + 1]))
            }
          }
          var wordScores: [Float] = []
          if wordLevel {
            let slots = WordFeatures.wordSlots
            wordScores = [Float](repeating: 0, count: count * slots)
            for j in example.wordStarts.indices {
              let score = score(
                example.wordFeatures, Int(example.wordOffsets[j])..<Int(example.wordOffsets[j + 1]))
              let length = Int(example.wordLengths[j])
              wordScores[(Int(example.wordStarts[j]) + length - 1) * slots + length - 2] = score
            }
          }
          let predicted =
            wordLevel
            ? WordSegmentationModel.wordViterbi(
              scores: scores, mayJoin: example.mayJoin, transitions: transitions,
              continuations: continuations, words: wordScores)
            : WordSegmentationModel.viterbi(
              scores: scores, mayJoin: example.mayJoin, transitions: transitions,
              continuations: continuations)
          total += count
          if predicted != example.starts {
            for index in 0..<count where predicted[index] != example.starts[index] {
              errors += 1
              move(
                example.features, Int(example.offsets[index])..<Int(example.offsets[index + 1]),
                by: example.starts[index] ? 1 : -1)
            }
            // A word of three syllables or more: I, I at `index - 1`, `index`.
            for index in 2..<max(2, count) {
              let gold = !example.starts[index - 1] && !example.starts[index]
              let guess = !predicted[index - 1] && !predicted[index]
              guard gold != guess else { continue }
              move(
                example.continuations,
                Int(example.continuationOffsets[index])..<Int(example.continuationOffsets[index + 1]),
                by: gold ? 1 : -1)
            }
            // Candidate words made by one segmentation and not by the other.
            for j in example.wordStarts.indices {
              let start = Int(example.wordStarts[j])
              let length = Int(example.wordLengths[j])
              let gold = Example.isWord(example.starts, start, length)
              guard gold != Example.isWord(predicted, start, length) else { continue }
              move(
                example.wordFeatures, Int(example.wordOffsets[j])..<Int(example.wordOffsets[j + 1]),
                by: gold ? 1 : -1)
            }
            for index in 1..<count {
              let gold = (example.starts[index - 1] ? 0 : 2) + (example.starts[index] ? 0 : 1)
              let guess = (predicted[index - 1] ? 0 : 2) + (predicted[index] ? 0 : 1)
              guard gold != guess else { continue }
              for (transition, delta) in [(gold, Float(1)), (guess, Float(-1))] {
                transitionTotals[transition] +=
                  Double(clock - transitionStamps[transition]) * Double(transitions[transition])
                transitionStamps[transition] = clock
                transitions[transition] += delta
              }
            }
          }
          clock += 1
        }
        var line = "run \(run + 1) epoch \(epoch): \(errors) tag errors in \(total) tokens"
        if let dev, epoch == epochs || (runs == 1 && epoch % 5 == 0) {
          let (w, t) = averaged()
          let model = WordSegmentationModel(
            tableBits: tableBits, weights: zip(w, sumWeights).map { ($0 + $1) / Float(run + 1) },
            transitions: zip(t, sumTransitions).map { ($0 + $1) / Float(run + 1) },
            dictionary: dictionary, tagPairs: tagPairs, wordLevel: wordLevel)
          let score = WordSegmentationScore.evaluate(
            Segmenter(abbreviations: abbreviations, model: model), on: dev)
          line += "; dev \(score)"
        }
        progress(line)
      }
      let (w, t) = averaged()
      for index in w.indices { sumWeights[index] += w[index] }
      for index in t.indices { sumTransitions[index] += t[index] }
    }
    return WordSegmentationModel(
      tableBits: tableBits, weights: sumWeights.map { $0 / Float(runs) },
      transitions: sumTransitions.map { $0 / Float(runs) }, dictionary: dictionary,
      tagPairs: tagPairs, wordLevel: wordLevel)
  }
}

/// A small deterministic random number generator (SplitMix64) for shuffling.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
