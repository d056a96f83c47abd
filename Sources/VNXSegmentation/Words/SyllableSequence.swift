/// The tokens of one sentence as the word segmenter sees them: a hash of each token's
/// lowercase form, its shape, and whether it may join the token before it.
struct SyllableSequence {
  enum Shape: UInt8 {
    case padding, lower, title, capitals, mixed, number, punctuation, symbol, abbreviation
  }

  /// The arrays below keep their storage from one sentence to the next and may be longer
  /// than the sentence: only the first `count` elements belong to it.
  var hashes: [UInt64] = []
  var shapes: [Shape] = []
  /// Whether the token is a syllable (`.word`), so that it may be part of a longer word.
  var syllable: [Bool] = []
  /// Whether token `i` may continue the word of token `i - 1` (both are syllables).
  private(set) var joins: [Bool] = []
  /// How syllable `i` echoes syllable `i - 1` (`Reduplication` bits; 0 when not both are
  /// syllables).
  private(set) var echoes: [UInt8] = []

  private(set) var count = 0

  static let numberHash: UInt64 = 0x6e75_6d62_6572_2121
  static let paddingHash: UInt64 = 0x7061_6464_696e_6721

  init() {}

  /// Reads the tokens; `scalars[0]` is the scalar at text offset `offset`.
  init(_ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int) {
    load(tokens, scalars, offset: offset)
  }

  /// Makes the arrays hold sentences of up to `count` tokens without growing.
  mutating func reserve(_ count: Int) {
    WordFeatures.grow(&hashes, to: count, with: 0)
    WordFeatures.grow(&shapes, to: count, with: .padding)
    WordFeatures.grow(&syllable, to: count, with: false)
    WordFeatures.grow(&joins, to: count, with: false)
    WordFeatures.grow(&echoes, to: count, with: 0)
  }

  /// Reads the tokens into the arrays already allocated.
  mutating func load(_ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int) {
    load(TokenSyllables(tokens, scalars, offset: offset), 0..<tokens.count)
  }

  /// The tokens `range` of a text read once for all its sentences (`TokenSyllables`), into
  /// the arrays already allocated.
  mutating func load(_ text: TokenSyllables, _ range: Range<Int>) {
    let count = range.count
    self.count = count
    WordFeatures.grow(&hashes, to: count, with: 0)
    WordFeatures.grow(&shapes, to: count, with: .padding)
    WordFeatures.grow(&syllable, to: count, with: false)
    WordFeatures.grow(&joins, to: count, with: false)
    WordFeatures.grow(&echoes, to: count, with: 0)
    text.facts.withUnsafeBufferPointer { facts in
      hashes.withUnsafeMutableBufferPointer { hashes in
        shapes.withUnsafeMutableBufferPointer { shapes in
          syllable.withUnsafeMutableBufferPointer { syllable in
            joins.withUnsafeMutableBufferPointer { joins in
              echoes.withUnsafeMutableBufferPointer { echoes in
                let first = range.lowerBound
                var previous = false
                for index in 0..<count {
                  let fact = facts[first + index]
                  hashes[index] = fact.hash
                  shapes[index] = fact.shape
                  syllable[index] = fact.isSyllable
                  let join = previous && fact.isSyllable
                  joins[index] = join
                  var echo: UInt8 = 0
                  if join {
                    let before = facts[first + index - 1]
                    if fact.onset == before.onset { echo |= Reduplication.sameOnset }
                    if fact.rhyme == before.rhyme { echo |= Reduplication.sameRhyme }
                    if fact.hash == before.hash { echo |= Reduplication.sameSyllable }
                  }
                  echoes[index] = echo
                  previous = fact.isSyllable
                }
              }
            }
          }
        }
      }
    }
  }

  @inline(__always)
  func hash(_ index: Int) -> UInt64 {
    if index < 0 { return Self.paddingHash &+ UInt64(-index) }
    if index >= count { return Self.paddingHash &- UInt64(index - count + 1) }
    return hashes[index]
  }

  @inline(__always)
  func shape(_ index: Int) -> UInt64 {
    index >= 0 && index < count ? UInt64(shapes[index].rawValue) : 0
  }

  /// Whether token `index` may continue the word of token `index - 1`.
  @inline(__always)
  func mayJoin(_ index: Int) -> Bool { joins[index] }
}

/// Mixes hashes into one; the feature templates and the dictionary rest on it.
@inline(__always)
func mixHash(_ a: UInt64, _ b: UInt64) -> UInt64 {
  var x = a ^ (b &* 0x9E37_79B9_7F4A_7C15)
  x ^= x >> 31
  x &*= 0xD6E8_FEB8_6659_FD93
  x ^= x >> 29
  return x
}

/// What the word segmenter reads of each token of a text, read once before the text is cut
/// into sentences: the hash of the token's lowercase form (FNV over its scalars), its shape,
/// whether it is a syllable, and the onset and rhyme of a syllable (`Reduplication`).
struct TokenSyllables {
  struct Fact {
    var hash: UInt64
    var onset: UInt32
    var rhyme: UInt32
    var shape: SyllableSequence.Shape
    var isSyllable: Bool
  }

  private(set) var facts: [Fact]

  /// Reads the tokens; `scalars[0]` is the scalar at text offset `offset`.
  init(_ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int) {
    let table = ScalarTable.entries
    facts = [Fact](unsafeUninitializedCapacity: tokens.count) { facts, count in
      tokens.withUnsafeBufferPointer { tokens in
        for index in 0..<tokens.count {
          (facts.baseAddress! + index).initialize(
            to: Self.read(tokens[index], scalars, offset, table))
        }
      }
      count = tokens.count
    }
  }

  @inline(__always)
  private static func read(
    _ token: Token, _ scalars: UnsafeBufferPointer<UInt32>, _ offset: Int,
    _ table: UnsafePointer<UInt64>
  ) -> Fact {
    switch token.kind {
    case .number, .percent, .date, .time:
      return Fact(
        hash: SyllableSequence.numberHash, onset: 0, rhyme: 0, shape: .number, isSyllable: false)
    default: break
    }
    var hash = ScalarHash()
    let first = token.start - offset
    let end = token.end - offset
    guard token.kind == .word else {
      for position in first..<end {
        hash.add(ScalarTable.lower(ScalarTable.entry(scalars[position], table)))
      }
      let shape: SyllableSequence.Shape =
        switch token.kind {
        case .punctuation: .punctuation
        case .abbreviation: .abbreviation
        default: .symbol
        }
      return Fact(hash: hash.value, onset: 0, rhyme: 0, shape: shape, isSyllable: false)
    }
    // The onset is the letters before the first vowel, the rhyme the rest (toneless), both
    // hashed in the same pass as the syllable; "gi" and "qu" before another vowel, where the
    // vowel belongs to the onset, are read again by `Reduplication.Parts`.
    var onset = ScalarHash()
    var rhyme = ScalarHash()
    var inRhyme = false
    var uppers = 0
    var digits = 0
    for position in first..<end {
      let value = scalars[position]
      let entry = ScalarTable.entry(value, table)
      let lower = ScalarTable.lower(entry)
      hash.add(lower)
      let toneless = ScalarTable.toneless(entry)
      inRhyme = inRhyme || entry & ScalarTable.vowelBit != 0
      var nextOnset = onset
      nextOnset.add(toneless)
      var nextRhyme = rhyme
      nextRhyme.add(toneless)
      onset = inRhyme ? onset : nextOnset
      rhyme = inRhyme ? nextRhyme : rhyme
      // Counted from the entry's bits, not by a branch per letter (a capital is rare and
      // unpredictable).
      digits &+= Int(truncatingIfNeeded: entry >> 43 & 1)
      uppers &+= Int(truncatingIfNeeded: entry >> 44 & 1)
    }
    let firstEntry = ScalarTable.entry(scalars[first], table)
    let firstUpper = firstEntry & ScalarTable.upperBit != 0
    let lowers = end - first - uppers - digits
    var parts = (onset: UInt32(truncatingIfNeeded: onset.value), rhyme: UInt32(truncatingIfNeeded: rhyme.value))
    let initial = ScalarTable.toneless(firstEntry)
    if initial == 0x67 || initial == 0x71, end - first >= 2 {
      let second = ScalarTable.toneless(ScalarTable.entry(scalars[first + 1], table))
      if (initial == 0x67 && second == 0x69) || (initial == 0x71 && second == 0x75) {
        var reference = Reduplication.Parts()
        for position in first..<end {
          let entry = ScalarTable.entry(scalars[position], table)
          reference.add(
            toneless: ScalarTable.toneless(entry), isVowel: entry & ScalarTable.vowelBit != 0)
        }
        reference.finish()
        parts = (reference.onset, reference.rhyme)
      }
    }
    let shape: SyllableSequence.Shape
    if digits > 0 {
      shape = .mixed
    } else if uppers == 0 {
      shape = .lower
    } else if firstUpper && uppers == 1 {
      shape = .title
    } else if lowers == 0 {
      shape = .capitals
    } else {
      shape = .mixed
    }
    return Fact(
      hash: hash.value, onset: parts.onset, rhyme: parts.rhyme, shape: shape, isSyllable: true)
  }
}
