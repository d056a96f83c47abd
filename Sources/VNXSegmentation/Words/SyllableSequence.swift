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
    hashes.removeAll(keepingCapacity: true)
    shapes.removeAll(keepingCapacity: true)
    syllable.removeAll(keepingCapacity: true)
    hashes.reserveCapacity(tokens.count)
    shapes.reserveCapacity(tokens.count)
    syllable.reserveCapacity(tokens.count)
    for token in tokens {
      switch token.kind {
      case .number, .percent, .date, .time:
        hashes.append(Self.numberHash)
        shapes.append(.number)
        syllable.append(false)
        continue
      default: break
      }
      var hash = ScalarHash()
      var uppers = 0
      var lowers = 0
      var digits = 0
      var firstUpper = false
      for position in (token.start - offset)..<(token.end - offset) {
        let value = scalars[position]
        let lower = LetterCase.lower(value)
        hash.add(lower)
        if value >= 0x30 && value <= 0x39 {
          digits += 1
        } else if lower != value {
          if position == token.start - offset { firstUpper = true }
          uppers += 1
        } else {
          lowers += 1
        }
      }
      hashes.append(hash.value)
      switch token.kind {
      case .word:
        syllable.append(true)
        if digits > 0 {
          shapes.append(.mixed)
        } else if uppers == 0 {
          shapes.append(.lower)
        } else if firstUpper && uppers == 1 {
          shapes.append(.title)
        } else if lowers == 0 {
          shapes.append(.capitals)
        } else {
          shapes.append(.mixed)
        }
      case .punctuation:
        syllable.append(false)
        shapes.append(.punctuation)
      case .abbreviation:
        syllable.append(false)
        shapes.append(.abbreviation)
      default:
        syllable.append(false)
        shapes.append(.symbol)
      }
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
  func mayJoin(_ index: Int) -> Bool { index > 0 && syllable[index] && syllable[index - 1] }
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
