/// The output side of `TextNormalizer`: spaces, lines, NFC segments, words and offsets.
///
/// Output that is still byte for byte the input is not copied: while `output` is empty,
/// `mirrored` input bytes stand for it, and only the first change copies them
/// (`materialize()`). Text that is already normal is thus never copied at all.
struct NormalizedTextWriter {
  let toneStyle: ToneStyle
  /// False gives NFC composition alone (for conformance tests of the NFC path).
  let repairsCharacters: Bool
  var repairs = Repairs()
  /// The UTF-8 bytes being normalized (alive during `TextNormalizer.normalize`).
  let input: UnsafeBufferPointer<UInt8>
  var output = ByteBuffer()
  /// While `output` is empty: the output so far is `input[..<mirrored]`.
  var mirrored = 0
  let capacity: Int
  /// NFC of combining sequences in the fast path, created on the first one.
  var segmentCache: NFCSegmentCache?
  /// Tokens the fast path takes whole, created on the first word boundary it reaches; used
  /// for texts of `plainTokenMinimum` bytes or more.
  var tokenCache: PlainTokenCache?
  let skipsPlainTokens: Bool
  /// Word boundaries to pass before the next try, and the pause after the last one.
  var tokenPause = 0
  var tokenBackoff = 0
  let toneTables = ToneMarkPlacement.Tables()
  var offsets = OffsetMapBuilder()
  var distance = 0
  var scalarCount = 0

  var pendingSpace = false
  var pendingSpaceOrigin = 0
  var pendingLineBreaks = 0
  var lineBreakOrigin = 0
  var atLineStart = true

  /// Start of the current NFC segment (a scalar with a boundary before it).
  var segmentByte = 0
  var segmentScalar = 0
  var segmentOrigin = 0
  var segmentNeedsComposition = false
  /// The segment was counted in `repairs.composed` already (part of it was composed by the
  /// fast path, the rest came after a dropped character).
  var segmentCounted = false

  var inWord = false
  var wordByte = 0
  var wordIsASCII = true
  var wordVowels = 0
  var wordScratch: [Unicode.Scalar] = []

  init(
    toneStyle: ToneStyle, repairsCharacters: Bool = true, input: UnsafeBufferPointer<UInt8>,
    plainTokenMinimum: Int = PlainTokenCache.minimumInput
  ) {
    self.toneStyle = toneStyle
    self.repairsCharacters = repairsCharacters
    self.input = input
    skipsPlainTokens = input.count >= plainTokenMinimum
    capacity = input.count + input.count / 16 + 16
  }

  /// Turns the mirrored input into real output, before the first byte that differs.
  @inline(__always)
  mutating func materialize() {
    guard output.isEmpty, output.capacity == 0 || mirrored > 0 else { return }
    output.reserveCapacity(capacity)
    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<mirrored]))
    mirrored = 0
  }

  /// Takes one scalar of the original text; `source` holds its UTF-8 bytes when non-ASCII.
  @inline(__always)
  mutating func put(_ value: UInt32, origin: Int, source: UnsafeBufferPointer<UInt8>? = nil) {
    guard repairsCharacters else { return emit(value, origin: origin, source: source) }
    switch CharacterRepair.of(value, repairs: &repairs) {
    case .keep: emit(value, origin: origin, source: source)
    case .replace(let scalar): emit(scalar.value, origin: origin, source: nil)
    case .space:
      if !atLineStart, pendingLineBreaks == 0, !pendingSpace {
        pendingSpace = true
        pendingSpaceOrigin = origin
      }
    case .lineBreak: breakLine(count: 1, origin: origin)
    case .paragraphBreak: breakLine(count: 2, origin: origin)
    case .drop: break
    }
  }

  private mutating func breakLine(count: Int, origin: Int) {
    pendingSpace = false
    guard scalarCount > 0 else { return }
    endWord()
    if pendingLineBreaks == 0 { lineBreakOrigin = origin }
    pendingLineBreaks += count
  }

  /// Writes the line breaks or space waiting for the next visible scalar.
  @inline(__always)
  mutating func writePendingSeparator() {
    if pendingLineBreaks > 0 {
      endWord()
      for index in 0..<min(pendingLineBreaks, 2) { write(0x0A, origin: lineBreakOrigin + index) }
      pendingLineBreaks = 0
      pendingSpace = false
    } else if pendingSpace {
      endWord()
      write(0x20, origin: pendingSpaceOrigin)
      pendingSpace = false
    }
  }

  @inline(__always)
  private mutating func emit(_ value: UInt32, origin: Int, source: UnsafeBufferPointer<UInt8>?) {
    materialize()
    writePendingSeparator()
    let isLetter =
      value < 0x80
      ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
      : value >= 0xC0 && value < 0x2000 && value != 0xD7 && value != 0xF7
    if !isLetter {
      endWord()
    } else {
      if !inWord {
        inWord = true
        wordByte = output.count
        wordIsASCII = true
        wordVowels = 0
      }
      // Only words with two or more vowels can have a misplaced tone mark.
      if value < 0x80 {
        if Self.isASCIIVowel[Int(value)] { wordVowels += 1 }
      } else {
        wordIsASCII = false
        if VietnameseLetter.isVowel(value) { wordVowels += 1 }
      }
    }
    if value < 0x300 || NFCProperties.isStable(value) {
      if segmentNeedsComposition { compose() }
      segmentByte = output.count
      segmentScalar = scalarCount
      segmentOrigin = origin
      segmentCounted = false
    } else {
      segmentNeedsComposition = true
    }
    if let source {
      record(origin: origin)
      output.append(contentsOf: source)
      scalarCount += 1
      atLineStart = false
    } else {
      write(value, origin: origin)
    }
  }

  static let isASCIIVowel: [Bool] = (0..<128).map { "aeiouyAEIOUY".utf8.contains(UInt8($0)) }

  @inline(__always)
  mutating func record(origin: Int) {
    if origin - scalarCount != distance {
      distance = origin - scalarCount
      offsets.record(normalized: scalarCount, original: origin)
    }
  }

  /// Records that normalized `offset` comes from original `original`, when that changes the
  /// distance between the two.
  @inline(__always)
  mutating func recordAnchor(normalized offset: Int, original: Int) {
    if original - offset != distance {
      distance = original - offset
      offsets.record(normalized: offset, original: original)
    }
  }

  @inline(__always)
  private mutating func write(_ value: UInt32, origin: Int) {
    materialize()
    record(origin: origin)
    output.append(scalar: value)
    scalarCount += 1
    atLineStart = value == 0x0A
  }

  /// Replaces the current segment with its NFC form.
  private mutating func compose() {
    segmentNeedsComposition = false
    materialize()
    var composed: [UInt8] = []
    let segmentByte = segmentByte
    let failed = output.withUnsafeBufferPointer { buffer in
      (try? ICU.appendNFC(ofUTF8: UnsafeBufferPointer(rebasing: buffer[segmentByte...]), to: &composed)) == nil
    }
    guard !failed else { return }
    if !output.withUnsafeBufferPointer({ composed.elementsEqual($0[segmentByte...]) }) {
      if !segmentCounted { repairs.composed += 1 }
      segmentCounted = true
      output.removeSubrange(segmentByte...)
      output.append(contentsOf: composed)
    }
    // The segment's scalars map to its origin onward, changed or not (part of it may have
    // been composed already, with a dropped character in between).
    offsets.truncate(after: segmentScalar)
    if segmentOrigin - segmentScalar != offsets.currentDistance {
      offsets.record(normalized: segmentScalar, original: segmentOrigin)
    }
    distance = offsets.currentDistance
    scalarCount = segmentScalar + composed.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    if wordByte > segmentByte { wordByte = segmentByte }
  }

  mutating func endWord() {
    if segmentNeedsComposition { compose() }
    guard inWord else { return }
    inWord = false
    guard !wordIsASCII, wordVowels >= 2, repairsCharacters else { return }
    materialize()
    wordScratch.removeAll(keepingCapacity: true)
    var index = wordByte
    while index < output.count {
      let byte = output[index]
      let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
      var value = UInt32(byte) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for offset in 1..<max(length, 1) where length > 1 {
        value = value << 6 | UInt32(output[index + offset] & 0x3F)
      }
      wordScratch.append(Unicode.Scalar(value)!)
      if wordScratch.count > 7 { return }
      index += length
    }
    guard ToneMarkPlacement.apply(toneStyle, to: &wordScratch) else { return }
    repairs.toneMarksMoved += 1
    output.removeSubrange(wordByte...)
    for scalar in wordScratch { output.append(scalar: scalar.value) }
    // Letters may have changed length: the NFC segment is the word's last scalar.
    if segmentByte > wordByte {
      var last = output.count - 1
      while output[last] & 0xC0 == 0x80 { last -= 1 }
      segmentByte = last
    }
  }

  /// The normalized text, or, when the output is still a prefix of the input (what the end
  /// dropped: a final line break, spaces), an empty text and that prefix's length in bytes:
  /// the caller cuts the input string there instead of copying it.
  mutating func finish(originalLength: Int) -> (NormalizedText, prefix: Int?) {
    endWord()
    let offsets = self.offsets.finish(originalLength: originalLength)
    defer {
      output.deallocate()
      self.offsets.deallocate()
      segmentCache?.deallocate()
      tokenCache?.deallocate()
    }
    if output.isEmpty && (mirrored > 0 || input.isEmpty) {
      return (NormalizedText(text: "", offsets: offsets, repairs: repairs), mirrored)
    }
    return (
      NormalizedText(
        // Valid: input scalars, scalars written whole and ICU's output.
        text: output.withUnsafeBufferPointer(UTF8Validation.string(ofValid:)), offsets: offsets,
        repairs: repairs),
      nil
    )
  }
}
