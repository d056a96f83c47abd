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
    var entities = ""
    for (index, entity) in document.entities.enumerated() {
      entities += CSV.row([
        id, String(index), entity.type.rawValue, entity.text, entity.kind, entity.role, entity.village,
        entity.value, entity.date, entity.canonical, entity.code, entity.parent.map(String.init),
        String(entity.start), String(entity.end),
      ])
    }
    var indicators = ""
    for indicator in document.indicators {
      indicators += CSV.row([
        id, document.meta.url, document.meta.title, document.meta.published,
        Self.place(of: indicator, in: document), indicator.year.map(String.init), indicator.about,
        CSV.number(indicator.value), CSV.number(indicator.valueMax), CSV.number(indicator.total),
        indicator.unit, indicator.kind.rawValue, indicator.qualifier?.rawValue,
        indicator.trend?.rawValue, indicator.text, String(indicator.start), String(indicator.end),
      ])
    }
    entityCSV = Array(entities.utf8)
    indicatorCSV = Array(indicators.utf8)
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
