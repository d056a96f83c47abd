import VNXText

/// A cursor over the bytes of one JSON text (RFC 8259, nesting up to
/// `ScrapedRecord.maximumDepth`); every `read`/`skip` returns false on malformed input.
struct JSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  /// The bytes are known to be valid UTF-8: strings are copied without validating them again
  /// (a string cut at quotes and backslashes, ASCII bytes, of valid UTF-8 is valid UTF-8).
  let isValidUTF8: Bool
  /// Where a string with escapes is unescaped, as long as `bytes`: a string unescaped is never
  /// longer than written (an escape of 2, 6 or 12 bytes stands for 1 to 4).
  let scratch: UnsafeMutableBufferPointer<UInt8>

  init(bytes: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool = false, scratch: UnsafeMutableBufferPointer<UInt8>) {
    precondition(scratch.count >= bytes.count, "the scratch buffer is shorter than the input")
    self.bytes = bytes
    self.isValidUTF8 = isValidUTF8
    self.scratch = scratch
  }

  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  var atEndAfterSpace: Bool {
    mutating get {
      skipSpace()
      return index == bytes.count
    }
  }

  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func consume(_ byte: UInt8) -> Bool {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// The top-level object: string members the record wants are kept, the rest skipped.
  mutating func readObject(into record: inout ScrapedRecord) -> Bool {
    guard consume(UInt8(ascii: "{")) else { return false }
    if consume(UInt8(ascii: "}")) { return true }
    repeat {
      skipSpace()
      guard let key = readString(), consume(UInt8(ascii: ":")) else { return false }
      skipSpace()
      if ScrapedRecord.wants(key), peek == UInt8(ascii: "\"") {
        guard let value = readString() else { return false }
        record.keep(key, value)
      } else {
        guard skipValue(depth: 1) else { return false }
      }
    } while consume(UInt8(ascii: ","))
    return consume(UInt8(ascii: "}"))
  }

  mutating func skipValue(depth: Int) -> Bool {
    skipSpace()
    guard let byte = peek else { return false }
    switch byte {
    case UInt8(ascii: "\""):
      return readString() != nil
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard depth < ScrapedRecord.maximumDepth else { return false }
      let isObject = byte == UInt8(ascii: "{")
      let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
      index += 1
      if consume(close) { return true }
      repeat {
        if isObject {
          skipSpace()
          guard readString() != nil, consume(UInt8(ascii: ":")) else { return false }
        }
        guard skipValue(depth: depth + 1) else { return false }
      } while consume(UInt8(ascii: ","))
      return consume(close)
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default: return skipNumber()
    }
  }

  mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
    index += count
    return true
  }

  /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  mutating func skipNumber() -> Bool {
    if peek == UInt8(ascii: "-") { index += 1 }
    guard let first = peek, isDigit(first) else { return false }
    index += 1
    if first != UInt8(ascii: "0") { skipDigits() }
    if peek == UInt8(ascii: ".") {
      index += 1
      guard let digit = peek, isDigit(digit) else { return false }
      skipDigits()
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      index += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      guard let digit = peek, isDigit(digit) else { return false }
      skipDigits()
    }
    return true
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private mutating func skipDigits() {
    while let byte = peek, isDigit(byte) { index += 1 }
  }

  /// A string at the cursor, unescaped; nil on a control character, a bad escape, a lone
  /// surrogate, invalid UTF-8 or no closing quote.
  mutating func readString() -> String? {
    guard peek == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    // Most strings have no escape: find the closing quote and validate the bytes in one go.
    guard skipPlainRun() else { return nil }
    if bytes[index] == UInt8(ascii: "\"") {
      index += 1
      return string(UnsafeBufferPointer(rebasing: bytes[start..<index - 1]))
    }
    // Escapes: unescaped into `scratch`, plain runs copied whole between them.
    let input = bytes.baseAddress!
    let output = scratch.baseAddress!
    var count = index - start
    output.update(from: input + start, count: count)
    while true {
      if bytes[index] == UInt8(ascii: "\"") {
        index += 1
        return string(UnsafeBufferPointer(start: output, count: count))
      }
      index += 1
      guard let escaped = peek else { return nil }
      index += 1
      var byte = escaped
      switch escaped {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): break
      case UInt8(ascii: "b"): byte = 0x08
      case UInt8(ascii: "f"): byte = 0x0C
      case UInt8(ascii: "n"): byte = 0x0A
      case UInt8(ascii: "r"): byte = 0x0D
      case UInt8(ascii: "t"): byte = 0x09
      case UInt8(ascii: "u"):
        guard let scalar = readEscapedScalar() else { return nil }
        count += UTF8Scalars.write(scalar.value, to: output + count)
      default: return nil
      }
      if escaped != UInt8(ascii: "u") {
        output[count] = byte
        count += 1
      }
      let run = index
      guard skipPlainRun() else { return nil }
      (output + count).update(from: input + run, count: index - run)
      count += index - run
    }
  }

  private func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    isValidUTF8 ? UTF8Validation.string(ofValid: bytes) : UTF8Validation.string(validating: bytes)
  }

  /// Moves the cursor to the next quote or backslash inside a string (whole words first, then
  /// the few bytes of the word that holds it); false at a control byte or the end of input.
  private mutating func skipPlainRun() -> Bool {
    skipPlainWords()
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
      if byte < 0x20 { return false }
      index += 1
    }
    return false
  }

  /// Moves the cursor over whole 8-byte words holding no quote, backslash or control byte.
  private mutating func skipPlainWords() {
    guard let base = bytes.baseAddress else { return }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    while bytes.count - index >= 8 {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      // A byte below 0x20, or equal to '"' (0x22) or '\\' (0x5C).
      let control = (word &- ones &* 0x20) & ~word & highs != 0
      if control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { return }
      index += 8
    }
  }

  /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair.
  private mutating func readEscapedScalar() -> Unicode.Scalar? {
    guard let high = readHex4() else { return nil }
    if (0xD800...0xDBFF).contains(high) {
      guard literal("\\u"), let low = readHex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }
    return Unicode.Scalar(high)
  }

  private mutating func readHex4() -> UInt32? {
    guard bytes.count - index >= 4 else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }
}
