import Foundation
import Testing
@testable import VNXSegmentation

/// `../shared` beside the package root, when present.
let sharedData: URL? = {
  let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data")
  return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()

@Test("Viterbi keeps non-syllables apart and follows the scores")
func viterbi() {
  let starts = WordSegmentationModel.viterbi(
    scores: [0, -5, 3, -2], mayJoin: [false, true, false, true], transitions: [0, 0, 0, 0])
  #expect(starts == [true, false, true, false])
}

@Test("A tag-pair score decides whether a third syllable continues the word")
func viterbiContinuations() {
  // Every syllable would rather join the one before; a low I→I score at 2 cuts the word
  // after two syllables instead of making one of three.
  let scores: [Float] = [0, -1, -0.5]
  let joins = [false, true, true]
  let transitions: [Float] = [0, 0, 0, 0]
  #expect(
    WordSegmentationModel.viterbi(scores: scores, mayJoin: joins, transitions: transitions)
      == [true, false, false])
  #expect(
    WordSegmentationModel.viterbi(
      scores: scores, mayJoin: joins, transitions: transitions, continuations: [0, 0, -3])
      == [true, false, true])
}

@Test("A trained model round-trips through its file format, byte for byte", arguments: [false, true])
func fileRoundTrip(tagPairs: Bool) throws {
  let corpus = SegmentedCorpus(sentences: [
    .init(words: ["đảng viên", "tăng", "."]), .init(words: ["Lò Văn Phà", "là", "đảng viên"]),
  ])
  var trainer = WordSegmenterTrainer()
  trainer.tableBits = 12
  trainer.epochs = 3
  trainer.tagPairs = tagPairs
  let model = trainer.train(corpus)
  let data = model.serialized()
  let loaded = try WordSegmentationModel(data: data)
  #expect(loaded.tagPairs == tagPairs)
  #expect(loaded.serialized() == data)
  #expect(trainer.train(corpus).serialized() == data)
  #expect(throws: WordSegmentationModelError.self) { try WordSegmentationModel(data: Data("nope".utf8)) }
}

@Test("Listed words keep their smallest tier, through the model file too")
func tiers() throws {
  func hashes(_ word: String) -> [UInt64] {
    word.split(separator: " ").map { syllable in
      var hash = ScalarHash()
      for scalar in syllable.unicodeScalars { hash.add(LetterCase.lower(scalar.value)) }
      return hash.value
    }
  }
  var dictionary = WordDictionary()
  dictionary.insert(hashes("nông thôn"), fold: nil, tier: 3)
  dictionary.insert(hashes("nông thôn"), fold: nil, tier: 1)
  dictionary.insert(hashes("thôn mới"), fold: nil, tier: 4)
  dictionary.seal()
  let text = "nông thôn mới"
  let scalars = ScalarBuffer.scalars(of: text)
  var starts: [UInt8] = []
  var ends: [UInt8] = []
  var listed: [UInt8] = []
  var listedEnds: [UInt8] = []
  var tiers: [UInt16] = []
  var keys: [UInt64] = []
  scalars.withUnsafeBufferPointer { buffer in
    var scanner = TokenScanner(scalars: buffer, abbreviations: .standard)
    scanner.scan()
    let sequence = SyllableSequence(scanner.tokens, buffer, offset: 0)
    dictionary.startMasks(
      sequence, into: &starts, ends: &ends, listed: &listed, listedEnds: &listedEnds,
      tiers: &tiers, keys: &keys)
  }
  // "nông thôn" and "thôn mới" are listed words: they start at 0 and 1 and end at 1 and 2.
  #expect(starts == [1, 1, 0])
  #expect(ends == [0, 1, 1])
  #expect(listedEnds == [0, 1, 1])
  // "thôn" joins "nông" (tier 1) and starts "thôn mới" (tier 4); "mới" joins "thôn" (tier 4).
  #expect(tiers.map { $0 & 7 } == [0, 1, 4])
  #expect(tiers.map { $0 >> 3 & 7 } == [1, 4, 0])
  #expect(tiers.map { $0 >> 6 & 7 } == [0, 1, 4])
  let model = WordSegmentationModel(
    tableBits: 10, weights: [Float](repeating: 0, count: 1 << 10), transitions: [0, 0, 0, 0],
    dictionary: dictionary)
  let loaded = try WordSegmentationModel(data: model.serialized())
  #expect(loaded.dictionary.entries == dictionary.entries)
}

@Test("A model file's word list loads the same in key order, out of order and with a repeat")
func wordListOrder() throws {
  var dictionary = WordDictionary()
  for (index, word) in ["đảng viên", "nông thôn mới", "Lò Văn Phà", "sản lượng"].enumerated() {
    let hashes = word.lowercased().split(separator: " ").map { syllable in
      var hash = ScalarHash()
      for scalar in syllable.unicodeScalars { hash.add(scalar.value) }
      return hash.value
    }
    dictionary.insert(hashes, fold: nil, tier: index + 1)
  }
  dictionary.seal()
  let model = WordSegmentationModel(
    tableBits: 10, weights: [Float](repeating: 0, count: 1 << 10), transitions: [0, 0, 0, 0],
    dictionary: dictionary)
  let data = model.serialized()
  let sorted = try WordSegmentationModel(data: data)
  #expect(sorted.dictionary.entries == dictionary.entries)
  #expect(sorted.dictionary.sortedEntries.map(\.key) == dictionary.entries.keys.sorted())
  // The words are 10-byte records after the magic, the header, the transitions and a count.
  var bytes = [UInt8](data)
  let start = 8 + 4 + 16 + 4
  let count = dictionary.entries.count
  var records = (0..<count).map { Array(bytes[(start + 10 * $0)..<(start + 10 * $0 + 10)]) }
  records.reverse()
  bytes.replaceSubrange(start..<(start + 10 * count), with: records.joined())
  let reversed = try WordSegmentationModel(data: Data(bytes))
  #expect(reversed.dictionary.entries == dictionary.entries)
  #expect(reversed.serialized() == data)
  // A repeated key keeps its last flags, as a hash map filled in file order would.
  var repeated = bytes
  repeated.replaceSubrange(start..<(start + 10), with: records[1])
  let withRepeat = try WordSegmentationModel(data: Data(repeated))
  #expect(withRepeat.dictionary.entries.count == count - 1)
  let text = "Đảng viên về nông thôn mới, Lò Văn Phà tăng sản lượng"
  func masks(_ model: WordSegmentationModel) -> [UInt8] {
    let scalars = ScalarBuffer.scalars(of: text)
    return scalars.withUnsafeBufferPointer { buffer in
      var scanner = TokenScanner(scalars: buffer, abbreviations: .standard)
      scanner.scan()
      let features = WordFeatures(
        SyllableSequence(scanner.tokens, buffer, offset: 0), dictionary: model.dictionary,
        bits: model.tableBits)
      return features.starts
    }
  }
  #expect(masks(sorted) == [1, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0])
  #expect(masks(reversed) == masks(sorted))
}

@Test("Scores count exact spans")
func score() {
  var score = WordSegmentationScore()
  score.add(gold: [0..<9, 10..<14], predicted: [0..<4, 5..<9, 10..<14])
  #expect(score.correct == 1)
  #expect(score.gold == 2)
  #expect(score.predicted == 3)
}

@Test("CoNLL-U: FORM holds the syllables of one word")
func conllu() {
  let corpus = SegmentedCorpus(
    conllu: "# text = Đảng viên tăng\n1\tĐảng viên\t_\n2\ttăng\t_\n\n1\tXã\t_\n")
  #expect(corpus.sentences.map(\.text) == ["Đảng viên tăng", "Xã"])
  #expect(corpus.sentences[0].words == [0..<9, 10..<14])
}

/// The committed model's score on UD Vietnamese VTB dev. The shipped model is trained on
/// train + dev (see lexicons/README.md), so this is a floor that catches a broken model or
/// scanner (it scores 0.998), not the held-out figure (which Tests/scripts/compare_wordseg.sh
/// reports).
@Test("The shipped model scores at least 0.99 F1 on UD VTB dev", .enabled(if: sharedData != nil))
func devScore() throws {
  let url = sharedData!.appendingPathComponent("ud-vi-vtb/vi_vtb-ud-dev.conllu")
  let corpus = SegmentedCorpus(conllu: try String(contentsOf: url, encoding: .utf8))
  let score = WordSegmentationScore.evaluate(Segmenter(), on: corpus)
  #expect(score.f1 >= 0.99, "\(score)")
}
