import Foundation
import GRDB
import VNX

/// `vnx.sqlite`: the documents, entities and indicators as tables ready for SQL, written
/// through GRDB in WAL mode (synchronous FULL: a commit survives a power cut, so the ledger
/// written after it never confirms rows that could vanish), one transaction per batch.
///
/// Every row carries the number of the batch that wrote it, so that a rerun after a crash can
/// delete what the ledger never confirmed (`rollBack(after:)`).
final class SQLiteDataset {
  static let fileName = "vnx.sqlite"

  private let queue: DatabaseQueue

  init(path: String) throws(BatchError) {
    do {
      var configuration = Configuration()
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.write { db in try db.execute(sql: Self.schema) }
    } catch {
      throw .database("\(path): \(error)")
    }
  }

  static let schema = """
    CREATE TABLE IF NOT EXISTS documents (
      id TEXT PRIMARY KEY, path TEXT, url TEXT, title TEXT, published TEXT, author TEXT,
      bytes INTEGER, encoding TEXT, format TEXT, entity_count INTEGER, indicator_count INTEGER,
      warnings TEXT, json TEXT NOT NULL, batch INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS entities (
      document TEXT NOT NULL, "index" INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL,
      kind TEXT, role TEXT, village TEXT, value TEXT, date TEXT, canonical TEXT, code TEXT,
      parent INTEGER, start_offset INTEGER, end_offset INTEGER, batch INTEGER NOT NULL,
      PRIMARY KEY (document, "index"));
    CREATE TABLE IF NOT EXISTS indicators (
      document TEXT NOT NULL, "index" INTEGER NOT NULL, url TEXT, title TEXT, published TEXT,
      place TEXT, year INTEGER, about TEXT, value REAL, value_max REAL, total REAL, unit TEXT,
      kind TEXT, qualifier TEXT, trend TEXT, text TEXT, start_offset INTEGER, end_offset INTEGER,
      batch INTEGER NOT NULL, PRIMARY KEY (document, "index"));
    CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
    CREATE INDEX IF NOT EXISTS entities_type_text ON entities(type, text);
    CREATE INDEX IF NOT EXISTS indicators_unit ON indicators(unit);
    CREATE INDEX IF NOT EXISTS indicators_about ON indicators(about);
    CREATE INDEX IF NOT EXISTS indicators_place_year ON indicators(place, year);
    """

  /// Deletes the rows of batches after `batch` (written before a crash, never confirmed).
  func rollBack(after batch: Int) throws(BatchError) {
    do {
      try queue.write { db in
        for table in ["documents", "entities", "indicators"] {
          try db.execute(sql: "DELETE FROM \(table) WHERE batch > ?", arguments: [batch])
        }
      }
    } catch {
      throw .database("rollback: \(error)")
    }
  }

  /// Inserts the documents of one batch in one transaction.
  func insert(_ rows: [DatasetRows], batch: Int) throws(BatchError) {
    do {
      try queue.write { db in
        let documents = try db.cachedStatement(
          sql: """
            INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let entities = try db.cachedStatement(
          sql: "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let indicators = try db.cachedStatement(
          sql: """
            INSERT OR REPLACE INTO indicators VALUES
            (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
          let document = row.document
          let id = row.hash.description
          let json = String(decoding: row.json.dropLast(), as: UTF8.self)
          let warnings = document.warnings.isEmpty ? nil : document.warnings.joined(separator: "\n")
          try documents.execute(arguments: [
            id, document.source.path, document.meta.url, document.meta.title, document.meta.published,
            document.meta.author, document.source.bytes, document.source.encoding, document.source.format,
            document.entities.count, document.indicators.count, warnings, json, batch,
          ])
          for (index, entity) in document.entities.enumerated() {
            try entities.execute(arguments: [
              id, index, entity.type.rawValue, entity.text, entity.kind, entity.role, entity.village,
              entity.value, entity.date, entity.canonical, entity.code, entity.parent, entity.start,
              entity.end, batch,
            ])
          }
          for (index, indicator) in document.indicators.enumerated() {
            try indicators.execute(arguments: [
              id, index, document.meta.url, document.meta.title, document.meta.published,
              DatasetRows.place(of: indicator, in: document), indicator.year, indicator.about,
              indicator.value, indicator.valueMax, indicator.total, indicator.unit,
              indicator.kind.rawValue, indicator.qualifier?.rawValue, indicator.trend?.rawValue,
              indicator.text, indicator.start, indicator.end, batch,
            ])
          }
        }
      }
    } catch {
      throw .database("insert: \(error)")
    }
  }

  /// Folds the WAL into the database file so that it can be copied alone.
  func checkpoint() {
    try? queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
  }
}
