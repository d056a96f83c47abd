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
  /// (no NFC boundary before it) that needs no repair. Allocated once and never freed, so
  /// the hot loop reads it without bounds checks or reference counting.
  nonisolated(unsafe) private static let scalarFlags: UnsafeBufferPointer<UInt8> = {
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
      table[value] =
        (plain ? 1 : 0) | (VietnameseLetter.isVowel(scalar) ? 2 : 0) | (letter ? 4 : 0)
        | (combining ? 8 : 0)
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
    // Input bytes from `copyFrom` on are output not written yet: byte i of the input is byte
    // `outBase + i` of the output. While the output mirrors the input, nothing is written.
    let mirroring = output.isEmpty && mirrored == start
    var copyFrom = 0
    if mirroring {
      mirrored = 0
    } else {
      materialize()
      copyFrom = start
    }
    var outBase = output.count - copyFrom
    let runScalar = scalarCount
    var index = start
    var outScalars = 0
    var inScalars = 0
    // The word in progress: its first byte in the output, vowels, and whether it is ASCII.
    var word = inWord ? wordByte : -1
    var vowels = wordVowels
    var wordASCII = wordIsASCII
    // The input byte of the previous scalar when it is a letter that combining marks may join.
    var starter = -1
    // The last composed sequence: its output byte, scalar, origin and input end.
    var lastComposed = -1
    var lastComposedEnd = -1
    var lastComposedScalar = 0
    var lastComposedOrigin = 0
    // An offset anchor is due at the next scalar taken (the run start, or after a composed
    // sequence): recorded only once a scalar is taken, as the slow path records on writing.
    var anchorPending = true
    var lastAnchor = -1

    func flush(to end: Int) {
      if output.capacity == 0 { output.reserveCapacity(capacity) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<end]))
      copyFrom = end
      outBase = output.count - end
    }

    /// Ends the word in progress at input byte `end`, moving its tone mark if it must move.
    func finishWord(at end: Int) {
      defer { word = -1 }
      guard !wordASCII, vowels >= 2 else { return }
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { scalars in
        var length = 0
        if word >= output.count {
          length = Self.decodeWord(UnsafeBufferPointer(rebasing: bytes[(word - outBase)..<end]), into: scalars)
        } else {
          flush(to: end)
          length = output.withUnsafeBufferPointer {
            Self.decodeWord(UnsafeBufferPointer(rebasing: $0[word...]), into: scalars)
          }
        }
        let letters = UnsafeMutableBufferPointer(rebasing: scalars[..<length])
        guard length > 0, ToneMarkPlacement.apply(toneStyle, to: letters) else { return }
        if copyFrom < end { flush(to: end) }
        output.removeSubrange(word...)
        for value in letters { Self.appendUTF8(value, to: &output) }
        outBase = output.count - end
        repairs.toneMarksMoved += 1
        lastComposed = -1
        // Letters may have changed length: an NFC segment left in the word is its last scalar.
        if segmentByte > word {
          var last = output.count - 1
          while output[last] & 0xC0 == 0x80 { last -= 1 }
          segmentByte = last
        }
      }
    }

    func takeAnchor() {
      anchorPending = false
      if origin + inScalars - (runScalar + outScalars) != distance {
        lastAnchor = runScalar + outScalars
        recordAnchor(normalized: lastAnchor, original: origin + inScalars)
      }
    }

    scan: while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        let flag = flags[Int(byte)]
        if flag & 4 != 0 {
          if word < 0 {
            word = outBase + index
            vowels = 0
            wordASCII = true
          }
          if flag & 2 != 0 { vowels += 1 }
          starter = index
          if anchorPending { takeAnchor() }
          index += 1
          outScalars += 1
          inScalars += 1
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
        } else if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") {
          break scan
        }
        if word >= 0 { finishWord(at: index) }
        starter = -1
        if anchorPending { takeAnchor() }
        index += length
        outScalars += length
        inScalars += length
        continue
      }
      guard byte >= 0xC2, byte < 0xF0 else { break scan }
      let length = byte < 0xE0 ? 2 : 3
      guard index + length <= count else { break scan }
      var value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
      value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
      if length == 3 { value = value << 6 | UInt32(bytes[index + 2] & 0x3F) }
      let flag = flags[Int(value)]
      if flag & 1 != 0 {
        if flag & 4 != 0 {
          if word < 0 {
            word = outBase + index
            vowels = 0
          }
          wordASCII = false
          if flag & 2 != 0 { vowels += 1 }
          starter = index
        } else {
          if word >= 0 { finishWord(at: index) }
          starter = -1
        }
        if anchorPending { takeAnchor() }
        index += length
        outScalars += 1
        inScalars += 1
        continue
      }
      // Combining marks after a letter: the letter and all of them become their NFC form.
      // (Marks that `emit` does not count as letters end a word: the slow path takes them.)
      guard flag & 12 == 12, starter >= 0 else { break scan }
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
      flush(to: starter)
      let composedByte = output.count
      let cache = segmentCache ?? NFCSegmentCache()
      segmentCache = cache
      let (scalars, changed) = cache.appendNFC(
        of: UnsafeBufferPointer(rebasing: bytes[starter..<end]), to: &output)
      if changed { repairs.composed += 1 }
      copyFrom = end
      outBase = output.count - end
      // The letter was counted already.
      lastComposedScalar = runScalar + outScalars - 1
      lastComposedOrigin = origin + inScalars - 1
      outScalars += scalars - 1
      inScalars += marks
      anchorPending = true
      lastComposed = composedByte
      lastComposedEnd = end
      wordASCII = false
      starter = -1
      index = end
    }
    if word >= 0, index == count { finishWord(at: index) }
    // A separator right before what the slow path takes is left to it (it may be a space
    // before a line break, which must go).
    if index < count, index > start, word < 0 {
      var back = 0
      if bytes[index - 1] == 0x20 {
        back = 1
      } else if bytes[index - 1] == 0x0A {
        back = index - 2 >= start && bytes[index - 2] == 0x0A ? 2 : 1
      }
      index -= back
      outScalars -= back
      inScalars -= back
      // An anchor taken at a separator given back is the slow path's to take, or not.
      if back > 0, lastAnchor >= runScalar + outScalars {
        offsets.removeAnchor(at: lastAnchor)
        distance = offsets.currentDistance
      }
    }
    if mirroring && output.isEmpty {
      mirrored = index
    } else if copyFrom < index {
      flush(to: index)
    }
    scalarCount = runScalar + outScalars
    inWord = word >= 0
    if inWord {
      wordByte = word
      wordIsASCII = wordASCII
      wordVowels = vowels
    }
    if index > start {
      atLineStart = false
      if lastComposed >= 0, lastComposedEnd == index {
        segmentByte = lastComposed
        segmentScalar = lastComposedScalar
        segmentOrigin = lastComposedOrigin
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
        segmentOrigin = origin + inScalars - 1
      }
    }
    return (index, origin + inScalars)
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
      let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : 3
      var value = UInt32(byte) & (size == 1 ? 0x7F : size == 2 ? 0x1F : 0x0F)
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
