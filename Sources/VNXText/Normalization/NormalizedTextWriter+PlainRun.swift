/// The fast path of normalization: runs of input that are already normal are copied whole.
///
/// A run holds printable ASCII (but `&`), single spaces and line breaks between visible
/// characters, and non-ASCII scalars that are NFC-stable and need no repair; a word whose
/// tone mark would move ends the run before it, so the slow path rewrites it. Text that is
/// already normal is thus checked with one table lookup per byte or scalar and one
/// tone-placement check per word of two or more vowels, then copied with one `append`.
extension NormalizedTextWriter {
  /// Non-ASCII BMP scalars that may be copied as they are.
  /// Bit 0: a plain scalar; bit 1: a Vietnamese vowel; bit 2: a letter. Allocated once and
  /// never freed, so the hot loop reads it without bounds checks or reference counting.
  nonisolated(unsafe) private static let scalarFlags: UnsafeBufferPointer<UInt8> = {
    let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0x10000)
    var repairs = Repairs()
    for value in 0..<0x10000 {
      let scalar = UInt32(value)
      let plain =
        value >= 0x80 && NFCProperties.isStable(scalar)
        && CharacterRepair.of(scalar, repairs: &repairs) == .keep
      let lower = value | 0x20
      let letter =
        value < 0x80
        ? lower >= 0x61 && lower <= 0x7A
        : value >= 0xC0 && value < 0x2000 && value != 0xD7 && value != 0xF7
      table[value] =
        (plain ? 1 : 0) | (VietnameseLetter.isVowel(scalar) ? 2 : 0) | (letter ? 4 : 0)
    }
    return UnsafeBufferPointer(table)
  }()

  /// True when the writer is between words with nothing pending, so a run may start.
  var acceptsPlainRun: Bool {
    repairsCharacters && !inWord && !pendingSpace && pendingLineBreaks == 0
      && !segmentNeedsComposition
  }

  /// Copies the longest plain run of `bytes` from `start` (scalar `origin`); returns the
  /// byte index and scalar origin where the slow path must go on.
  mutating func appendPlainRun(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, origin: Int
  ) -> (index: Int, origin: Int) {
    let count = bytes.count
    // The table in a local: a static read in the loop costs a `swift_once` check each time.
    let flags = Self.scalarFlags
    var index = start
    var scalars = 0
    var lastScalarByte = start
    var lastScalarOffset = 0
    // The word in progress: its first byte and scalar offset in the run.
    var word = -1
    var wordScalar = 0
    var vowels = 0
    var wordASCII = true

    /// False when the word just ended would change under tone placement.
    func wordIsNormal(upTo end: Int) -> Bool {
      guard word >= 0, !wordASCII, vowels >= 2 else { return true }
      wordScratch.removeAll(keepingCapacity: true)
      var position = word
      while position < end {
        let byte = bytes[position]
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : 3
        var value = UInt32(byte) & (length == 1 ? 0x7F : length == 2 ? 0x1F : 0x0F)
        var offset = 1
        while offset < length {
          value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
          offset += 1
        }
        wordScratch.append(Unicode.Scalar(value)!)
        if wordScratch.count > 7 { return true }
        position += length
      }
      return !ToneMarkPlacement.apply(toneStyle, to: &wordScratch)
    }

    scan: while index < count {
      let byte = bytes[index]
      var length = 1
      var isLetter = false
      var isVowel = false
      if byte < 0x80 {
        let flag = flags[Int(byte)]
        if flag & 4 != 0 {
          isLetter = true
          isVowel = flag & 2 != 0
        } else if byte == 0x20 || byte == 0x0A {
          // One separator between visible characters; anything else goes the slow way.
          guard !atLineStart || index > start, index + 1 < count else { break scan }
          let next = bytes[index + 1]
          guard next > 0x20, next != 0x7F else { break scan }
        } else if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") {
          break scan
        }
      } else {
        guard byte >= 0xC2, byte < 0xF0 else { break scan }
        length = byte < 0xE0 ? 2 : 3
        guard index + length <= count else { break scan }
        var value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
        value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
        if length == 3 { value = value << 6 | UInt32(bytes[index + 2] & 0x3F) }
        let flag = flags[Int(value)]
        guard flag & 1 != 0 else { break scan }
        isLetter = flag & 4 != 0
        isVowel = flag & 2 != 0
      }
      if isLetter {
        if word < 0 {
          word = index
          wordScalar = scalars
          vowels = 0
          wordASCII = true
        }
        if isVowel { vowels += 1 }
        if length > 1 { wordASCII = false }
      } else if word >= 0 {
        guard wordIsNormal(upTo: index) else {
          index = word
          scalars = wordScalar
          word = -1
          break scan
        }
        word = -1
      }
      lastScalarByte = index
      lastScalarOffset = scalars
      index += length
      scalars += 1
    }
    if word >= 0, index == count, !wordIsNormal(upTo: index) {
      index = word
      scalars = wordScalar
      word = -1
    }
    // A separator right before what the slow path takes is left to it (it may be a space
    // before a line break, which must go).
    if index < count, index > start, word < 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x0A {
      index -= 1
      scalars -= 1
      lastScalarByte = index
    }
    guard index > start else { return (start, origin) }
    if lastScalarByte >= index {
      lastScalarByte = start
      lastScalarOffset = 0
    }

    record(origin: origin)
    let outputStart = output.count
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    segmentByte = outputStart + (lastScalarByte - start)
    segmentScalar = scalarCount + lastScalarOffset
    segmentOrigin = origin + lastScalarOffset
    if word >= 0 {
      inWord = true
      wordByte = outputStart + (word - start)
      wordIsASCII = wordASCII
      wordVowels = vowels
    }
    scalarCount += scalars
    atLineStart = bytes[index - 1] == 0x0A
    return (index, origin + scalars)
  }
}
