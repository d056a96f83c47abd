import Foundation
import GRDB
import VNX

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// `vnx.sqlite`: the documents, entities and indicators as tables ready for SQL, written
/// through GRDB, one transaction per batch, synchronous FULL (a commit survives a power cut,
/// so the ledger written after it never confirms rows that could vanish).
///
/// Written for bulk loading: the tables are plain rowid tables, so every insert appends to
/// the last page instead of landing on a random page of a tree keyed by content hash, and
/// the indexes (document ids, entities by type, indicators by unit, place and year…) are
/// built once at the end of a finished run (`createIndexes()`) rather than updated row by
/// row. The journal is a rollback journal, truncated after each commit: appended pages are
/// written once, where a write-ahead log writes every page twice (log, then checkpoint).
/// On a 20 MB corpus this cut the bytes written to disk from 3.6× the size of the outputs
/// to about 1.1× (Tests/BENCHMARKS.md).
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
        // A folder from an earlier vnx may hold a WAL database: fold it back first.
        try db.execute(sql: "PRAGMA journal_mode = TRUNCATE")
        try db.execute(sql: "PRAGMA synchronous = FULL")
        try db.execute(sql: "PRAGMA cache_size = -8192")
      }
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.write { db in try db.execute(sql: Self.schema) }
    } catch {
      throw .database("\(path): \(error)")
    }
  }

  static let schema = """
    CREATE TABLE IF NOT EXISTS documents (
      id TEXT NOT NULL, path TEXT, url TEXT, title TEXT, published TEXT, author TEXT,
      bytes INTEGER, encoding TEXT, format TEXT, entity_count INTEGER, indicator_count INTEGER,
      warnings TEXT, json TEXT NOT NULL, batch INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS entities (
      document TEXT NOT NULL, "index" INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL,
      kind TEXT, role TEXT, village TEXT, value TEXT, date TEXT, canonical TEXT, code TEXT,
      parent INTEGER, start_offset INTEGER, end_offset INTEGER, batch INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS indicators (
      document TEXT NOT NULL, "index" INTEGER NOT NULL, url TEXT, title TEXT, published TEXT,
      place TEXT, year INTEGER, about TEXT, value REAL, value_max REAL, total REAL, unit TEXT,
      kind TEXT, qualifier TEXT, trend TEXT, text TEXT, start_offset INTEGER, end_offset INTEGER,
      batch INTEGER NOT NULL);
    """

  /// Built by `createIndexes()` once a run has finished.
  static let indexes = """
    CREATE UNIQUE INDEX IF NOT EXISTS documents_id ON documents(id);
    CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
    CREATE UNIQUE INDEX IF NOT EXISTS entities_document ON entities(document, "index");
    CREATE INDEX IF NOT EXISTS entities_type_text ON entities(type, text);
    CREATE UNIQUE INDEX IF NOT EXISTS indicators_document ON indicators(document, "index");
    CREATE INDEX IF NOT EXISTS indicators_unit ON indicators(unit);
    CREATE INDEX IF NOT EXISTS indicators_about ON indicators(about);
    CREATE INDEX IF NOT EXISTS indicators_place_year ON indicators(place, year);
    """

  /// Deletes the rows of batches after `batch` (written before a crash, never confirmed).
  ///
  /// Rows are appended in batch order, so the unconfirmed ones are the last rowids: the scan
  /// walks back from the end and stops at the first confirmed row, whatever the table size.
  func rollBack(after batch: Int) throws(BatchError) {
    do {
      try queue.write { db in
        for table in ["documents", "entities", "indicators"] {
          var cut: Int64?
          let rows = try Row.fetchCursor(db, sql: "SELECT rowid, batch FROM \(table) ORDER BY rowid DESC")
          while let row = try rows.next() {
            guard (row[1] as Int) > batch else { break }
            cut = row[0]
          }
          if let cut { try db.execute(sql: "DELETE FROM \(table) WHERE rowid >= ?", arguments: [cut]) }
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
          sql: "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let entities = try db.cachedStatement(
          sql: "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let indicators = try db.cachedStatement(
          sql: """
            INSERT INTO indicators VALUES
            (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
          let document = row.document
          let id = row.hash.description
          let place = document.indicators.map { DatasetRows.place(of: $0, in: document) }
          var insert = RowInsert(documents, db: db)
          insert.text(id)
          insert.text(document.source.path)
          insert.text(document.meta.url)
          insert.text(document.meta.title)
          insert.text(document.meta.published)
          insert.text(document.meta.author)
          insert.integer(document.source.bytes)
          insert.text(document.source.encoding)
          insert.text(document.source.format)
          insert.integer(document.entities.count)
          insert.integer(document.indicators.count)
          insert.text(document.warnings.isEmpty ? nil : document.warnings.joined(separator: "\n"))
          insert.bytes(row.json.dropLast())
          insert.integer(batch)
          try insert.run()
          for (index, entity) in document.entities.enumerated() {
            var insert = RowInsert(entities, db: db)
            insert.text(id)
            insert.integer(index)
            insert.text(entity.type.rawValue)
            insert.text(entity.text)
            insert.text(entity.kind)
            insert.text(entity.role)
            insert.text(entity.village)
            insert.text(entity.value)
            insert.text(entity.date)
            insert.text(entity.canonical)
            insert.text(entity.code)
            insert.integer(entity.parent)
            insert.integer(entity.start)
            insert.integer(entity.end)
            insert.integer(batch)
            try insert.run()
          }
          for (index, indicator) in document.indicators.enumerated() {
            var insert = RowInsert(indicators, db: db)
            insert.text(id)
            insert.integer(index)
            insert.text(document.meta.url)
            insert.text(document.meta.title)
            insert.text(document.meta.published)
            insert.text(place[index])
            insert.integer(indicator.year)
            insert.text(indicator.about)
            insert.real(indicator.value)
            insert.real(indicator.valueMax)
            insert.real(indicator.total)
            insert.text(indicator.unit)
            insert.text(indicator.kind.rawValue)
            insert.text(indicator.qualifier?.rawValue)
            insert.text(indicator.trend?.rawValue)
            insert.text(indicator.text)
            insert.integer(indicator.start)
            insert.integer(indicator.end)
            insert.integer(batch)
            try insert.run()
          }
        }
      }
    } catch {
      throw .database("insert: \(error)")
    }
  }

  /// Builds the indexes (a no-op when they exist). Run once a batch has finished: building
  /// an index from a full table is one sort, where maintaining it during the inserts
  /// rewrites its pages in every transaction.
  func createIndexes() throws(BatchError) {
    do {
      try queue.write { db in try db.execute(sql: Self.indexes) }
      // Leaves vnx.sqlite alone in the folder: the (empty) journal file goes.
      try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
    } catch {
      throw .database("indexes: \(error)")
    }
  }
}

/// Binds the values of one row straight to SQLite, column after column, and runs the insert.
///
/// GRDB's `execute(arguments:)` boxes every value into a `DatabaseValue` first; for the
/// tens of entity and indicator rows of each document that was a tenth of the writer's time.
private struct RowInsert {
  private let statement: SQLiteStatement
  private let db: Database
  private var column: Int32 = 0
  private var status = SQLITE_OK

  init(_ statement: Statement, db: Database) {
    self.statement = statement.sqliteStatement
    self.db = db
  }

  /// SQLite copies the bytes (the Swift buffer is gone after the call).
  private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  private mutating func next(_ bind: (SQLiteStatement, Int32) -> Int32) {
    column += 1
    if status == SQLITE_OK { status = bind(statement, column) }
  }

  mutating func text(_ value: String?) {
    guard var value else { return next { sqlite3_bind_null($0, $1) } }
    next { statement, column in value.withUTF8 { Self.bindText($0, to: statement, at: column) } }
  }

  mutating func bytes(_ value: ArraySlice<UInt8>) {
    next { statement, column in value.withUnsafeBufferPointer { Self.bindText($0, to: statement, at: column) } }
  }

  private static func bindText(
    _ utf8: UnsafeBufferPointer<UInt8>, to statement: SQLiteStatement, at column: Int32
  ) -> Int32 {
    guard let base = utf8.baseAddress, !utf8.isEmpty else {
      return "".withCString { sqlite3_bind_text(statement, column, $0, 0, transient) }
    }
    return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
      sqlite3_bind_text(statement, column, $0, Int32(utf8.count), transient)
    }
  }

  mutating func integer(_ value: Int?) {
    guard let value else { return next { sqlite3_bind_null($0, $1) } }
    next { sqlite3_bind_int64($0, $1, Int64(value)) }
  }

  mutating func real(_ value: Double?) {
    guard let value else { return next { sqlite3_bind_null($0, $1) } }
    next { sqlite3_bind_double($0, $1, value) }
  }

  func run() throws {
    defer { sqlite3_reset(statement) }
    guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: db.lastErrorMessage) }
    let result = sqlite3_step(statement)
    guard result == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: result), message: db.lastErrorMessage) }
  }
}
