import VNX

/// One row of a dataset written field by field: a CSV line (`CSV.Rows`) or the values bound
/// to an SQLite insert (`RowInsert`).
protocol RowWriter {
  mutating func field(_ value: String?)
  mutating func field(_ value: Int?)
  mutating func field(_ value: Double?)
}

/// The columns of an entity and of an indicator, named once for every output: `entities.csv`
/// and `indicators.csv` write them after their document columns, the SQLite tables
/// `entity_rows` and `indicator_rows` after the document key (see `SQLiteDataset`).
///
///     DatasetColumns.entity.map(\.name)   // ["index", "type", "text", …, "end_offset"]
enum DatasetColumns {
  struct Column: Sendable {
    var name: String
    /// The SQLite column type and constraint.
    var type: String
  }

  /// The fields `write(_:index:to:)` writes, in its order.
  static let entity: [Column] = [
    .init(name: "index", type: "INTEGER NOT NULL"),
    .init(name: "type", type: "TEXT NOT NULL"),
    .init(name: "text", type: "TEXT NOT NULL"),
    .init(name: "kind", type: "TEXT"),
    .init(name: "role", type: "TEXT"),
    .init(name: "village", type: "TEXT"),
    .init(name: "value", type: "TEXT"),
    .init(name: "date", type: "TEXT"),
    .init(name: "canonical", type: "TEXT"),
    .init(name: "code", type: "TEXT"),
    .init(name: "parent", type: "INTEGER"),
    .init(name: "start_offset", type: "INTEGER"),
    .init(name: "end_offset", type: "INTEGER"),
  ]

  /// The fields `write(_:place:to:)` writes, in its order.
  static let indicator: [Column] = [
    .init(name: "place", type: "TEXT"),
    .init(name: "year", type: "INTEGER"),
    .init(name: "about", type: "TEXT"),
    .init(name: "value", type: "REAL"),
    .init(name: "value_max", type: "REAL"),
    .init(name: "total", type: "REAL"),
    .init(name: "unit", type: "TEXT"),
    .init(name: "kind", type: "TEXT"),
    .init(name: "qualifier", type: "TEXT"),
    .init(name: "trend", type: "TEXT"),
    .init(name: "text", type: "TEXT"),
    .init(name: "start_offset", type: "INTEGER"),
    .init(name: "end_offset", type: "INTEGER"),
  ]

  /// The document columns each indicator row of `indicators.csv` (and of the `indicators` view)
  /// repeats, so that a row reads alone.
  static let indicatorDocument = ["document", "url", "title", "published"]

  static let entityCSV = ["document"] + entity.map(\.name)
  static let indicatorCSV = indicatorDocument + indicator.map(\.name)

  static func write<Row: RowWriter>(_ entity: Entity, index: Int, to row: inout Row) {
    row.field(index)
    row.field(entity.type.rawValue)
    row.field(entity.text)
    row.field(entity.kind)
    row.field(entity.role)
    row.field(entity.village)
    row.field(entity.value)
    row.field(entity.date)
    row.field(entity.canonical)
    row.field(entity.code)
    row.field(entity.parent)
    row.field(entity.start)
    row.field(entity.end)
  }

  static func write<Row: RowWriter>(_ indicator: Indicator, place: String?, to row: inout Row) {
    row.field(place)
    row.field(indicator.year)
    row.field(indicator.about)
    row.field(indicator.value)
    row.field(indicator.valueMax)
    row.field(indicator.total)
    row.field(indicator.unit)
    row.field(indicator.kind.rawValue)
    row.field(indicator.qualifier?.rawValue)
    row.field(indicator.trend?.rawValue)
    row.field(indicator.text)
    row.field(indicator.start)
    row.field(indicator.end)
  }

  /// The name of the place an indicator belongs to (its canonical form when known).
  static func place(of indicator: Indicator, in document: Document) -> String? {
    guard let index = indicator.place, document.entities.indices.contains(index) else { return nil }
    let entity = document.entities[index]
    return entity.canonical ?? entity.text
  }
}
