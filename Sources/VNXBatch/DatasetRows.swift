import Foundation
import VNX

/// One document rendered for every output by a worker, so that the writer only appends bytes
/// and binds values.
struct DatasetRows: Sendable {
  var hash: ContentHash
  /// The `vnx.document/1` JSON line, newline included.
  var json: [UInt8]
  var entityCSV: [UInt8]
  var indicatorCSV: [UInt8]
  /// For SQLite: the document's columns (`SQLiteDataset.documentColumns`), then those of each
  /// entity and each indicator (`DatasetColumns`); empty without SQLite.
  var sqlite = SQLiteValues()
  var entityCount: Int
  var indicatorCount: Int

  init(document: Document, hash: ContentHash, formats: Set<OutputFormat>) throws {
    self.hash = hash
    entityCount = document.entities.count
    indicatorCount = document.indicators.count
    // `Document.json()` writes what JSONEncoder would, several times faster.
    json = formats.contains(.jsonl) || formats.contains(.sqlite) ? document.jsonLine() : []
    let places = document.indicators.map { DatasetColumns.place(of: $0, in: document) }
    let id = hash.description
    if formats.contains(.sqlite) {
      sqlite = SQLiteValues(
        capacity: SQLiteDataset.documentColumns + entityCount * DatasetColumns.entity.count
          + indicatorCount * DatasetColumns.indicator.count)
      SQLiteDataset.write(document, id: id, to: &sqlite)
      for (index, entity) in document.entities.enumerated() {
        DatasetColumns.write(entity, index: index, to: &sqlite)
      }
      for (indicator, place) in zip(document.indicators, places) {
        DatasetColumns.write(indicator, place: place, to: &sqlite)
      }
    }
    guard formats.contains(.csv) else {
      entityCSV = []
      indicatorCSV = []
      return
    }
    // The document's columns are the same in each of its rows: quoted once, copied per row.
    var idField = CSV.Rows()
    idField.field(id)
    var entities = CSV.Rows(capacity: document.entities.count * 160)
    for (index, entity) in document.entities.enumerated() {
      entities.fields(idField)
      DatasetColumns.write(entity, index: index, to: &entities)
      entities.endRow()
    }
    var documentFields = idField
    documentFields.field(document.meta.url)
    documentFields.field(document.meta.title)
    documentFields.field(document.meta.published)
    var indicators = CSV.Rows(capacity: document.indicators.count * 400)
    for (indicator, place) in zip(document.indicators, places) {
      indicators.fields(documentFields)
      DatasetColumns.write(indicator, place: place, to: &indicators)
      indicators.endRow()
    }
    entityCSV = entities.bytes
    indicatorCSV = indicators.bytes
  }

  /// The encoder behind every JSON output: sorted keys, so equal documents give equal bytes.
  static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
