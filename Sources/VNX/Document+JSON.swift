import VNXExtraction

extension Document {
  /// The compact `vnx.document/1` JSON of the document, byte for byte what `JSONEncoder` with
  /// `[.sortedKeys, .withoutEscapingSlashes]` writes, several times faster: written straight
  /// into one byte buffer, keys already in sorted order, no boxing through `Encoder`.
  ///
  ///     document.json()   // {"entities":[…],"indicators":[…],"meta":{…},"schema":"vnx.document/1",…}
  public func json() -> [UInt8] { json(lineEnd: false) }

  /// `json()` followed by a newline: one line of `documents.jsonl`.
  public func jsonLine() -> [UInt8] { json(lineEnd: true) }

  private func json(lineEnd: Bool) -> [UInt8] {
    var writer = JSONWriter(capacity: 1024 + 160 * (entities.count + indicators.count) + (text?.utf8.count ?? 0))
    writer.object { object in
      object.field("entities") { writer in
        writer.array(entities) { writer, entity in writer.entity(entity) }
      }
      object.field("indicators") { writer in
        writer.array(indicators) { writer, indicator in writer.indicator(indicator) }
      }
      object.field("meta") { writer in
        writer.object { object in
          object.field("author", meta.author)
          object.field("comments", meta.comments)
          object.field("published", meta.published)
          object.field("title", meta.title)
          object.field("url", meta.url)
          object.field("views", meta.views)
        }
      }
      object.field("schema", schema)
      if let sentences {
        object.field("sentences") { writer in
          writer.array(sentences) { writer, span in writer.array(span) { writer, offset in writer.int(offset) } }
        }
      }
      object.field("source") { writer in
        writer.object { object in
          object.field("bytes", source.bytes)
          object.field("encoding", source.encoding)
          object.field("format", source.format)
          object.field("path", source.path)
          object.field("sha256", source.sha256)
        }
      }
      object.field("text", text)
      object.field("warnings") { writer in
        writer.array(warnings) { writer, warning in writer.string(warning) }
      }
    }
    if lineEnd { writer.append(0x0A) }
    return writer.finish()
  }
}

/// Appends JSON to a byte buffer the way Foundation's `JSONEncoder` formats it.
///
/// The buffer is its own (noncopyable, freed in `deinit`): keys, numbers and strings are
/// copied in with a capacity check and a `memcpy`, where `Array.append(contentsOf:)` cost
/// about a hundred instructions a call, more than the few bytes of a key.
struct JSONWriter: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  /// Whether the next key of the current object needs a comma before it.
  private var needsComma = false

  init(capacity: Int) {
    self.capacity = Swift.max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written.
  consuming func finish() -> [UInt8] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }

  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if capacity &- count < extra { grow(extra) }
  }

  @inline(never)
  private mutating func grow(_ extra: Int) {
    let newCapacity = Swift.max(capacity * 2, count + extra)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let source = buffer.baseAddress else { return }
    reserve(buffer.count)
    (base + count).update(from: source, count: buffer.count)
    count &+= buffer.count
  }

  @inline(__always)
  private mutating func append(_ buffer: UnsafeRawBufferPointer) {
    append(buffer.assumingMemoryBound(to: UInt8.self))
  }

  /// An object whose fields `body` writes, in the order given (the caller sorts them).
  mutating func object(_ body: (inout JSONWriter) -> Void) {
    append(UInt8(ascii: "{"))
    needsComma = false
    body(&self)
    append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// The key of the next field; its value follows.
  mutating func key(_ name: StaticString) {
    reserve(name.utf8CodeUnitCount + 4)
    if needsComma {
      base[count] = UInt8(ascii: ",")
      count &+= 1
    }
    needsComma = true
    base[count] = UInt8(ascii: "\"")
    (base + count + 1).update(from: name.utf8Start, count: name.utf8CodeUnitCount)
    count &+= name.utf8CodeUnitCount + 1
    base[count] = UInt8(ascii: "\"")
    base[count + 1] = UInt8(ascii: ":")
    count &+= 2
  }

  mutating func field(_ name: StaticString, _ body: (inout JSONWriter) -> Void) {
    key(name)
    body(&self)
  }

  /// A string field, left out when nil (as synthesized `Encodable` does).
  mutating func field(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  mutating func field(_ name: StaticString, _ value: Int?) {
    guard let value else { return }
    key(name)
    int(value)
  }

  mutating func field(_ name: StaticString, _ value: Double?) {
    guard let value else { return }
    key(name)
    double(value)
  }

  mutating func array<Element>(_ elements: [Element], _ body: (inout JSONWriter, Element) -> Void) {
    append(UInt8(ascii: "["))
    for index in elements.indices {
      if index > 0 { append(UInt8(ascii: ",")) }
      body(&self, elements[index])
    }
    append(UInt8(ascii: "]"))
  }

  /// Decimal digits, written straight into the buffer (no `String` per number).
  mutating func int(_ value: Int) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, filled from the end
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        count += 1
        buffer[buffer.count - count] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      append(UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - count)...]))
    }
  }

  /// `description`, without a trailing ".0" (JSONEncoder writes 1200.0 as 1200). Whole numbers
  /// below 10^15, whose description is their digits and ".0", skip the `String`; -0.0 and the
  /// rest go through `description`.
  mutating func double(_ value: Double) {
    if value.rounded(.towardZero) == value, value.magnitude < 1e15, !(value == 0 && value.sign == .minus) {
      return int(Int(value))
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    text.withUTF8 { append($0) }
  }

  /// A JSON string: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX,
  /// everything else (slashes, non-ASCII) as UTF-8. Runs without escapes are found eight bytes
  /// at a time and copied whole.
  mutating func string(_ value: String) {
    append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      guard let source = utf8.baseAddress else { return }
      var start = 0
      var index = 0
      while true {
        index = Self.plainRunEnd(source, from: index, count: utf8.count)
        guard index < utf8.count else { break }
        let byte = utf8[index]
        append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
        index += 1
        start = index
        reserve(6)
        base[count] = UInt8(ascii: "\\")
        count &+= 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x08: append(UInt8(ascii: "b"))
        case 0x0C: append(UInt8(ascii: "f"))
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
          append(UInt8(ascii: "u"))
          append(0x30)
          append(0x30)
          append(0x30 + (byte >> 4))  // a control byte: 0 or 1
          let low = byte & 0xF
          append(low < 10 ? 0x30 + low : UInt8(ascii: "a") + low - 10)
        }
      }
      append(UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    append(UInt8(ascii: "\""))
  }

  /// The index of the first byte at or after `index` that JSON escapes (a control byte, `"`
  /// or `\`), or `count`: whole 8-byte words first, then byte by byte.
  @inline(__always)
  private static func plainRunEnd(_ bytes: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
    var index = index
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    while count - index >= 8 {
      let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
      // A byte below 0x20, or equal to '"' (0x22) or '\' (0x5C).
      let control = (word &- ones &* 0x20) & ~word & highs != 0
      if control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { break }
      index += 8
    }
    while index < count {
      let byte = bytes[index]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
      index += 1
    }
    return count
  }

  mutating func entity(_ entity: Entity) {
    object { object in
      object.field("canonical", entity.canonical)
      object.field("code", entity.code)
      object.field("date", entity.date)
      object.field("end", entity.end)
      object.field("kind", entity.kind)
      object.field("parent", entity.parent)
      object.field("role", entity.role)
      object.field("start", entity.start)
      object.field("text", entity.text)
      object.field("type", entity.type.rawValue)
      object.field("value", entity.value)
      object.field("village", entity.village)
    }
  }

  mutating func indicator(_ indicator: Indicator) {
    object { object in
      object.field("about", indicator.about)
      object.field("end", indicator.end)
      object.field("kind", indicator.kind.rawValue)
      object.field("place", indicator.place)
      object.field("qualifier", indicator.qualifier?.rawValue)
      object.field("start", indicator.start)
      object.field("subject", indicator.subject)
      object.field("text", indicator.text)
      object.field("total", indicator.total)
      object.field("trend", indicator.trend?.rawValue)
      object.field("unit", indicator.unit)
      object.field("value", indicator.value)
      object.field("value_max", indicator.valueMax)
      object.field("year", indicator.year)
    }
  }
}
