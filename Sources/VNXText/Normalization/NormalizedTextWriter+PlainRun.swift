/// The fast path of normalization: runs of input that need no repair are taken whole.
///
/// A run holds printable ASCII (but `&`), single spaces, line breaks and paragraph breaks
/// between visible characters, non-ASCII scalars that are NFC-stable and need no repair, and
/// letters followed by combining marks. Stable bytes are not copied one by one: they stay a
/// pending span of the input, copied with one `append` when something else must be written
/// (or never, while the output still mirrors the input). A combining sequence is replaced by
/// its NFC form from `NFCSegmentCache` (ICU once per distinct sequence); a word of two or
/// more vowels is checked with `ToneMarkPlacement`'s table-driven rule and rewritten in place
/// when its tone mark must move. Anything else ends the run and goes the scalar-by-scalar way.
extension NormalizedTextWriter {
  /// Flags of BMP scalars. Bit 0: non-ASCII, NFC-stable and needing no repair; bit 1: a
  /// Vietnamese vowel; bit 2: a letter (as `emit` counts them); bit 3: a combining scalar
  /// (no NFC boundary before it) that needs no repair; bit 4: a vowel with a tone mark;
  /// bit 5: a vowel with its own diacritic (ă â ê ô ơ ư).
  /// Allocated once and never freed, so
  /// the hot loop reads it without bounds checks or reference counting.
  nonisolated(unsafe) static let scalarFlags: UnsafeBufferPointer<UInt8> = {
    let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0x10000)
    var repairs = Repairs()
    for value in 0..<0x10000 {
      let scalar = UInt32(value)
      let keep = CharacterRepair.of(scalar, repairs: &repairs) == .keep
      let plain = value >= 0x80 && NFCProperties.isStable(scalar) && keep
      let combining = value >= 0x80 && !NFCProperties.hasBoundaryBefore(scalar) && keep
      let lower = value | 0x20
      let letter =
        value < 0x80
        ? lower >= 0x61 && lower <= 0x7A
        : value >= 0xC0 && value < 0x2000 && value != 0xD7 && value != 0xF7
      let vowel = Unicode.Scalar(scalar).flatMap(VietnameseLetter.vowel)
      let toned = vowel.map { $0.tone != .level } ?? false
      let ownMark = vowel.map { "ăâêôơư".unicodeScalars.contains($0.base) } ?? false
      table[value] =
        (plain ? 1 : 0) | (VietnameseLetter.isVowel(scalar) ? 2 : 0) | (letter ? 4 : 0)
        | (combining ? 8 : 0) | (toned ? 0x10 : 0) | (ownMark ? 0x20 : 0)
    }
    return UnsafeBufferPointer(table)
  }()

  /// True when a run may start: no NFC segment is waiting for composition.
  var acceptsPlainRun: Bool { repairsCharacters && !segmentNeedsComposition }

  /// Whether the scalar at `index` is one a run takes as it is (a separator waiting for a
  /// visible scalar may then be written first).
  private static func isVisiblePlain(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 { return byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "&") }
    guard byte >= 0xC2, byte < 0xF0 else { return false }
    let length = byte < 0xE0 ? 2 : 3
    guard index + length <= bytes.count else { return false }
    var value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
    value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
    if length == 3 { value = value << 6 | UInt32(bytes[index + 2] & 0x3F) }
    return scalarFlags[Int(value)] & 1 != 0
  }

  /// Takes the longest run of `bytes` from `start` (scalar `origin`) that needs no repair;
  /// returns the byte index and scalar origin where the slow path must go on.
  ///
  /// The loop does as little as it can per byte: a letter adds to the vowel count and flags
  /// of its word, and a multi-byte scalar adds its continuation bytes to a count that gives
  /// scalar offsets where they are needed (at a composition, at the end of the run).
  mutating func appendPlainRun(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, origin: Int
  ) -> (index: Int, origin: Int) {
    let count = bytes.count
    guard start < count else { return (start, origin) }
    if pendingSpace || pendingLineBreaks > 0 {
      guard Self.isVisiblePlain(bytes, at: start) else { return (start, origin) }
      writePendingSeparator()
    }
    // The table in a local: a static read in the loop costs a `swift_once` check each time.
    let flags = Self.scalarFlags
    // While the output mirrors the input, nothing is written.
    let mirroring = output.isEmpty && mirrored == start
    var run = PlainRun(start: start, origin: origin, scalar: scalarCount)
    if mirroring {
      mirrored = 0
    } else {
      materialize()
      run.copyFrom = start
    }
    run.outBase = output.count - run.copyFrom
    // The word in progress (when a letter came after its start).
    var word = PlainWord(start: inWord ? wordByte : run.outBase + start)
    if inWord {
      word.vowels = 2 * wordVowels
      // Whether a vowel has a tone mark is not known: assume two.
      word.flags = wordIsASCII ? 0x10 : 0x11
      word.toned = 2
    }
    var index = start
    // Continuation bytes in input[start..<index]: the scalars taken are the other bytes.
    var continuations = 0
    // Word boundaries to pass before the next try of `PlainTokenCache` (in a local: the loop
    // counts them down).
    var tokenPause = skipsPlainTokens ? self.tokenPause : Int.max
    // `VietnameseComposition`'s tables, loaded at the first combining mark (filling them costs
    // ICU calls).
    var markRows = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var compositions = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
    if !inWord, tokenPause == 0 {
      skipPlainTokens(bytes, at: &index, &word, run, continuations: &continuations, pause: &tokenPause)
    }

    scan: while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        let flag = flags[Int(byte)]
        if flag & 4 != 0 {
          word.vowels &+= Int(flag & 2)
          index &+= 1
          continue
        }
        var length = 1
        if byte == 0x20 || byte == 0x0A {
          // One space, line break or paragraph break between visible characters.
          guard index > start || !atLineStart else { break scan }
          if byte == 0x0A, index + 1 < count, bytes[index + 1] == 0x0A { length = 2 }
          guard index + length < count else { break scan }
          let next = bytes[index + length]
          guard next > 0x20, next != 0x7F else { break scan }
          endWord(&word, &run, at: &index, separator: length)
          // A word boundary: whole tokens may follow.
          if tokenPause == 0 {
            skipPlainTokens(bytes, at: &index, &word, run, continuations: &continuations, pause: &tokenPause)
          } else {
            tokenPause &-= 1
          }
          continue
        } else if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") {
          break scan
        }
        endWord(&word, &run, at: &index, separator: length)
        continue
      }
      // A Vietnamese letter in NFD: an ASCII vowel, one or two of its marks (CC xx), then
      // ASCII or the end. (Other sequences go the general way below.)
      if byte == 0xCC, index > start, bytes[index &- 1] < 0x80, index + 2 <= count {
        if compositions.isEmpty {
          markRows = VietnameseComposition.markRows
          compositions = VietnameseComposition.table
        }
        if composeVietnamese(
          bytes, at: &index, &run, &word, start: start, continuations: &continuations,
          flags: flags, rows: markRows, table: compositions)
        {
          continue
        }
      }
      guard byte >= 0xC2, byte < 0xF0 else { break scan }
      let length = byte < 0xE0 ? 2 : 3
      guard index + length <= count else { break scan }
      var value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
      value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
      if length == 3 { value = value << 6 | UInt32(bytes[index + 2] & 0x3F) }
      let flag = flags[Int(value)]
      if flag & 5 == 5 {
        word.add(flag)
        continuations &+= length &- 1
        index &+= length
        continue
      }
      if flag & 1 != 0 {
        continuations &+= length &- 1
        endWord(&word, &run, at: &index, separator: length)
        continue
      }
      // Combining marks after a letter of this run: the letter and all of them become their
      // NFC form. (Marks `emit` does not count as letters end a word: the slow path takes
      // them.)
      guard flag & 12 == 12, run.outBase + index > word.start else { break scan }
      var starter = index - 1
      while bytes[starter] & 0xC0 == 0x80 { starter -= 1 }
      guard starter >= run.copyFrom, starter >= start else { break scan }
      var end = index + length
      var marks = 1
      while end < count {
        let lead = bytes[end]
        guard lead >= 0xC2, lead < 0xF0 else { break }
        let markLength = lead < 0xE0 ? 2 : 3
        guard end + markLength <= count else { break }
        var mark = UInt32(lead) & (markLength == 2 ? 0x1F : 0x0F)
        mark = mark << 6 | UInt32(bytes[end + 1] & 0x3F)
        if markLength == 3 { mark = mark << 6 | UInt32(bytes[end + 2] & 0x3F) }
        guard flags[Int(mark)] & 12 == 12 else { break }
        end += markLength
        marks += 1
      }
      if segmentCache == nil {
        segmentCache = NFCSegmentCache()
        // Decomposed text: about one anchor per composed letter is to come (reserved, not
        // touched: pages that stay unused cost nothing, a reallocation copies them all).
        offsets.reserve(input.count / 6)
      }
      // The starter, right before `index`, is one scalar.
      let scalarsBefore = index - start - continuations - 1
      // A Vietnamese letter in NFD: an ASCII vowel and one or two marks of U+0300-U+033F.
      var entry: UInt64 = 0
      if starter == index - 1, byte == 0xCC, marks <= 2 {
        if compositions.isEmpty {
          markRows = VietnameseComposition.markRows
          compositions = VietnameseComposition.table
        }
        if marks == 1 {
          entry = VietnameseComposition.entry(
            letter: bytes[starter], first: bytes[index + 1], second: nil, rows: markRows,
            table: compositions)
        } else if end == index + 4, bytes[index + 2] == 0xCC {
          entry = VietnameseComposition.entry(
            letter: bytes[starter], first: bytes[index + 1], second: bytes[index + 3],
            rows: markRows, table: compositions)
        }
      }
      let letter =
        entry != 0
        ? composeVietnamese(&run, entry, from: starter, to: end, marks: marks, scalarsBefore: scalarsBefore)
        : compose(&run, from: starter, to: end, marks: marks, scalarsBefore: scalarsBefore)
      continuations &+= end - index - marks
      if letter & 5 == 5 {
        // One letter, as NFC text would have had it: it takes its starter's place.
        word.remove(Self.flags(ofScalarAt: starter, in: bytes))
        word.add(letter)
      } else {
        // Not one letter: the word is checked.
        word.flags |= 0x11
        word.toned = 2
      }
      index = end
    }
    if index == count, word.needsCheck, run.outBase + index > word.start {
      finishWord(&run, from: word.start, at: index)
    }
    // A separator right before what the slow path takes is left to it (it may be a space
    // before a line break, which must go).
    if index < count, index > start, run.outBase + index == word.start {
      if bytes[index - 1] == 0x20 {
        index -= 1
      } else if bytes[index - 1] == 0x0A {
        index -= index - 2 >= start && bytes[index - 2] == 0x0A ? 2 : 1
      }
    }
    if index > start { takeAnchors(&run, upTo: index) }
    if mirroring && output.isEmpty {
      mirrored = index
    } else if run.copyFrom < index {
      flush(&run, to: index)
    }
    run.inScalars = index - start - continuations
    scalarCount = run.scalar + run.inScalars + run.delta
    inWord = run.outBase + index > word.start
    if inWord {
      wordByte = word.start
      wordIsASCII = word.flags & 1 == 0
      wordVowels = word.vowels / 2
    }
    if index > start {
      atLineStart = false
      if run.lastComposed >= 0, run.lastComposedEnd == index {
        segmentByte = run.lastComposed
        segmentScalar = run.lastComposedScalar
        segmentOrigin = run.lastComposedOrigin
        segmentCounted = run.lastComposedChanged
      } else {
        // The last scalar taken (never a separator: those were left to the slow path).
        var last = output.isEmpty ? index - 1 : output.count - 1
        if output.isEmpty {
          while bytes[last] & 0xC0 == 0x80 { last -= 1 }
        } else {
          while output[last] & 0xC0 == 0x80 { last -= 1 }
        }
        segmentByte = last
        segmentScalar = scalarCount - 1
        segmentOrigin = origin + run.inScalars - 1
        segmentCounted = false
      }
    }
    if skipsPlainTokens { self.tokenPause = tokenPause }
    return (index, origin + run.inScalars)
  }

  /// Skips the plain tokens from `index`, a word boundary, and starts the next word after them.
  @inline(__always)
  private mutating func skipPlainTokens(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, _ word: inout PlainWord, _ run: PlainRun,
    continuations: inout Int, pause: inout Int
  ) {
    let end = skipPlainTokens(bytes, from: index, continuations: &continuations, pause: &pause)
    guard end > index else { return }
    index = end
    word = PlainWord(start: run.outBase + index)
  }

  /// Skips the plain tokens from `index`, a word boundary (`PlainTokenCache`), in texts long
  /// enough to repeat their tokens; sets the word boundaries to `pause` before the next try.
  /// Where tokens are seldom plain (decomposed text), tries are spaced out, up to one per 64
  /// word boundaries.
  @inline(never)
  private mutating func skipPlainTokens(
    _ bytes: UnsafeBufferPointer<UInt8>, from index: Int, continuations: inout Int, pause: inout Int
  ) -> Int {
    if tokenCache == nil {
      guard index + 18 <= bytes.count else { return index }
      tokenCache = PlainTokenCache(toneStyle: toneStyle)
    }
    let end = tokenCache!.skip(bytes, from: index, continuations: &continuations)
    if end - index >= 64 {
      tokenBackoff = 0
    } else {
      tokenBackoff = min(2 * tokenBackoff + 1, 63)
    }
    pause = tokenBackoff
    return end
  }

  /// Ends `word` at the separator or symbol at input byte `index` (of `length` bytes), moving
  /// its tone mark if it must move, and starts the next word after it.
  @inline(__always)
  private mutating func endWord(
    _ word: inout PlainWord, _ run: inout PlainRun, at index: inout Int, separator length: Int
  ) {
    if word.needsCheck, run.outBase + index > word.start {
      finishWord(&run, from: word.start, at: index)
    }
    index += length
    word = PlainWord(start: run.outBase + index)
  }

  /// Copies the pending input up to `end` into the output.
  private mutating func flush(_ run: inout PlainRun, to end: Int) {
    if output.capacity == 0 { output.reserveCapacity(capacity) }
    if end - run.copyFrom <= 16, run.copyFrom + 16 <= input.count {
      // Text between composed letters: 16 bytes copied with two loads, no loop.
      output.append(unsafelyReading16: input.baseAddress.unsafelyUnwrapped + run.copyFrom, count: end - run.copyFrom)
    } else {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run.copyFrom..<end]))
    }
    run.copyFrom = end
    run.outBase = output.count - end
  }

  /// Records the offset anchors due once scalars up to input byte `index` are taken: at the
  /// run start, and after the last composed sequence when something came after it. (The
  /// slow path records an anchor when it writes a scalar; so does this.)
  private mutating func takeAnchors(_ run: inout PlainRun, upTo index: Int) {
    if !run.startAnchored {
      run.startAnchored = true
      recordAnchor(normalized: run.scalar, original: run.origin)
    }
    if run.anchorEnd >= 0, index > run.anchorEnd {
      recordAnchor(normalized: run.anchorNormalized, original: run.anchorOriginal)
      run.anchorEnd = -1
    }
  }

  /// Replaces the letter at `starter` (taken already) and the combining marks after it, up
  /// to `end`, by their NFC form; returns its flags when that form is one scalar below
  /// U+10000, else 0.
  private mutating func compose(
    _ run: inout PlainRun, from starter: Int, to end: Int, marks: Int, scalarsBefore: Int
  ) -> UInt8 {
    takeAnchors(&run, upTo: starter + 1)
    run.inScalars = scalarsBefore
    flush(&run, to: starter)
    let composedByte = output.count
    let (scalars, changed) = segmentCache!.appendNFC(
      of: UnsafeBufferPointer(rebasing: input[starter..<end]), to: &output,
      readable16: starter + 16 <= input.count)
    if changed { repairs.composed += 1 }
    run.lastComposedChanged = changed
    run.copyFrom = end
    run.outBase = output.count - end
    run.lastComposed = composedByte
    run.lastComposedEnd = end
    run.lastComposedScalar = run.scalar + run.inScalars + run.delta
    run.lastComposedOrigin = run.origin + run.inScalars
    run.inScalars += 1 + marks
    run.delta += scalars - 1 - marks
    run.anchorEnd = end
    run.anchorNormalized = run.scalar + run.inScalars + run.delta
    run.anchorOriginal = run.origin + run.inScalars
    guard scalars == 1 else { return 0 }
    return output.withUnsafeBufferPointer { Self.flags(ofScalarAt: composedByte, in: $0) }
  }

  /// Composes the Vietnamese letter in NFD whose first mark (CC xx) is at `index`, after an
  /// ASCII letter, when its marks are one or two of `VietnameseComposition`'s and ASCII or the
  /// end follows them: what the general way would do, without decoding each scalar and
  /// looking up its flags. Returns false (nothing done) for any other sequence.
  @inline(__always)
  private mutating func composeVietnamese(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, _ run: inout PlainRun,
    _ word: inout PlainWord, start: Int, continuations: inout Int,
    flags: UnsafeBufferPointer<UInt8>, rows: UnsafeBufferPointer<UInt8>,
    table: UnsafeBufferPointer<UInt64>
  ) -> Bool {
    let starter = index &- 1
    guard run.outBase &+ index > word.start, starter >= run.copyFrom else { return false }
    let count = bytes.count
    var end = index &+ 2
    var second: UInt8? = nil
    if end < count, bytes[end] == 0xCC {
      second = bytes[end &+ 1]
      end &+= 2
    }
    guard end == count || bytes[end] < 0x80 else { return false }
    let entry = VietnameseComposition.entry(
      letter: bytes[starter], first: bytes[index &+ 1], second: second, rows: rows, table: table)
    guard entry != 0 else { return false }
    if segmentCache == nil {
      segmentCache = NFCSegmentCache()
      offsets.reserve(input.count / 6)
    }
    let marks = second == nil ? 1 : 2
    let letter = composeVietnamese(
      &run, entry, from: starter, to: end, marks: marks,
      scalarsBefore: index &- start &- continuations &- 1)
    continuations &+= end &- index &- marks
    if letter & 5 == 5 {
      word.remove(flags[Int(bytes[starter])])
      word.add(letter)
    } else {
      word.flags |= 0x11
      word.toned = 2
    }
    index = end
    return true
  }

  /// `compose(_:from:to:marks:scalarsBefore:)` for a Vietnamese letter in NFD, whose NFC form
  /// `entry` of `VietnameseComposition` gives (one scalar, changed): no hash probe, and the
  /// pending text before it copied in place when short. Returns the letter's flags.
  @inline(__always)
  private mutating func composeVietnamese(
    _ run: inout PlainRun, _ entry: UInt64, from starter: Int, to end: Int, marks: Int,
    scalarsBefore: Int
  ) -> UInt8 {
    // `takeAnchors(&run, upTo: starter + 1)`: a composed sequence before this one ended at
    // `starter` or before.
    if !run.startAnchored {
      run.startAnchored = true
      recordAnchor(normalized: run.scalar, original: run.origin)
    }
    if run.anchorEnd >= 0 {
      recordAnchor(normalized: run.anchorNormalized, original: run.anchorOriginal)
      run.anchorEnd = -1
    }
    run.inScalars = scalarsBefore
    if starter - run.copyFrom <= 16, output.capacity != 0, run.copyFrom + 16 <= input.count {
      output.append(
        unsafelyReading16: input.baseAddress.unsafelyUnwrapped + run.copyFrom,
        count: starter - run.copyFrom)
    } else {
      flush(&run, to: starter)
    }
    let composedByte = output.count
    output.append(packed: UInt32(truncatingIfNeeded: entry), count: Int(truncatingIfNeeded: entry >> 32 & 0xFF))
    // Offsets within the text: no overflow checks.
    repairs.composed &+= 1
    run.lastComposedChanged = true
    run.copyFrom = end
    run.outBase = output.count &- end
    run.lastComposed = composedByte
    run.lastComposedEnd = end
    run.lastComposedScalar = run.scalar &+ run.inScalars &+ run.delta
    run.lastComposedOrigin = run.origin &+ run.inScalars
    run.inScalars &+= 1 &+ marks
    run.delta &-= marks
    run.anchorEnd = end
    run.anchorNormalized = run.scalar &+ run.inScalars &+ run.delta
    run.anchorOriginal = run.origin &+ run.inScalars
    return UInt8(truncatingIfNeeded: entry >> 40)
  }

  /// The flags of the scalar (below U+10000) that starts at `index`: those of ASCII letters
  /// have bit 0 clear; 0 for a 4-byte scalar.
  @inline(__always)
  private static func flags(ofScalarAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    let byte = bytes[index]
    if byte < 0x80 { return scalarFlags[Int(byte)] }
    guard byte < 0xF0 else { return 0 }
    var value = UInt32(byte) & (byte < 0xE0 ? 0x1F : 0x0F)
    value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
    if byte >= 0xE0 { value = value << 6 | UInt32(bytes[index + 2] & 0x3F) }
    return scalarFlags[Int(value)]
  }

  /// Ends the word that starts at output byte `word` and ends at input byte `end`, moving its
  /// tone mark if it must move.
  private mutating func finishWord(_ run: inout PlainRun, from word: Int, at end: Int) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { scalars in
      var length = 0
      if word >= output.count {
        let from = word - run.outBase
        length = Self.decodeWord(UnsafeBufferPointer(rebasing: input[from..<end]), into: scalars)
      } else {
        flush(&run, to: end)
        length = output.withUnsafeBufferPointer {
          Self.decodeWord(UnsafeBufferPointer(rebasing: $0[word...]), into: scalars)
        }
      }
      let letters = UnsafeMutableBufferPointer(rebasing: scalars[..<length])
      guard length > 0, ToneMarkPlacement.apply(toneStyle, to: letters, tables: toneTables) else { return }
      if run.copyFrom < end { flush(&run, to: end) }
      output.removeSubrange(word...)
      for value in letters { output.append(scalar: value) }
      run.outBase = output.count - end
      repairs.toneMarksMoved += 1
      // Letters may have changed length: an NFC segment left in the word (the slow path's,
      // or a composed letter at its end) is its last scalar.
      var last = output.count - 1
      while output[last] & 0xC0 == 0x80 { last -= 1 }
      if segmentByte > word { segmentByte = last }
      if run.lastComposed >= 0 { run.lastComposed = last }
    }
  }

  /// Decodes the scalars of a word (at most 7, else 0 is returned) into `scalars`.
  @inline(__always)
  private static func decodeWord(
    _ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<UInt32>
  ) -> Int {
    var position = 0
    var length = 0
    while position < bytes.count {
      guard length < 7 else { return 0 }
      let byte = bytes[position]
      let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      var value = UInt32(byte) & (size == 1 ? 0x7F : size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
      var offset = 1
      while offset < size {
        value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
        offset += 1
      }
      scalars[length] = value
      length += 1
      position += size
    }
    return length
  }
}

/// The word a plain run is in: its first output byte and what its letters' flags say about
/// its tone mark.
struct PlainWord {
  let start: Int
  /// Vowels, 2 each (a flag's bit 1 added as it is).
  var vowels = 0
  /// The flags of its non-ASCII letters, or-ed.
  var flags: UInt8 = 0
  /// Toned vowels, and the flags of its last vowel with its own diacritic: when the only tone
  /// mark is on that vowel, the mark is where `ToneMarkPlacement` puts it (người, Việt,
  /// được), and the word needs no check.
  var toned = 0
  var lastOwnMark: UInt8 = 0

  init(start: Int) { self.start = start }

  /// Whether `ToneMarkPlacement` may move a mark of the word: a tone mark, two vowels or
  /// more, and not just one mark on the vowel with its own diacritic.
  @inline(__always)
  var needsCheck: Bool {
    flags & 0x11 == 0x11 && vowels >= 4 && (toned != 1 || lastOwnMark & 0x10 == 0)
  }

  /// Takes a non-ASCII letter (flags with bits 0 and 2).
  @inline(__always)
  mutating func add(_ flag: UInt8) {
    vowels &+= Int(flag & 2)
    flags |= flag
    toned &+= Int(flag >> 4 & 1)
    if flag & 0x20 != 0 { lastOwnMark = flag }
  }

  /// Forgets the counts of a letter taken before (the starter of a composed letter, whose
  /// own flags come next: its bits stay in `flags`, which the composed letter has too).
  @inline(__always)
  mutating func remove(_ flag: UInt8) {
    vowels &-= Int(flag & 2)
    toned &-= Int(flag >> 4 & 1)
  }
}

/// Where a plain run stands, between `appendPlainRun` and the helpers it calls.
struct PlainRun {
  /// Input byte, scalar origin and normalized scalar offset of the run's first scalar.
  let start: Int
  let origin: Int
  let scalar: Int
  /// Input scalars taken (up to the last composed sequence, or the end of the run), and output
  /// minus input scalars (they differ after a composition).
  var inScalars = 0
  var delta = 0
  /// Input bytes from `copyFrom` on are output not written yet: input byte i is output
  /// byte `outBase + i`.
  var copyFrom = 0
  var outBase = 0
  /// The last composed sequence: its output byte, input end, scalar and origin.
  var lastComposed = -1
  var lastComposedEnd = -1
  var lastComposedScalar = 0
  var lastComposedOrigin = 0
  var lastComposedChanged = false
  /// Offset anchors due once a scalar is taken: at the start, and at `anchorEnd` (input
  /// byte after a composed sequence, -1 when none is due).
  var startAnchored = false
  var anchorEnd = -1
  var anchorNormalized = 0
  var anchorOriginal = 0

  init(start: Int, origin: Int, scalar: Int) {
    self.start = start
    self.origin = origin
    self.scalar = scalar
  }
}
