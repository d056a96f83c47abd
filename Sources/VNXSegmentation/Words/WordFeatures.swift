/// The feature templates of the word segmenter: for each syllable, hashed indices into the
/// weight table, which decide whether the syllable starts a word (B) or continues one (I).
///
/// Templates: syllables in a window of five and their bigrams and trigrams, the shapes
/// (lowercase, Title, CAPITALS, number, punctuation…) around the syllable, the dictionary
/// words that start or end around it, whether it echoes the syllable before
/// (`Reduplication`), and, in models trained with them, the closed classes of the two
/// syllables (`SyllableClasses`). Models trained with tag pairs also score, for each syllable,
/// whether it continues a word that already joins the two syllables before it
/// (`continuationScore`).
struct WordFeatures {
  static let maximumCount = 48

  /// The per-token arrays keep their storage from one sentence to the next and may be longer
  /// than the sentence: only the first `sequence.count` elements (`sequence.count + 2 *
  /// padding` for the lines and contexts) belong to it.
  private(set) var sequence = SyllableSequence()
  private(set) var starts: [UInt8] = []
  private(set) var ends: [UInt8] = []
  private(set) var listedStarts: [UInt8] = []
  private(set) var listedEnds: [UInt8] = []
  /// Tiers of the listed words around each token (see `WordDictionary.startMasks`).
  private(set) var tiers: [UInt16] = []
  /// Tags of greedy longest-match segmentation, left to right and right to left
  /// (bit 0: starts a word left to right; bit 1: right to left).
  private(set) var matching: [UInt8] = []

  /// The weight-table lines of each token's n-grams, computed once per sentence and shared by
  /// the templates of the five positions that read them (index `k + padding` for token `k`,
  /// padding tokens included): unigram `k`, bigram `k - 1…k`, trigram `k - 2…k`, and the
  /// skip-gram `k - 1, k + 1`.
  private var unigramLines: [UInt32] = []
  private var bigramLines: [UInt32] = []
  private var trigramLines: [UInt32] = []
  private var skipLines: [UInt32] = []
  /// Everything else the templates read of token `k`, at `k + padding` (0 for padding):
  /// dictionary start mask (bits 0…7), end mask (8…15), listed start and end masks (16…31),
  /// longest-match tags (32…39), tiers (40…51), echo of the syllable before (52…54) and shape
  /// (56…63).
  private var contexts: [UInt64] = []
  private var paddedHashes: [UInt64] = []
  /// The closed class of token `k` (`SyllableClasses`) at `k + padding`, 0 for padding; only
  /// for models trained with classes (`usesClasses`): older models score exactly as before.
  private var syllableClasses: [UInt8] = []
  private(set) var usesClasses = false
  /// Scratch of the dictionary matching.
  private var keys: [UInt64] = []
  static let padding = 2
  /// The table size the lines were computed for.
  private(set) var bits = 0

  init() {}

  init(
    _ sequence: SyllableSequence, dictionary: WordDictionary, excludedFold: Int? = nil, bits: Int
  ) {
    load(sequence, dictionary: dictionary, excludedFold: excludedFold, bits: bits)
  }

  /// Makes the arrays hold sentences of up to `count` tokens without growing.
  mutating func reserve(_ count: Int) {
    sequence.reserve(count)
    Self.grow(&starts, to: count, with: 0)
    Self.grow(&ends, to: count, with: 0)
    Self.grow(&listedStarts, to: count, with: 0)
    Self.grow(&listedEnds, to: count, with: 0)
    Self.grow(&matching, to: count, with: 0)
    Self.grow(&tiers, to: count, with: 0)
    Self.grow(&keys, to: count, with: 0)
    let total = count + 2 * Self.padding
    Self.grow(&unigramLines, to: total, with: 0)
    Self.grow(&bigramLines, to: total, with: 0)
    Self.grow(&trigramLines, to: total, with: 0)
    Self.grow(&skipLines, to: total, with: 0)
    Self.grow(&contexts, to: total, with: 0)
    Self.grow(&paddedHashes, to: total + 3, with: 0)
    Self.grow(&syllableClasses, to: total, with: 0)
  }

  /// Computes the dictionary matches and n-gram lines of a sentence, reusing the arrays
  /// already allocated.
  mutating func load(
    _ tokens: [Token], _ scalars: UnsafeBufferPointer<UInt32>, offset: Int,
    dictionary: WordDictionary, bits: Int
  ) {
    sequence.load(tokens, scalars, offset: offset)
    matchDictionary(dictionary, excludedFold: nil)
    computeLines(bits: bits)
  }

  /// `load` for the tokens `range` of a text whose tokens were read once (`TokenSyllables`).
  mutating func load(
    _ text: TokenSyllables, _ range: Range<Int>, dictionary: WordDictionary, bits: Int
  ) {
    sequence.load(text, range)
    matchDictionary(dictionary, excludedFold: nil)
    computeLines(bits: bits)
  }

  mutating func load(
    _ sequence: SyllableSequence, dictionary: WordDictionary, excludedFold: Int?, bits: Int
  ) {
    self.sequence = sequence
    matchDictionary(dictionary, excludedFold: excludedFold)
    computeLines(bits: bits)
  }

  private mutating func computeLines(bits: Int) {
    self.bits = bits
    let shift = UInt64(64 - bits + Self.lineBits)
    let s = sequence
    let count = s.count
    let padding = Self.padding
    let total = count + 2 * padding
    let trigramSalt = Self.trigramSalt
    // Token hashes from `-padding - 2` to `count + padding`, padding included.
    let extra = padding + 2
    Self.grow(&paddedHashes, to: count + padding + 1 + extra, with: 0)
    paddedHashes.withUnsafeMutableBufferPointer { padded in
      s.hashes.withUnsafeBufferPointer { hashes in
        for k in 0..<extra { padded[k] = SyllableSequence.paddingHash &+ UInt64(extra - k) }
        for k in 0..<count { padded[extra + k] = hashes[k] }
        for k in 0...padding { padded[extra + count + k] = SyllableSequence.paddingHash &- UInt64(k + 1) }
      }
    }
    Self.grow(&unigramLines, to: total, with: 0)
    Self.grow(&bigramLines, to: total, with: 0)
    Self.grow(&trigramLines, to: total, with: 0)
    Self.grow(&skipLines, to: total, with: 0)
    paddedHashes.withUnsafeBufferPointer { h in
      unigramLines.withUnsafeMutableBufferPointer { u in
        bigramLines.withUnsafeMutableBufferPointer { b in
          trigramLines.withUnsafeMutableBufferPointer { t in
            skipLines.withUnsafeMutableBufferPointer { k in
              // Token `j - padding` is at `h[j + 2]`; a trigram extends the bigram before it.
              var previousBigram = mixHash(h[0], h[1])
              for j in 0..<total {
                let here = h[j + 2]
                let before = h[j + 1]
                let bigram = mixHash(before, here)
                u[j] = Self.line(here, shift)
                b[j] = Self.line(bigram, shift)
                t[j] = Self.line(Self.pair(previousBigram, here) ^ trigramSalt, shift)
                k[j] = Self.line(Self.pair(before, h[j + 3]) ^ trigramSalt, shift)
                previousBigram = bigram
              }
            }
          }
        }
      }
    }
    Self.grow(&contexts, to: total, with: 0)
    contexts.withUnsafeMutableBufferPointer { c in
      for k in 0..<padding {
        c[k] = 0
        c[count + padding + k] = 0
      }
      for k in 0..<count {
        c[k + padding] =
          UInt64(starts[k]) | UInt64(ends[k]) << 8 | UInt64(listedStarts[k]) << 16
          | UInt64(listedEnds[k]) << 24 | UInt64(matching[k]) << 32 | UInt64(tiers[k]) << 40
          | UInt64(s.echoes[k]) << 52
          | UInt64(s.shapes[k].rawValue) << 56
      }
    }
  }

  /// Makes the first `count` elements of `array` zeros, growing it when it is shorter.
  static func reset<Element: FixedWidthInteger>(_ array: inout [Element], count: Int) {
    grow(&array, to: count, with: 0)
    array.withUnsafeMutableBufferPointer {
      UnsafeMutableBufferPointer(rebasing: $0[0..<count]).update(repeating: 0)
    }
  }

  /// Makes `array` hold at least `count` elements (new ones are `filler`), keeping its storage
  /// and the elements it has: buffers reused from one sentence to the next only grow, so that
  /// a sentence costs no resizing (the caller overwrites the first `count` elements).
  @inline(__always)
  static func grow<Element>(_ array: inout [Element], to count: Int, with filler: Element) {
    let old = array.count
    if old < count { array.append(contentsOf: repeatElement(filler, count: count - old)) }
  }

  private mutating func matchDictionary(_ dictionary: WordDictionary, excludedFold: Int?) {
    dictionary.startMasks(
      sequence, excludedFold: excludedFold, into: &starts, ends: &ends, listed: &listedStarts,
      listedEnds: &listedEnds, tiers: &tiers, keys: &keys)
    classify(dictionary.classes)
    let count = sequence.count
    Self.grow(&matching, to: count, with: 3)
    starts.withUnsafeBufferPointer { starts in
      ends.withUnsafeBufferPointer { ends in
        matching.withUnsafeMutableBufferPointer { matching in
          UnsafeMutableBufferPointer(rebasing: matching[0..<count]).update(repeating: 3)
          var position = 0
          while position < count {
            let mask = starts[position]
            let length = mask == 0 ? 1 : 9 - mask.leadingZeroBitCount
            var inside = position + 1
            while inside < position + length {
              matching[inside] &= ~1
              inside += 1
            }
            position += length
          }
          position = count - 1
          while position >= 0 {
            let mask = ends[position]
            let length = mask == 0 ? 1 : 9 - mask.leadingZeroBitCount
            var inside = position
            while inside > position - length + 1 {
              matching[inside] &= ~2
              inside -= 1
            }
            position -= length
          }
        }
      }
    }
  }

  /// Reads the class of every token, once per sentence; nothing for a model without classes.
  private mutating func classify(_ classes: SyllableClasses) {
    usesClasses = !classes.isEmpty
    guard usesClasses else { return }
    let count = sequence.count
    let padding = Self.padding
    Self.grow(&syllableClasses, to: count + 2 * padding, with: 0)
    sequence.hashes.withUnsafeBufferPointer { hashes in
      syllableClasses.withUnsafeMutableBufferPointer { classified in
        for k in 0..<padding {
          classified[k] = 0
          classified[padding + count + k] = 0
        }
        classes.classify(
          UnsafeBufferPointer(rebasing: hashes[0..<count]), into: classified, offset: padding)
      }
    }
  }

  /// The weight table is cut into lines of 32 weights (64 bytes at run time). The features of
  /// one syllable (its unigram templates and their conjunctions with the context), of one
  /// bigram and of one trigram share a line, so that scoring a syllable touches a few new cache
  /// lines instead of one per feature: the table no longer has to fit in the cache.
  static let lineBits = 5

  /// `shift` is `64 - bits + lineBits`, below 64 for every table size a model may have, so a
  /// masking shift gives the same line without the check for larger shifts.
  @inline(__always)
  private static func line(_ key: UInt64, _ shift: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) &>> shift) &<< UInt32(lineBits)
  }

  /// A weight at position `slot` (0…31) of the line of `key`.
  @inline(__always)
  private static func index(_ key: UInt64, _ slot: UInt64, _ shift: UInt64) -> UInt32 {
    line(key, shift) | UInt32(truncatingIfNeeded: slot & 31)
  }

  @inline(__always)
  private static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { a ^ (b &* 0xC2B2_AE3D_27D4_EB4F) }

  private static let trigramSalt: UInt64 = 0x7472_6967_7261_6d21

  /// A conjunction of the line `line` with a small context value, in slots 5…31 of the line.
  @inline(__always)
  static func conjunction(line: UInt32, _ template: UInt64, _ context: UInt64) -> UInt32 {
    let mixed = ((context ^ (template &* 0x9E37_79B9_7F4A_7C15)) &* 0xC2B2_AE3D_27D4_EB4F) >> 40
    return line | UInt32(truncatingIfNeeded: 5 + (mixed &* 27) >> 24)
  }

  /// The shift that gives a line of a table of `2^bits` weights (see `line`).
  static func shift(bits: Int) -> UInt64 { UInt64(64 - bits + lineBits) }

  /// The weight index of context template `template` (a template that reads no syllable) for
  /// the value it reads: each value has a line of its own, the template's slot in it.
  @inline(__always)
  static func contextIndex(_ template: UInt64, _ value: UInt64, _ shift: UInt64) -> UInt32 {
    index(pair(template, value), template, shift)
  }

  // The fields of a token's packed context (see `contexts`).
  @inline(__always) static func start(_ c: UInt64) -> UInt64 { c & 0xFF }
  @inline(__always) static func end(_ c: UInt64) -> UInt64 { c >> 8 & 0xFF }
  @inline(__always) static func listed(_ c: UInt64) -> UInt64 { c >> 16 & 0xFFFF }
  @inline(__always) static func match(_ c: UInt64) -> UInt64 { c >> 32 & 0xFF }
  @inline(__always) static func tier(_ c: UInt64) -> UInt64 { c >> 40 & 0xFFF }
  @inline(__always) static func echo(_ c: UInt64) -> UInt64 { c >> 52 & 7 }

  /// What context template `template` reads of the contexts of the tokens `p - 2`, `p - 1`,
  /// `p` and `p + 1` (see `contexts`) for the gap before token `p`. Each template reads only
  /// the fields its `ContextWeights.Group` lists.
  @inline(__always)
  static func contextValue(
    _ template: UInt64, _ before2: UInt64, _ before: UInt64, _ here: UInt64, _ after: UInt64
  ) -> UInt64 {
    // Each template computes only what it reads (the context tables evaluate every template
    // for every value of its fields when a model loads).
    var shapes: UInt64 {
      (before2 >> 56) << 24 | (before >> 56) << 16 | (here >> 56) << 8 | after >> 56
    }
    var shapePair: UInt64 { (before >> 56) << 8 | here >> 56 }
    var dictionary: UInt64 {
      end(here) | start(here) << 8 | start(before) << 16 | end(before) << 24
    }
    var joinTier: UInt64 { tier(here) & 7 }
    var tierContext: UInt64 {
      joinTier | (tier(before) >> 6 & 7) << 3 | (tier(here) >> 3 & 7) << 6
    }
    switch template {
    case 14: return shapePair
    case 15: return shapes & 0xFF_FFFF
    case 16: return shapes >> 8
    case 19: return end(here)
    case 20: return start(here)
    case 21: return start(before)
    case 22: return end(before)
    case 23: return dictionary & 0xFFFF | shapePair << 32
    case 24: return dictionary
    case 25: return 0  // the bias: pair(25, 0) is 25
    case 28: return listed(here)
    case 29: return listed(before) << 16 | listed(here)
    case 30: return match(before) << 8 | match(here) | match(after) << 4
    case 31: return match(here) | shapePair << 8
    case 36: return tierContext
    case 37: return joinTier | (tier(before) & 7) << 3 | (tier(after) & 7) << 6
    case 40:
      let corpus = tier(here) >> 9 & 7 | (tier(before) >> 11 & 1) << 3
      return corpus | tierContext << 4
    case 42: return echo(here) | shapePair << 8
    case 43: return echo(here) | joinTier << 8 | (match(here) & 1) << 12
    default: preconditionFailure("template \(template) reads a syllable")
    }
  }

  /// Reads the first weight of every n-gram line of the sentence (in `weights` for the
  /// unigram and bigram lines, in `heads` for the trigram and skip-gram lines, as scoring reads
  /// them), so that the cache misses of the whole sentence overlap in one tight loop instead of
  /// stalling the scoring one by one. Returns their sum only so that the reads are not
  /// optimized away.
  @inline(__always)
  func touchLines(_ weights: UnsafeBufferPointer<Int16>, heads: UnsafeBufferPointer<Int16>)
    -> Int32
  {
    var sum: Int32 = 0
    unigramLines.withUnsafeBufferPointer { u in
      bigramLines.withUnsafeBufferPointer { b in
        trigramLines.withUnsafeBufferPointer { t in
          skipLines.withUnsafeBufferPointer { k in
            for index in 0..<(sequence.count + 2 * Self.padding) {
              sum &+= Int32(weights[Int(u[index])]) &+ Int32(weights[Int(b[index])])
                &+ Int32(heads[Int(t[index] >> Self.headShift)])
                &+ Int32(heads[Int(k[index] >> Self.headShift)])
            }
          }
        }
      }
    }
    return sum
  }

  /// Writes the weight-table indices of the features of syllable `i` into `buffer` (a table
  /// of `2^bits` weights, as given to `load`); returns how many.
  @inline(__always)
  func features(_ i: Int, into buffer: UnsafeMutablePointer<UInt32>) -> Int {
    var sink = IndexSink(buffer: buffer)
    features(i, into: &sink, classes: usesClasses)
    return sink.count
  }

  /// Writes the weight-table indices of the tag-pair features of syllable `i` (`i >= 2`; see
  /// `continuationScore`) into `buffer`; returns how many.
  @inline(__always)
  func continuationFeatures(_ i: Int, into buffer: UnsafeMutablePointer<UInt32>) -> Int {
    var sink = IndexSink(buffer: buffer)
    continuationFeatures(i, into: &sink)
    return sink.count
  }

  /// The score of the tag pair I, I at syllables `i - 1` and `i`: syllables `i - 2`, `i - 1`
  /// and `i` in one word, added to the I→I transition by the decoder. The decision for `i`
  /// then depends on the one for `i - 1` ("Phạm Ngọc | Khang" or "Phạm Ngọc Khang").
  @inline(__always)
  func continuationScore(_ i: Int, weights: UnsafeBufferPointer<Int16>) -> Int32 {
    var sink = WeightSink(weights: weights)
    continuationFeatures(i, into: &sink)
    return sink.sum
  }

  @inline(__always)
  private func continuationFeatures<Sink: FeatureSink>(_ i: Int, into sink: inout Sink) {
    let shift = UInt64(64 - bits + Self.lineBits)
    let p = i + Self.padding
    contexts.withUnsafeBufferPointer { c in
      trigramLines.withUnsafeBufferPointer { t in
        let first = c[p - 2]
        let middle = c[p - 1]
        let here = c[p]
        // The three syllables themselves; the dictionary words that end at `i` and start at
        // `i - 2` (any, then listed only) with the tiers of the listed words that join the two
        // gaps.
        let ends = here >> 8 & 0xFF
        let starts = first & 0xFF
        let listedEnds = here >> 24 & 0xFF
        let listedStarts = first >> 16 & 0xFF
        let joinTiers = (here >> 40 & 7) | (middle >> 40 & 7) << 3
        sink.add(Self.index(70, 0, shift))
        sink.add(Self.conjunction(line: t[p], 60, 1))
        sink.add(Self.index(Self.pair(61, ends | starts << 8), 61, shift))
        sink.add(
          Self.index(Self.pair(62, listedEnds | listedStarts << 8 | joinTiers << 16), 62, shift))
      }
    }
  }

  /// The score of B at every syllable of the sentence (`Float(sum of its weights) * scale`; 0
  /// for a token that may not join the one before), into `scores[0..<sequence.count]`.
  ///
  /// The same sums as the templates of `features(_:into:)` one by one, read from the tables of
  /// `context` for the templates that read no syllable; `weights` is the table the lines were
  /// computed for. A model without syllable classes scores in a loop with no test for them.
  ///
  /// The trigram and skip-gram weights (slots 0…3 of their lines) are read from `heads`, the
  /// first four weights of every line of `weights` (`WeightTable.heads`).
  func scores(
    into scores: UnsafeMutablePointer<Float>, weights: UnsafePointer<Int16>,
    heads: UnsafePointer<Int16>, context: ContextWeights, scale: Float
  ) {
    if usesClasses {
      score(
        into: scores, weights: weights, heads: heads, context: context, scale: scale,
        classes: true)
    } else {
      score(
        into: scores, weights: weights, heads: heads, context: context, scale: scale,
        classes: false)
    }
  }

  /// A line's index in `heads` is its index in the weight table shifted by this much (32
  /// weights a line there, `WeightTable.headWidth` in `heads`).
  static let headShift: UInt32 = 3

  @inline(__always)
  private func score(
    into scores: UnsafeMutablePointer<Float>, weights w: UnsafePointer<Int16>,
    heads h: UnsafePointer<Int16>, context: ContextWeights, scale: Float, classes: Bool
  ) {
    let count = sequence.count
    let shift = Self.shift(bits: bits)
    let sums = context.sums
    let slots = context.slots
    typealias Group = ContextWeights.Group
    typealias Conjunction = ContextWeights.Conjunction
    sequence.joins.withUnsafeBufferPointer { joins in
    contexts.withUnsafeBufferPointer { c in
    unigramLines.withUnsafeBufferPointer { u in
    bigramLines.withUnsafeBufferPointer { b in
    trigramLines.withUnsafeBufferPointer { t in
    skipLines.withUnsafeBufferPointer { k in
    syllableClasses.withUnsafeBufferPointer { syllableClasses in
      @inline(__always) func weight(_ index: UInt32) -> Int32 { Int32(w[Int(index)]) }
      /// Slot `slot` (0…3) of the line `line` (a weight-table index), read in `heads`.
      @inline(__always) func head(_ line: UInt32, _ slot: UInt32) -> Int32 {
        Int32(h[Int(line >> Self.headShift | slot)])
      }
      for i in 0..<count {
        guard joins[i] else {
          scores[i] = 0
          continue
        }
        let p = i + Self.padding
        let before2 = c[p - 2]
        let before = c[p - 1]
        let here = c[p]
        let after = c[p + 1]
        // The fields of `contexts`, as `ContextWeights.Field` describes them.
        let shapeBefore = before >> 56
        let shapeHere = here >> 56
        let masksHere = here & 0xF | here >> 4 & 0xF0
        let masksBefore = before & 0xF | before >> 4 & 0xF0
        let matchHere = here >> 32 & 3
        let echoHere = here >> 52 & 7
        let joinTier = here >> 40 & 7
        let shapePair = shapeBefore | shapeHere << 4
        // Syllables, bigrams and trigrams around the gap.
        var sum = weight(u[p]) &+ weight(u[p - 1] | 1) &+ weight(u[p + 1] | 2)
        sum &+= weight(u[p - 2] | 3) &+ weight(u[p + 2] | 4)
        sum &+= weight(b[p]) &+ weight(b[p + 1] | 1) &+ weight(b[p - 1] | 2)
        sum &+= weight(b[p + 2] | 3) &+ head(t[p], 0) &+ head(t[p + 1], 1)
        sum &+= head(t[p + 2], 2) &+ head(k[p], 3)
        // The templates that read no syllable, a group per table entry.
        @inline(__always) func group(_ group: Group, _ key: UInt64) -> Int32 {
          sums[group.offset + Int(truncatingIfNeeded: key)]
        }
        sum &+= group(.shapes, before2 >> 56 | shapePair << 4 | (after >> 56) << 12)
        sum &+= group(.shapePair, shapePair | matchHere << 8 | echoHere << 10)
        sum &+= group(.dictionaryShapes, shapePair | masksHere << 8)
        sum &+= group(.dictionary, masksHere | masksBefore << 8)
        sum &+= group(
          .listed, here >> 16 & 0xF | here >> 20 & 0xF0 | before >> 8 & 0xF00 | before >> 12 & 0xF000)
        sum &+= group(
          .matches,
          before >> 32 & 3 | matchHere << 2 | (after >> 32 & 3) << 4 | echoHere << 6 | joinTier << 9)
        let corpus = here >> 49 & 7 | (before >> 51 & 1) << 3
        sum &+= group(.tiers, here >> 40 & 0x3F | (before >> 46 & 7) << 6 | corpus << 9)
        sum &+= group(.joinTiers, joinTier | (before >> 40 & 7) << 3 | (after >> 40 & 7) << 6)
        // The syllable and the one before it, with their context.
        @inline(__always) func slot(_ conjunction: Conjunction, _ key: UInt64) -> UInt32 {
          slots[conjunction.offset + Int(truncatingIfNeeded: key)]
        }
        let lineHere = u[p]
        let lineBefore = u[p - 1]
        let listedEnd = here >> 24 & 0xF
        sum &+= weight(lineHere | slot(.shapeHere, shapePair))
        sum &+= weight(lineBefore | slot(.shapeBefore, shapePair))
        sum &+= weight(lineHere | slot(.masksHere, masksHere))
        sum &+= weight(lineBefore | slot(.masksBefore, masksBefore))
        sum &+= weight(lineHere | slot(.listedEndHere, listedEnd))
        sum &+= weight(lineBefore | slot(.listedEndBefore, listedEnd))
        sum &+= weight(lineHere | slot(.matchHere, matchHere & 1))
        sum &+= weight(lineBefore | slot(.matchBefore, matchHere & 1))
        sum &+= weight(lineHere | slot(.joinTierHere, joinTier))
        sum &+= weight(lineBefore | slot(.joinTierBefore, joinTier))
        sum &+= weight(b[p] | slot(.corpusBigram, corpus << 3 | joinTier))
        if classes {
          let classPair = UInt64(syllableClasses[p - 1]) | UInt64(syllableClasses[p]) << 5
          let pairShapes = shapeBefore << 8 | shapeHere
          sum &+= weight(Self.index(Self.pair(44, classPair | joinTier << 10), 44, shift))
          sum &+= weight(Self.index(Self.pair(47, classPair | pairShapes << 10), 47, shift))
        }
        scores[i] = Float(sum) * scale
      }
    }
    }
    }
    }
    }
    }
    }
  }

  @inline(__always)
  private func features<Sink: FeatureSink>(_ i: Int, into sink: inout Sink, classes: Bool) {
    let shift = Self.shift(bits: bits)
    let p = i + Self.padding
    @inline(__always) func add(_ index: UInt32) { sink.add(index) }
    contexts.withUnsafeBufferPointer { c in
    unigramLines.withUnsafeBufferPointer { u in
    bigramLines.withUnsafeBufferPointer { b in
    trigramLines.withUnsafeBufferPointer { t in
    skipLines.withUnsafeBufferPointer { k in
      let before2 = c[p - 2]
      let before = c[p - 1]
      let here = c[p]
      let after = c[p + 1]
      let shapePair = (before >> 56) << 8 | here >> 56
      let listedHere = Self.listed(here)
      let matchHere = Self.match(here)
      // Syllables in a window of five: slot = position in the window.
      add(u[p] | 0)
      add(u[p - 1] | 1)
      add(u[p + 1] | 2)
      add(u[p - 2] | 3)
      add(u[p + 2] | 4)
      // Bigrams and trigrams around the syllable.
      add(b[p] | 0)
      add(b[p + 1] | 1)
      add(b[p - 1] | 2)
      add(b[p + 2] | 3)
      add(t[p] | 0)
      add(t[p + 1] | 1)
      add(t[p + 2] | 2)
      add(k[p] | 3)
      // Shapes and dictionary matches: few distinct values, each a line of its own.
      @inline(__always) func context(_ template: UInt64) {
        add(Self.contextIndex(
          template, Self.contextValue(template, before2, before, here, after), shift))
      }
      context(14)
      context(15)
      context(16)
      context(19)
      context(20)
      context(21)
      context(22)
      context(23)
      context(24)
      context(25)
      context(28)
      context(29)
      context(30)
      context(31)
      // How common the listed words around the gap are: the smaller word lists hold the more
      // lexicalized words.
      context(36)
      context(37)
      let tierHere = Self.tier(here)
      let joinTier = tierHere & 7
      // The syllable and the one before it, with their context. Function words ("với",
      // "như", "ra") stay apart even where the word list joins them.
      add(Self.conjunction(line: u[p], 17, shapePair))
      add(Self.conjunction(line: u[p - 1], 18, shapePair))
      add(Self.conjunction(line: u[p], 26, Self.end(here) << 8 | Self.start(here)))
      add(Self.conjunction(line: u[p - 1], 27, Self.start(before) << 8 | Self.end(before)))
      add(Self.conjunction(line: u[p], 32, listedHere >> 8))
      add(Self.conjunction(line: u[p - 1], 33, listedHere >> 8))
      add(Self.conjunction(line: u[p], 34, matchHere & 1))
      add(Self.conjunction(line: u[p - 1], 35, matchHere & 1))
      add(Self.conjunction(line: u[p], 38, joinTier))
      add(Self.conjunction(line: u[p - 1], 39, joinTier))
      // Whether the annotated corpus has the words the lists suggest.
      let corpus = tierHere >> 9 & 7 | (Self.tier(before) >> 11 & 1) << 3
      context(40)
      add(Self.conjunction(line: b[p], 41, corpus << 3 | joinTier))
      // Whether the syllable echoes the one before (reduplicative words, mostly unlisted).
      context(42)
      context(43)
      // The closed classes of the two syllables (classifier, directional co-verb,
      // demonstrative…), with the tier of the listed word that would join them (VTB keeps
      // these grammatical words apart where word lists join them: "bữa ăn", "trở về") and
      // with their shapes (a lowercase surname then "văn" starts a name).
      if classes {
        syllableClasses.withUnsafeBufferPointer { classes in
          let classPair = UInt64(classes[p - 1]) | UInt64(classes[p]) << 5
          add(Self.index(Self.pair(44, classPair | joinTier << 10), 44, shift))
          add(Self.index(Self.pair(47, classPair | shapePair << 10), 47, shift))
        }
      }
    }
    }
    }
    }
    }
  }
}

/// Receives the weight-table indices of a syllable's features.
protocol FeatureSink {
  mutating func add(_ index: UInt32)
}

/// Keeps the indices (for training).
struct IndexSink: FeatureSink {
  let buffer: UnsafeMutablePointer<UInt32>
  var count = 0

  @inline(__always)
  mutating func add(_ index: UInt32) {
    buffer[count] = index
    count += 1
  }
}

/// Sums the weights (for segmenting): no index is stored.
struct WeightSink: FeatureSink {
  let weights: UnsafeBufferPointer<Int16>
  var sum: Int32 = 0

  @inline(__always)
  mutating func add(_ index: UInt32) { sum &+= Int32(weights[Int(index)]) }
}
