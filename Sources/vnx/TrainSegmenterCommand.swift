import ArgumentParser
import Foundation
import VNX

extension WordSegmenterTrainer.Learner: ExpressibleByArgument {}

/// `vnx train-segmenter`: trains the word segmentation model on CoNLL-U files, or scores one.
struct TrainSegmenterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-segmenter",
    abstract: "Train the word segmentation model on CoNLL-U corpora (UD Vietnamese VTB).",
    discussion: """
      Trains an averaged perceptron over syllable B/I tags and writes the model file. With \
      --dev, prints the dev word-boundary P/R/F1 after each epoch. Without --train, scores the \
      model given by --model (default: the shipped one) on the --dev files. --learner crf \
      trains the same features as a linear-chain CRF (--l2, --iterations, --margin), for the \
      same decoder and model file.

        vnx train-segmenter --train ../shared/data/ud-vi-vtb/vi_vtb-ud-train.conllu \\
          --output lexicons/segmentation/wordseg.model
      """
  )

  @Option(name: .customLong("train"), help: "CoNLL-U training files.")
  var trainFiles: [String] = []

  @Option(name: .customLong("dev"), help: "CoNLL-U files to score on.")
  var devFiles: [String] = []

  @Option(help: "Where to write the trained model.")
  var output: String?

  @Option(help: "The model to score when not training (default: the shipped model).")
  var model: String?

  @Option(help: "A word list (one multi-syllable word a line, then optionally a tab and its tier 1…4; # comments) for dictionary features.")
  var words: String?

  @Option(help: "Closed classes of syllables (a class a line: its name, then its syllables; # comments) for class features.")
  var classes: String?

  @Flag(help: "Also score whether a syllable continues a word that joins the two syllables before it (tag-pair features).")
  var tagPairs = false

  @Flag(help: "Also score each candidate word (a dictionary word of 2…5 syllables) as a whole: the word itself, its length, whether it is listed, its first and last syllables and its neighbours, decoded by a Viterbi over word lengths (semi-Markov; perceptron only; a trial, see Tests/SEGMENTATION.md).")
  var wordLevel = false

  @Option(help: "How the weights are learned: perceptron (averaged structured perceptron) or crf (linear-chain CRF, L2-regularized, trained by L-BFGS; --margin > 0 makes it softmax-margin).")
  var learner = WordSegmenterTrainer.Learner.perceptron

  @Option(help: "The CRF's L2 penalty (l2/2 × squared norm of the weights).")
  var l2 = WordSegmenterTrainer().l2

  @Option(help: "The CRF's L-BFGS iterations.")
  var iterations = WordSegmenterTrainer().iterations

  @Option(help: "Training epochs (perceptron).")
  var epochs = WordSegmenterTrainer().epochs

  @Option(help: "The margin by which gold tags must win while training.")
  var margin = WordSegmenterTrainer().margin

  @Option(help: "How many perceptrons, each over its own order of the sentences, to average.")
  var runs = WordSegmenterTrainer().runs

  @Option(help: "log2 of the weight table size.")
  var tableBits = WordSegmenterTrainer().tableBits

  func run() throws {
    let dev = devFiles.isEmpty ? nil : try corpus(devFiles)
    guard !trainFiles.isEmpty else {
      guard let dev else { throw ValidationError("give --train files, or --dev files to score") }
      let loaded =
        try model.map { try WordSegmentationModel(contentsOf: URL(fileURLWithPath: $0)) }
        ?? WordSegmentationModel.standard
      guard let loaded else { throw ValidationError("no model at \(WordSegmentationModel.fileName)") }
      let score = WordSegmentationScore.evaluate(
        Segmenter(abbreviations: .standard, model: loaded), on: dev)
      print("dev \(score)")
      return
    }
    guard let output else { throw ValidationError("--output is required when training") }
    let train = try corpus(trainFiles)
    var trainer = WordSegmenterTrainer()
    trainer.epochs = epochs
    trainer.tableBits = tableBits
    trainer.margin = margin
    trainer.runs = runs
    trainer.tagPairs = tagPairs
    trainer.wordLevel = wordLevel
    if wordLevel, learner != .perceptron {
      throw ValidationError("--word-level trains with the perceptron only")
    }
    trainer.learner = learner
    trainer.l2 = l2
    trainer.iterations = iterations
    if let words {
      // Normalized like every input, so that tone placement matches the text at run time. The
      // normalizer turns the tab before the tier into a space; words hold letters only, so a
      // last field of digits is the tier.
      let text = TextNormalizer().normalize(try String(contentsOfFile: words, encoding: .utf8)).text
      trainer.lexicon = text.split(separator: "\n").compactMap { line in
        if line.hasPrefix("#") || line.isEmpty { return nil }
        var fields = line.split(separator: " ")
        guard let last = fields.last, last.allSatisfy(\.isASCII), Int(last) != nil else {
          return String(line)
        }
        fields.removeLast()
        return fields.joined(separator: " ") + "\t" + last
      }
    }
    if let classes {
      let text = TextNormalizer().normalize(try String(contentsOfFile: classes, encoding: .utf8)).text
      trainer.syllableClasses = text.split(separator: "\n").compactMap { line in
        line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) ? nil : String(line)
      }
      guard trainer.syllableClasses.count <= 31 else {
        throw ValidationError("\(classes): at most 31 classes (lines)")
      }
    }
    let started = Date()
    let trained = trainer.train(train, dev: dev) { line in print(line) }
    let data = trained.serialized()
    try data.write(to: URL(fileURLWithPath: output))
    print(
      "trained on \(train.sentences.count) sentences in "
        + "\(Int(Date().timeIntervalSince(started)))s; wrote \(output) (\(data.count) bytes)")
  }

  private func corpus(_ files: [String]) throws -> SegmentedCorpus {
    var sentences: [SegmentedCorpus.Sentence] = []
    for file in files {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      sentences += SegmentedCorpus(conllu: text).sentences
    }
    return SegmentedCorpus(sentences: sentences)
  }
}
