/// The feature templates that read no syllable, only the small context values of the tokens
/// around a gap (shapes, dictionary masks, longest-match tags, tiers, echoes), folded into
/// dense tables of weight sums once per model, so that scoring a syllable adds eight table
/// entries instead of hashing nineteen templates; and the slots of the conjunction templates
/// (a syllable's line with a small context value), one table load instead of two multiplies.
///
///     // template 19 (end mask here) + 20 (start mask here) + 21, 22 (masks before) + 24 (all
///     // four): one entry of `dictionary`, keyed by the four masks
///     sum += table[ContextWeights.Group.dictionary.offset + key]
///
/// The weights are 16-bit integers summed in 32 bits, so a sum read from a table is exactly the
/// sum of the weights it stands for: scores are the same as template by template
/// (`WordFeatures.score` and the tests compare them). Building the tables evaluates each
/// template once per value of the fields it reads: about half a million weight reads, 1.1 MB.
final class ContextWeights: @unchecked Sendable {
  /// A context field of one of the four tokens around the gap at token `p`: `token` 0 is
  /// `p - 2`, 1 is `p - 1`, 2 is `p`, 3 is `p + 1`; `shift` is where it lies in the token's
  /// context word (`WordFeatures.contexts`), `width` how many bits the table key gives it,
  /// `limit` how many values it takes.
  struct Field {
    let token: Int
    let shift: UInt64
    let width: UInt64
    let limit: UInt64

    static func shape(_ token: Int) -> Field { Field(token: token, shift: 56, width: 4, limit: 9) }
    static func start(_ token: Int) -> Field { Field(token: token, shift: 0, width: 4, limit: 16) }
    static func end(_ token: Int) -> Field { Field(token: token, shift: 8, width: 4, limit: 16) }
    static func listedStart(_ token: Int) -> Field {
      Field(token: token, shift: 16, width: 4, limit: 16)
    }
    static func listedEnd(_ token: Int) -> Field {
      Field(token: token, shift: 24, width: 4, limit: 16)
    }
    static func match(_ token: Int) -> Field { Field(token: token, shift: 32, width: 2, limit: 4) }
    static func joinTier(_ token: Int) -> Field {
      Field(token: token, shift: 40, width: 3, limit: 8)
    }
    static func startTier(_ token: Int) -> Field {
      Field(token: token, shift: 43, width: 3, limit: 8)
    }
    static func endTier(_ token: Int) -> Field {
      Field(token: token, shift: 46, width: 3, limit: 8)
    }
    static func corpus(_ token: Int) -> Field { Field(token: token, shift: 49, width: 3, limit: 8) }
    static func corpusEnd(_ token: Int) -> Field {
      Field(token: token, shift: 51, width: 1, limit: 2)
    }
    static func echo(_ token: Int) -> Field { Field(token: token, shift: 52, width: 3, limit: 8) }
  }

  /// Templates summed in one table, keyed by the fields they read (first field in the low
  /// bits). `WordFeatures.groupKey` computes the same keys from the contexts.
  enum Group: Int, CaseIterable {
    case shapes, shapePair, dictionaryShapes, dictionary, listed, matches, tiers, joinTiers

    var templates: [UInt64] {
      switch self {
      case .shapes: [15, 16, 25]
      case .shapePair: [14, 31, 42]
      case .dictionaryShapes: [23]
      case .dictionary: [19, 20, 21, 22, 24]
      case .listed: [28, 29]
      case .matches: [30, 43]
      case .tiers: [36, 40]
      case .joinTiers: [37]
      }
    }

    var fields: [Field] {
      switch self {
      case .shapes: [.shape(0), .shape(1), .shape(2), .shape(3)]
      case .shapePair: [.shape(1), .shape(2), .match(2), .echo(2)]
      case .dictionaryShapes: [.shape(1), .shape(2), .start(2), .end(2)]
      case .dictionary: [.start(2), .end(2), .start(1), .end(1)]
      case .listed: [.listedStart(2), .listedEnd(2), .listedStart(1), .listedEnd(1)]
      case .matches: [.match(1), .match(2), .match(3), .echo(2), .joinTier(2)]
      case .tiers: [.joinTier(2), .startTier(2), .endTier(1), .corpus(2), .corpusEnd(1)]
      case .joinTiers: [.joinTier(2), .joinTier(1), .joinTier(3)]
      }
    }

    var bits: Int { fields.reduce(0) { $0 + Int($1.width) } }

    /// Where the group's table starts in `sums`; constants, so that the scorer's offsets fold.
    @inline(__always)
    var offset: Int {
      switch self {
      case .shapes: 0
      case .shapePair: 1 << 16
      case .dictionaryShapes: 1 << 16 + 1 << 13
      case .dictionary: 2 << 16 + 1 << 13
      case .listed: 3 << 16 + 1 << 13
      case .matches: 4 << 16 + 1 << 13
      case .tiers: 4 << 16 + 1 << 13 + 1 << 12
      case .joinTiers: 4 << 16 + 2 << 13 + 1 << 12
      }
    }

    static let total = 4 << 16 + 2 << 13 + 1 << 12 + 1 << 9

    /// The context words of the four tokens whose fields make `key`; nil when a field is out
    /// of its range (no token has such contexts).
    func contexts(_ key: Int) -> (UInt64, UInt64, UInt64, UInt64)? {
      Self.contexts(key, fields)
    }

    /// `contexts(_:)` for the fields of a group, read once for all its keys.
    static func contexts(_ key: Int, _ fields: [Field]) -> (UInt64, UInt64, UInt64, UInt64)? {
      var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
      var rest = UInt64(key)
      for field in fields {
        let value = rest & (1 << field.width - 1)
        guard value < field.limit else { return nil }
        switch field.token {
        case 0: words.0 |= value << field.shift
        case 1: words.1 |= value << field.shift
        case 2: words.2 |= value << field.shift
        default: words.3 |= value << field.shift
        }
        rest >>= field.width
      }
      return words
    }
  }

  /// The conjunction templates: a syllable's line with a small context value in one of the
  /// line's slots 5…31. `slots` holds that slot for every value, per template.
  enum Conjunction: Int, CaseIterable {
    case shapeHere, shapeBefore, masksHere, masksBefore, listedEndHere, listedEndBefore
    case matchHere, matchBefore, joinTierHere, joinTierBefore, corpusBigram

    var template: UInt64 {
      switch self {
      case .shapeHere: 17
      case .shapeBefore: 18
      case .masksHere: 26
      case .masksBefore: 27
      case .listedEndHere: 32
      case .listedEndBefore: 33
      case .matchHere: 34
      case .matchBefore: 35
      case .joinTierHere: 38
      case .joinTierBefore: 39
      case .corpusBigram: 41
      }
    }

    /// The table key (`WordFeatures` computes it from the contexts) → the template's value.
    func value(_ key: UInt64) -> UInt64 {
      switch self {
      case .shapeHere, .shapeBefore: (key & 15) << 8 | key >> 4  // shape before, shape here
      case .masksHere: (key >> 4) << 8 | key & 15  // end here, start here
      case .masksBefore: (key & 15) << 8 | key >> 4  // start before, end before
      case .listedEndHere, .listedEndBefore, .matchHere, .matchBefore, .joinTierHere,
        .joinTierBefore, .corpusBigram:
        key
      }
    }

    var size: Int {
      switch self {
      case .shapeHere, .shapeBefore, .masksHere, .masksBefore: 256
      case .listedEndHere, .listedEndBefore, .matchHere, .matchBefore, .joinTierHere,
        .joinTierBefore:
        16
      case .corpusBigram: 128
      }
    }

    @inline(__always)
    var offset: Int {
      switch self {
      case .shapeHere: 0
      case .shapeBefore: 256
      case .masksHere: 512
      case .masksBefore: 768
      case .listedEndHere: 1024
      case .listedEndBefore: 1040
      case .matchHere: 1056
      case .matchBefore: 1072
      case .joinTierHere: 1088
      case .joinTierBefore: 1104
      case .corpusBigram: 1120
      }
    }

    static let total = 1248
  }

  /// The weight sums of every group, at `Group.offset`.
  let sums: UnsafeMutablePointer<Int32>
  /// The conjunction slots, at `Conjunction.offset`.
  let slots: UnsafeMutablePointer<UInt32>

  /// Tables for `weights`, a table of `2^bits` weights.
  init(weights: UnsafeBufferPointer<Int16>, bits: Int) {
    sums = .allocate(capacity: Group.total)
    sums.initialize(repeating: 0, count: Group.total)
    slots = .allocate(capacity: Conjunction.total)
    slots.initialize(repeating: 0, count: Conjunction.total)
    let shift = WordFeatures.shift(bits: bits)
    for group in Group.allCases {
      let templates = group.templates
      let fields = group.fields
      // Only the keys whose fields are all in range (a third of them), counted like an
      // odometer: field values, key and context words change a field at a time.
      var values = [UInt64](repeating: 0, count: fields.count)
      var keyShifts: [UInt64] = []
      var position: UInt64 = 0
      for field in fields {
        keyShifts.append(position)
        position += field.width
      }
      var words: [UInt64] = [0, 0, 0, 0]
      var key = 0
      counting: while true {
        var sum: Int32 = 0
        for template in templates {
          let value = WordFeatures.contextValue(template, words[0], words[1], words[2], words[3])
          sum &+= Int32(weights[Int(WordFeatures.contextIndex(template, value, shift))])
        }
        sums[group.offset + key] = sum
        var digit = 0
        while true {
          let field = fields[digit]
          let old = values[digit]
          let new = old + 1 == field.limit ? 0 : old + 1
          values[digit] = new
          key = key & ~(Int(1 << field.width - 1) << keyShifts[digit])
            | Int(new << keyShifts[digit])
          words[field.token] = words[field.token] & ~((1 << field.width - 1) << field.shift)
            | new << field.shift
          if new != 0 { break }
          digit += 1
          if digit == fields.count { break counting }
        }
      }
    }
    for conjunction in Conjunction.allCases {
      for key in 0..<conjunction.size {
        slots[conjunction.offset + key] = WordFeatures.conjunction(
          line: 0, conjunction.template, conjunction.value(UInt64(key)))
      }
    }
  }

  deinit {
    sums.deallocate()
    slots.deallocate()
  }
}
