import Foundation
import VNX

/// One document rendered for every output, done by the workers so the writer only appends.
struct DatasetRows: Sendable {
  static let entityColumns = [
    "document", "index", "type", "text", "kind", "role", "village", "value", "date", "canonical",
    "code", "parent", "start_offset", "end_offset",
  ]
  static let indicatorColumns = [
    "document", "url", "title", "published", "place", "year", "about", "value", "value_max",
    "total", "unit", "kind", "qualifier", "trend", "text", "start_offset", "end_offset",
  ]

  var hash: ContentHash
  var document: Document
  /// The `vnx.document/1` JSON line, newline included.
  var json: [UInt8]
  var entityCSV: [UInt8]
  var indicatorCSV: [UInt8]

  init(document: Document, hash: ContentHash, formats: Set<OutputFormat>) throws {
    self.hash = hash
    self.document = document
    // `Document.json()` writes what JSONEncoder would, several times faster.
    json = formats.contains(.jsonl) || formats.contains(.sqlite) ? document.json() + [0x0A] : []
    guard formats.contains(.csv) else {
      entityCSV = []
      indicatorCSV = []
      return
    }
    let id = hash.description
    var entities = CSV.Rows(capacity: document.entities.count * 160)
    for (index, entity) in document.entities.enumerated() {
      entities.field(id)
      entities.field(index)
      entities.field(entity.type.rawValue)
      entities.field(entity.text)
      entities.field(entity.kind)
      entities.field(entity.role)
      entities.field(entity.village)
      entities.field(entity.value)
      entities.field(entity.date)
      entities.field(entity.canonical)
      entities.field(entity.code)
      entities.field(entity.parent)
      entities.field(entity.start)
      entities.field(entity.end)
      entities.endRow()
    }
    var indicators = CSV.Rows(capacity: document.indicators.count * 400)
    for indicator in document.indicators {
      indicators.field(id)
      indicators.field(document.meta.url)
      indicators.field(document.meta.title)
      indicators.field(document.meta.published)
      indicators.field(Self.place(of: indicator, in: document))
      indicators.field(indicator.year)
      indicators.field(indicator.about)
      indicators.field(indicator.value)
      indicators.field(indicator.valueMax)
      indicators.field(indicator.total)
      indicators.field(indicator.unit)
      indicators.field(indicator.kind.rawValue)
      indicators.field(indicator.qualifier?.rawValue)
      indicators.field(indicator.trend?.rawValue)
      indicators.field(indicator.text)
      indicators.field(indicator.start)
      indicators.field(indicator.end)
      indicators.endRow()
    }
    entityCSV = entities.bytes
    indicatorCSV = indicators.bytes
  }

  /// The name of the place an indicator belongs to (its canonical form when known).
  static func place(of indicator: Indicator, in document: Document) -> String? {
    guard let index = indicator.place, document.entities.indices.contains(index) else { return nil }
    let entity = document.entities[index]
    return entity.canonical ?? entity.text
  }

  /// The encoder behind every JSON output: sorted keys, so equal documents give equal bytes.
  static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
