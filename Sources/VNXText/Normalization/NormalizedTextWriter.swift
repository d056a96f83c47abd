/// The output side of `TextNormalizer`: spaces, lines, NFC segments, words and offsets.
struct NormalizedTextWriter {
  let toneStyle: ToneStyle
  /// False gives NFC composition alone (for conformance tests of the NFC path).
  let repairsCharacters: Bool
  var repairs = Repairs()
  var output: [UInt8]
  var offsets = OffsetMap()
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

  var inWord = false
  var wordByte = 0
  var wordIsASCII = true
  var wordVowels = 0
  var wordScratch: [Unicode.Scalar] = []

  init(toneStyle: ToneStyle, repairsCharacters: Bool = true, capacity: Int) {
    self.toneStyle = toneStyle
    self.repairsCharacters = repairsCharacters
    output = []
    output.reserveCapacity(capacity)
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

  @inline(__always)
  private mutating func emit(_ value: UInt32, origin: Int, source: UnsafeBufferPointer<UInt8>?) {
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
    } else {
      segmentNeedsComposition = true
    }
    if let source {
      record(origin: origin)
      for byte in source { output.append(byte) }
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

  @inline(__always)
  private mutating func write(_ value: UInt32, origin: Int) {
    record(origin: origin)
    Self.appendUTF8(value, to: &output)
    scalarCount += 1
    atLineStart = value == 0x0A
  }

  @inline(__always)
  private static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case ..<0x80: output.append(UInt8(value))
    case ..<0x800:
      output.append(UInt8(0xC0 | value >> 6))
      output.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
      output.append(UInt8(0xE0 | value >> 12))
      output.append(UInt8(0x80 | value >> 6 & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    default:
      output.append(UInt8(0xF0 | value >> 18))
      output.append(UInt8(0x80 | value >> 12 & 0x3F))
      output.append(UInt8(0x80 | value >> 6 & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    }
  }

  /// Replaces the current segment with its NFC form.
  private mutating func compose() {
    segmentNeedsComposition = false
    // No slice of `output` may outlive this line: it would make the removal below copy
    // the whole buffer.
    let segment = String(decoding: output[segmentByte...], as: UTF8.self)
    // Swift's String equality is canonical equivalence: compare the bytes.
    guard let composed = try? ICU.nfc(segment), !composed.utf8.elementsEqual(segment.utf8)
    else { return }
    repairs.composed += 1
    output.removeSubrange(segmentByte...)
    output.append(contentsOf: composed.utf8)
    offsets.truncate(after: segmentScalar)
    if segmentOrigin - segmentScalar != offsets.currentDistance {
      offsets.record(normalized: segmentScalar, original: segmentOrigin)
    }
    distance = offsets.currentDistance
    scalarCount = segmentScalar + composed.unicodeScalars.count
    if wordByte > segmentByte { wordByte = segmentByte }
  }

  mutating func endWord() {
    if segmentNeedsComposition { compose() }
    guard inWord else { return }
    inWord = false
    guard !wordIsASCII, wordVowels >= 2, repairsCharacters else { return }
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
    for scalar in wordScratch { Self.appendUTF8(scalar.value, to: &output) }
  }

  mutating func finish(originalLength: Int) -> NormalizedText {
    endWord()
    offsets.finish(originalLength: originalLength)
    return NormalizedText(
      text: String(decoding: output, as: UTF8.self), offsets: offsets, repairs: repairs)
  }
}
