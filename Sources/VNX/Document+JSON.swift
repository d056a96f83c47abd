import VNXExtraction

extension Document {
  /// The compact `vnx.document/1` JSON of the document, byte for byte what `JSONEncoder` with
  /// `[.sortedKeys, .withoutEscapingSlashes]` writes, several times faster: written straight
  /// into one byte buffer, keys already in sorted order, no boxing through `Encoder`.
  ///
  ///     document.json()   // {"entities":[…],"indicators":[…],"meta":{…},"schema":"vnx.document/1",…}
  public func json() -> [UInt8] {
    var writer = JSONWriter()
    writer.reserve(1024 + 160 * (entities.count + indicators.count) + (text?.utf8.count ?? 0))
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
    return writer.bytes
  }
}

/// Appends JSON to a byte buffer the way Foundation's `JSONEncoder` formats it.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  /// Whether the next key of the current object needs a comma before it.
  private var needsComma = false

  mutating func reserve(_ capacity: Int) { bytes.reserveCapacity(capacity) }

  /// An object whose fields `body` writes, in the order given (the caller sorts them).
  mutating func object(_ body: (inout JSONWriter) -> Void) {
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
    body(&self)
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// The key of the next field; its value follows.
  mutating func key(_ name: StaticString) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    needsComma = true
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
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
    bytes.append(UInt8(ascii: "["))
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      body(&self, element)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  mutating func int(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// `description`, without a trailing ".0" (JSONEncoder writes 1200.0 as 1200).
  mutating func double(_ value: Double) {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// A JSON string: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX,
  /// everything else (slashes, non-ASCII) as UTF-8.
  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
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
