import Foundation
import VNXLexicons

/// An averaged-perceptron model that tags each syllable as the start of a word (B) or the
/// continuation of the word before (I), decoded exactly with Viterbi over the two tags.
///
/// Feature weights live in a fixed-size table indexed by feature hashes (`WordFeatures`);
/// the dictionary of multi-syllable words is stored with them. `vnx train-segmenter` trains
/// it; the file format is little-endian binary:
///
///     "VNXWSEG1"  u32 tableBits (bit 16: tag pairs, bit 17: word-level features)  f32×4 transitions (B→B B→I I→B I→I)
///     u32 words   words × (u64 hash, u16 flags)
///     u32 weights weights × (u32 index, f32 weight)      (non-zero weights only)
///     then, in models with syllable classes only (`SyllableClasses`):
///     u32 classes  classes × (u64 syllable hash, u8 class)
public final class WordSegmentationModel: Sendable {
  public static let fileName = "segmentation/wordseg.model"
  static let magic = Array("VNXWSEG1".utf8)

  let tableBits: Int
  let weights: [Float]
  /// B→B, B→I, I→B, I→I.
  let transitions: [Float]
  let dictionary: WordDictionary
  /// Whether the decoder adds `WordFeatures.continuationScore` to I→I transitions.
  let tagPairs: Bool
  /// Whether the decoder adds the scores of candidate words (`WordFeatures.wordScores`,
  /// decoded by `wordViterbi`).
  let wordLevel: Bool

  /// The weights as 16-bit integers (`weight ≈ quantized × scale`): half the memory, so the
  /// table stays in the core's cache while scoring.
  var quantized: UnsafeBufferPointer<Int16> { weightTable.weights }
  /// The first four weights of every line of `quantized` (`WeightTable.heads`).
  var heads: UnsafeBufferPointer<Int16> { weightTable.heads }
  private let weightTable: WeightTable
  let scale: Float
  /// The context templates' weight sums and the conjunctions' slots (`ContextWeights`).
  let contextWeights: ContextWeights

  init(
    tableBits: Int, weights: [Float], transitions: [Float], dictionary: WordDictionary,
    tagPairs: Bool = false, wordLevel: Bool = false
  ) {
    self.tableBits = tableBits
    self.tagPairs = tagPairs
    self.wordLevel = wordLevel
    self.weights = weights
    let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
    let scale = largest > 0 ? largest / Float(Int16.max) : 1
    self.scale = scale
    weightTable = WeightTable(weights.map { Int16(($0 / scale).rounded()) })
    contextWeights = ContextWeights(weights: weightTable.weights, bits: tableBits)
    self.transitions = transitions
    self.dictionary = dictionary
  }

  /// The model in `lexicons/segmentation/wordseg.model`, or nil when it is missing or unreadable.
  public static let standard: WordSegmentationModel? = try? WordSegmentationModel(
    contentsOf: LexiconDirectory.file(fileName))

  /// Whether each token starts a word; `scalars[0]` is the scalar at text offset `offset`.
  public func wordStarts(_ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int)
    -> [Bool]
  {
    var scratch = Scratch()
    return wordStarts(
      TokenSyllables(tokens, scalars, offset: offset), 0..<tokens.count, scratch: &scratch)
  }

  /// Buffers reused from one sentence to the next.
  struct Scratch {
    var features = WordFeatures()
    var scores: [Float] = []
    var continuations: [Float] = []
    var words: [Float] = []
    var starts: [Bool] = []
    var back: [UInt8] = []
    var sink: Int32 = 0

    /// Makes the buffers hold sentences of up to `count` tokens without growing.
    mutating func reserve(_ count: Int) {
      features.reserve(count)
      WordFeatures.grow(&scores, to: count, with: 0)
      WordFeatures.grow(&starts, to: count, with: true)
      WordFeatures.grow(&back, to: count, with: 0)
    }
  }

  /// Whether each token of `range` starts a word (the first `range.count` elements: the
  /// array is a buffer of `scratch`, and may be longer), the tokens of the whole text read
  /// once in `text`.
  func wordStarts(_ text: TokenSyllables, _ range: Range<Int>, scratch: inout Scratch) -> [Bool] {
    scratch.features.load(text, range, dictionary: dictionary, bits: tableBits)
    computeScores(&scratch.features, into: &scratch.scores, sink: &scratch.sink)
    if tagPairs { computeContinuations(&scratch.features, into: &scratch.continuations) }
    if wordLevel {
      let count = range.count * WordFeatures.wordSlots
      WordFeatures.grow(&scratch.words, to: count, with: 0)
      scratch.words.withUnsafeMutableBufferPointer {
        scratch.features.wordScores(into: $0.baseAddress!, weights: quantized, scale: scale)
      }
      Self.wordViterbi(
        scores: scratch.scores, mayJoin: scratch.features.sequence.joins, count: range.count,
        transitions: transitions, continuations: tagPairs ? scratch.continuations : [],
        words: scratch.words, into: &scratch.starts, back: &scratch.back)
      return scratch.starts
    }
    Self.viterbi(
      scores: scratch.scores, mayJoin: scratch.features.sequence.joins, count: range.count,
      transitions: transitions, continuations: tagPairs ? scratch.continuations : [],
      into: &scratch.starts, back: &scratch.back)
    return scratch.starts
  }

  /// Asks the CPU for the dictionary slots of the tokens `range` of `text` without waiting for
  /// them: called for the sentence after the one being segmented (`WordDictionary.prefetch`).
  func prefetch(_ text: TokenSyllables, _ range: Range<Int>) {
    dictionary.prefetch(text, range)
  }

  /// The emission score of B at each syllable (I scores 0).
  func scores(_ features: WordFeatures) -> [Float] {
    var features = features
    var scores: [Float] = []
    var sink: Int32 = 0
    computeScores(&features, into: &scores, sink: &sink)
    return scores
  }

  /// `sink` receives a value computed from weights read ahead of time (see
  /// `WordFeatures.touchLines`), so that the compiler keeps those reads. `features` is
  /// `inout` only so that scoring does not copy it (it is not changed).
  private func computeScores(
    _ features: inout WordFeatures, into scores: inout [Float], sink: inout Int32
  ) {
    WordFeatures.grow(&scores, to: features.sequence.count, with: 0)
    guard features.sequence.count > 0 else { return }
    let weights = quantized
    let heads = heads
    scores.withUnsafeMutableBufferPointer { scores in
      sink = features.touchLines(weights, heads: heads)
      features.scores(
        into: scores.baseAddress!, weights: weights.baseAddress!, heads: heads.baseAddress!,
        context: contextWeights, scale: scale)
    }
  }

  /// The score added to the I→I transition into each syllable (models with tag pairs).
  private func computeContinuations(_ features: inout WordFeatures, into scores: inout [Float]) {
    let count = features.sequence.count
    WordFeatures.grow(&scores, to: count, with: 0)
    let scale = scale
    let weights = quantized
    scores.withUnsafeMutableBufferPointer { scores in
      features.sequence.joins.withUnsafeBufferPointer { joins in
        for index in 0..<count {
          guard index >= 2, joins[index], joins[index - 1] else {
            scores[index] = 0
            continue
          }
          scores[index] = Float(features.continuationScore(index, weights: weights)) * scale
        }
      }
    }
  }

  func decode(_ features: WordFeatures) -> [Bool] {
    Self.viterbi(
      scores: scores(features), mayJoin: features.sequence.joins, transitions: transitions)
  }

  /// The best B/I sequence; a syllable that may not join the one before (`mayJoin[i]` false)
  /// is always B. `continuations[i]`, when given, is added to the I→I transition into `i`.
  static func viterbi(
    scores: [Float], mayJoin: [Bool], transitions: [Float], continuations: [Float] = []
  ) -> [Bool] {
    var starts: [Bool] = []
    var back: [UInt8] = []
    viterbi(
      scores: scores, mayJoin: mayJoin, count: scores.count, transitions: transitions,
      continuations: continuations, into: &starts, back: &back)
    return starts
  }

  /// `viterbi(scores:mayJoin:transitions:)` over the first `count` syllables, into buffers
  /// kept from one sentence to the next (they only grow).
  static func viterbi(
    scores: [Float], mayJoin: [Bool], count: Int, transitions: [Float],
    continuations: [Float] = [], into starts: inout [Bool], back: inout [UInt8]
  ) {
    WordFeatures.grow(&starts, to: count, with: true)
    guard count > 0 else { return }
    // Back-pointers: bit 0 = best previous tag for B is I, bit 1 = best previous for I is I.
    WordFeatures.grow(&back, to: count, with: 0)
    scores.withUnsafeBufferPointer { scores in
      mayJoin.withUnsafeBufferPointer { mayJoin in
        continuations.withUnsafeBufferPointer { continuations in
          back.withUnsafeMutableBufferPointer { back in
            starts.withUnsafeMutableBufferPointer { starts in
              // One loop per kind of model, so that a model without tag pairs makes no test
              // for them per syllable.
              let isInside =
                continuations.isEmpty
                ? forward(scores, mayJoin, continuations, false, count, transitions, back)
                : forward(scores, mayJoin, continuations, true, count, transitions, back)
              var inside = isInside
              var index = count - 1
              while index > 0 {
                starts[index] = !inside
                let pointers = back[index]
                inside = inside ? pointers & 2 != 0 : pointers & 1 != 0
                index -= 1
              }
              starts[0] = true
            }
          }
        }
      }
    }
  }

  /// The forward pass of `viterbi`: fills the back-pointers and tells whether the last
  /// syllable is best tagged I. `withContinuations` is a constant at each call.
  @inline(__always)
  private static func forward(
    _ scores: UnsafeBufferPointer<Float>, _ mayJoin: UnsafeBufferPointer<Bool>,
    _ continuations: UnsafeBufferPointer<Float>, _ withContinuations: Bool, _ count: Int,
    _ transitions: [Float], _ back: UnsafeMutableBufferPointer<UInt8>
  ) -> Bool {
    let bb = transitions[0]
    let bi = transitions[1]
    let ib = transitions[2]
    let ii = transitions[3]
    var scoreB = scores[0]
    var scoreI = -Float.infinity
    for index in 1..<count {
      let fromBtoB = scoreB + bb
      let fromItoB = scoreI + ib
      let newB = max(fromBtoB, fromItoB) + scores[index]
      var pointers: UInt8 = fromItoB > fromBtoB ? 1 : 0
      var newI = -Float.infinity
      if mayJoin[index] {
        let fromBtoI = scoreB + bi
        var fromItoI = scoreI + ii
        if withContinuations { fromItoI += continuations[index] }
        newI = max(fromBtoI, fromItoI)
        if fromItoI > fromBtoI { pointers |= 2 }
      }
      back[index] = pointers
      scoreB = newB
      scoreI = newI
    }
    return scoreI > scoreB
  }

  // MARK: - File

  public convenience init(contentsOf url: URL) throws {
    let data = try Data(contentsOf: url, options: .mappedIfSafe)
    try self.init(data: data)
  }

  public convenience init(data: Data) throws {
    var reader = ByteReader(bytes: [UInt8](data))
    guard reader.take(8) == Self.magic else { throw WordSegmentationModelError.notAModel }
    let header = try reader.u32()
    let bits = Int(header & 0xFFFF)
    let tagPairs = header & Self.tagPairsFlag != 0
    let wordLevel = header & Self.wordLevelFlag != 0
    let known = 0xFFFF | Self.tagPairsFlag | Self.wordLevelFlag
    guard (10...26).contains(bits), header & ~known == 0 else { throw WordSegmentationModelError.corrupt("table bits") }
    var transitions = [Float]()
    for _ in 0..<4 { transitions.append(Float(bitPattern: try reader.u32())) }
    let words = Int(try reader.u32())
    guard words <= (reader.bytes.count - reader.position) / 10 else {
      throw WordSegmentationModelError.truncated
    }
    var entries: [(key: UInt64, value: UInt16)] = []
    entries.reserveCapacity(words)
    var increasing = true
    for _ in 0..<words {
      let hash = try reader.u64()
      let flags = UInt16(truncatingIfNeeded: try reader.u16())
      if let last = entries.last, last.key >= hash { increasing = false }
      entries.append((hash, flags))
    }
    if !increasing {
      // `serialized()` writes the words in key order; any other order loads as before, the
      // last flags of a key winning.
      entries = Dictionary(entries.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        .sorted { $0.key < $1.key }
    }
    var dictionary = WordDictionary(sorted: entries)
    var weights = [Float](repeating: 0, count: 1 << bits)
    let count = Int(try reader.u32())
    for _ in 0..<count {
      let index = Int(try reader.u32())
      let weight = Float(bitPattern: try reader.u32())
      guard index < weights.count else { throw WordSegmentationModelError.corrupt("weight index") }
      weights[index] = weight
    }
    if reader.position < reader.bytes.count {
      let count = Int(try reader.u32())
      var entries: [(hash: UInt64, syllableClass: UInt8)] = []
      for _ in 0..<count {
        let hash = try reader.u64()
        guard let syllableClass = reader.take(1).first else {
          throw WordSegmentationModelError.truncated
        }
        entries.append((hash, syllableClass))
      }
      dictionary.classes = SyllableClasses(entries)
    }
    self.init(
      tableBits: bits, weights: weights, transitions: transitions, dictionary: dictionary,
      tagPairs: tagPairs, wordLevel: wordLevel)
  }

  static let tagPairsFlag: UInt32 = 1 << 16
  static let wordLevelFlag: UInt32 = 1 << 17

  /// The model as file bytes.
  public func serialized() -> Data {
    var bytes = Self.magic
    func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    put32(
      UInt32(tableBits) | (tagPairs ? Self.tagPairsFlag : 0) | (wordLevel ? Self.wordLevelFlag : 0))
    for transition in transitions { put32(transition.bitPattern) }
    let entries = dictionary.sortedEntries
    put32(UInt32(entries.count))
    for (hash, flags) in entries {
      withUnsafeBytes(of: hash.littleEndian) { bytes += $0 }
      // Folds do not matter once trained: keep "prefix", "word", the tier and "listed".
      let stored: UInt16 =
        (flags & 1) | (flags & WordDictionary.foldMask != 0 ? 2 : 0)
        | (flags & (WordDictionary.tierMask | WordDictionary.listed))
      withUnsafeBytes(of: stored.littleEndian) { bytes += $0 }
    }
    let nonZero = weights.indices.filter { weights[$0] != 0 }
    put32(UInt32(nonZero.count))
    for index in nonZero {
      put32(UInt32(index))
      put32(weights[index].bitPattern)
    }
    let classes = dictionary.classes
    if !classes.isEmpty {
      put32(UInt32(classes.entries.count))
      for entry in classes.entries {
        withUnsafeBytes(of: entry.hash.littleEndian) { bytes += $0 }
        bytes.append(entry.syllableClass)
      }
    }
    return Data(bytes)
  }
}

public enum WordSegmentationModelError: Error, CustomStringConvertible {
  case notAModel
  case corrupt(String)
  case truncated

  public var description: String {
    switch self {
    case .notAModel: "not a vnx word segmentation model (bad magic)"
    case .corrupt(let what): "corrupt word segmentation model (\(what))"
    case .truncated: "truncated word segmentation model"
    }
  }
}

struct ByteReader {
  let bytes: [UInt8]
  var position = 0

  mutating func take(_ count: Int) -> [UInt8] {
    let end = min(bytes.count, position + count)
    defer { position = end }
    return Array(bytes[position..<end])
  }

  mutating func u16() throws -> UInt32 {
    guard position + 2 <= bytes.count else { throw WordSegmentationModelError.truncated }
    defer { position += 2 }
    return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
  }

  mutating func u32() throws -> UInt32 {
    guard position + 4 <= bytes.count else { throw WordSegmentationModelError.truncated }
    defer { position += 4 }
    return UInt32(littleEndian: bytes.withUnsafeBytes {
      $0.loadUnaligned(fromByteOffset: position, as: UInt32.self)
    })
  }

  mutating func u64() throws -> UInt64 {
    guard position + 8 <= bytes.count else { throw WordSegmentationModelError.truncated }
    defer { position += 8 }
    return UInt64(littleEndian: bytes.withUnsafeBytes {
      $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)
    })
  }
}
