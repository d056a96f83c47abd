import Foundation
import Testing
@testable import VNXSegmentation

private func syllableHash(_ syllable: String) -> UInt64 {
  var hash = ScalarHash()
  for scalar in syllable.unicodeScalars { hash.add(LetterCase.lower(scalar.value)) }
  return hash.value
}

private let demonstrative: UInt8 = 5
private let directional: UInt8 = 4
private let table = SyllableClasses(
  [
    (syllableHash("ấy"), demonstrative), (syllableHash("này"), demonstrative),
    (syllableHash("về"), directional), (syllableHash("ra"), directional),
    (syllableHash("ấy"), directional),
  ])

@Test(
  "Listed syllables have their class, others none, a repeated syllable its first class",
  arguments: [("ấy", demonstrative), ("này", demonstrative), ("về", directional),
    ("ra", directional), ("ăn", 0), ("trở", 0), ("", 0)])
func syllableClass(_ syllable: String, _ expected: UInt8) {
  #expect(table.of(syllableHash(syllable)) == expected)
}

@Test("No classes: no lookup matches")
func emptyClasses() {
  let empty = SyllableClasses()
  #expect(empty.of(syllableHash("ấy")) == 0)
  #expect(empty.of(0) == 0)
  #expect(empty.isEmpty)
}

@Test("A model trained with classes keeps them through its file, byte for byte")
func classesRoundTrip() throws {
  let corpus = SegmentedCorpus(sentences: [
    .init(words: ["bữa", "ăn", "khi", "ấy", "."]), .init(words: ["ông", "trở", "về", "nông thôn"]),
  ])
  var trainer = WordSegmenterTrainer()
  trainer.tableBits = 12
  trainer.epochs = 3
  let plain = trainer.train(corpus)
  trainer.syllableClasses = ["time-noun bữa khi", "directional về ra", "demonstrative ấy này"]
  let model = trainer.train(corpus)
  #expect(model.dictionary.classes.of(syllableHash("về")) == 2)
  let data = model.serialized()
  let loaded = try WordSegmentationModel(data: data)
  #expect(loaded.serialized() == data)
  #expect(loaded.dictionary.classes.of(syllableHash("ấy")) == 3)
  #expect(data.count > plain.serialized().count)
  #expect(try WordSegmentationModel(data: plain.serialized()).dictionary.classes.isEmpty)
}
