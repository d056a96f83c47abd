/// The tokens of one sentence as the word segmenter sees them: a hash of each token's
/// lowercase form, its shape, and whether it may join the token before it.
struct SyllableSequence {
  enum Shape: UInt8 {
    case padding, lower, title, capitals, mixed, number, punctuation, symbol, abbreviation
  }

  var hashes: [UInt64] = []
  var shapes: [Shape] = []
  /// Whether the token is a syllable (`.word`), so that it may be part of a longer word.
  var syllable: [Bool] = []
  /// Whether token `i` may continue the word of token `i - 1` (both are syllables).
  private(set) var joins: [Bool] = []
  /// How syllable `i` echoes syllable `i - 1` (`Reduplication` bits; 0 when not both are
  /// syllables).
  private(set) var echoes: [UInt8] = []

  var count: Int { hashes.count }

  static let numberHash: UInt64 = 0x6e75_6d62_6572_2121
  static let paddingHash: UInt64 = 0x7061_6464_696e_6721

  init() {}

  /// Reads the tokens; `scalars[0]` is the scalar at text offset `offset`.
  init(_ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int) {
    load(tokens, scalars, offset: offset)
  }

  /// Reads the tokens into the arrays already allocated.
  mutating func load(_ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int) {
    let count = tokens.count
    WordFeatures.resize(&hashes, to: count, with: 0)
    WordFeatures.resize(&shapes, to: count, with: .padding)
    WordFeatures.resize(&syllable, to: count, with: false)
    WordFeatures.resize(&joins, to: count, with: false)
    WordFeatures.resize(&echoes, to: count, with: 0)
    tokens.withUnsafeBufferPointer { tokens in
      hashes.withUnsafeMutableBufferPointer { hashes in
        shapes.withUnsafeMutableBufferPointer { shapes in
          syllable.withUnsafeMutableBufferPointer { syllable in
            joins.withUnsafeMutableBufferPointer { joins in
              echoes.withUnsafeMutableBufferPointer { echoes in
                var previous = false
                var previousParts = Reduplication.Parts()
                for index in 0..<count {
                  let token = tokens[index]
                  let isSyllable: Bool
                  var parts = Reduplication.Parts()
                  (hashes[index], shapes[index], isSyllable) = Self.read(
                    token, scalars, offset, parts: &parts)
                  syllable[index] = isSyllable
                  joins[index] = previous && isSyllable
                  echoes[index] = 0
                  if isSyllable {
                    if previous {
                      var echo: UInt8 = 0
                      if parts.onset == previousParts.onset { echo |= Reduplication.sameOnset }
                      if parts.rhyme == previousParts.rhyme { echo |= Reduplication.sameRhyme }
                      if hashes[index] == hashes[index - 1] { echo |= Reduplication.sameSyllable }
                      echoes[index] = echo
                    }
                    previousParts = parts
                  }
                  previous = isSyllable
                }
              }
            }
          }
        }
      }
    }
  }

  /// The hash of a token's lowercase form, its shape, and whether it is a syllable; `parts`
  /// receives its onset and rhyme.
  @inline(__always)
  private static func read(
    _ token: Token, _ scalars: UnsafeBufferPointer<UInt32>, _ offset: Int,
    parts: inout Reduplication.Parts
  ) -> (UInt64, Shape, Bool) {
    switch token.kind {
    case .number, .percent, .date, .time: return (numberHash, .number, false)
    default: break
    }
    var hash = ScalarHash()
    var uppers = 0
    var lowers = 0
    var digits = 0
    var firstUpper = false
    let first = token.start - offset
    let end = token.end - offset
    let isWord = token.kind == .word
    defer { parts.finish() }
    for position in first..<end {
      let value = scalars[position]
      let lower = LetterCase.lower(value)
      hash.add(lower)
      if isWord { parts.add(lower) }
      if value >= 0x30 && value <= 0x39 {
        digits += 1
      } else if lower != value {
        if position == first { firstUpper = true }
        uppers += 1
      } else {
        lowers += 1
      }
    }
    switch token.kind {
    case .word:
      let shape: Shape
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
      return (hash.value, shape, true)
    case .punctuation: return (hash.value, .punctuation, false)
    case .abbreviation: return (hash.value, .abbreviation, false)
    default: return (hash.value, .symbol, false)
    }
  }

  @inline(__always)
  func hash(_ index: Int) -> UInt64 {
    if index < 0 { return Self.paddingHash &+ UInt64(-index) }
    if index >= hashes.count { return Self.paddingHash &- UInt64(index - hashes.count + 1) }
    return hashes[index]
  }

  @inline(__always)
  func shape(_ index: Int) -> UInt64 {
    index >= 0 && index < shapes.count ? UInt64(shapes[index].rawValue) : 0
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
