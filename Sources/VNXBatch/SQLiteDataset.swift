import Foundation
import GRDB
import VNX

#if canImport(GRDBSQLite)
  import GRDBSQLite
#else
  import SQLite3
#endif

/// `vnx.sqlite`: the documents, entities and indicators ready for SQL, written through GRDB,
/// one transaction per batch, synchronous FULL (a commit survives a power cut, so the ledger
/// written after it never confirms rows that could vanish).
///
/// Tables and views (schema version 3, `PRAGMA user_version`; version 2 had the same tables and
/// one more index, dropped when a resumed run of it finishes):
///
///     documents(key INTEGER PRIMARY KEY, id, path, url, title, published, …, json, batch)
///     entity_rows(document_key, "index", type, text, …)      -- key (document_key, "index")
///     indicator_rows(document_key, "index", place, year, …)  -- key (document_key, "index")
///     entities    view: document (the content hash), "index", type, text, …
///     indicators  view: document, "index", url, title, published, place, year, …
///
/// `id` (and `document` in the views) is the content hash, as in `documents.jsonl` and the
/// CSV files; the child tables refer to a document by its integer `key` instead of repeating
/// the 64-character hash (and the indicators' url, title and published) in every row. They are
/// clustered on (document_key, "index"), keys that only grow as rows are appended, so every
/// insert lands on the last page and a document's rows are found without a separate index.
///
/// Written for bulk loading: the secondary indexes (document ids, entities by text and type,
/// indicators by about, place and year) are built once at the end of a finished run
/// (`createIndexes()`) rather than updated row by row. The journal is a rollback journal,
/// truncated after each commit: appended pages are written once, where a write-ahead log
/// writes every page twice (log, then checkpoint).
///
/// Every row carries the number of the batch that wrote it, so that a rerun after a crash can
/// delete what the ledger never confirmed (`rollBack(after:)`).
final class SQLiteDataset {
  static let fileName = "vnx.sqlite"
  static let version = 3

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
    } catch {
      throw .database("\(path): \(error)")
    }
    let found: (version: Int, hashKeyedTables: Bool)
    do {
      found = try queue.read { db in
        (
          try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
          try Bool.fetchOne(
            db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'entities'") ?? false
        )
      }
    } catch {
      throw .database("\(path): \(error)")
    }
    if found.hashKeyedTables {
      throw .output(
        path: path,
        problem: "was written by an earlier vnx batch (tables entities and indicators keyed by "
          + "content hash, now views over entity_rows and indicator_rows): it cannot be resumed; "
          + "use another --out")
    }
    if found.version > Self.version {
      throw .output(
        path: path,
        problem: "has schema version \(found.version), newer than this vnx (\(Self.version)): use another --out")
    }
    do {
      try queue.write { db in
        try db.execute(sql: Self.schema)
        try db.execute(sql: "PRAGMA user_version = \(Self.version)")
      }
    } catch {
      throw .database("\(path): \(error)")
    }
  }

  private static func columns(_ columns: [DatasetColumns.Column], prefix: String = "") -> String {
    columns.map { "\(prefix)\"\($0.name)\"" + (prefix.isEmpty ? " \($0.type)" : "") }
      .joined(separator: ", ")
  }

  static let schema = """
    CREATE TABLE IF NOT EXISTS documents (
      key INTEGER PRIMARY KEY, id TEXT NOT NULL, path TEXT, url TEXT, title TEXT, published TEXT,
      author TEXT, bytes INTEGER, encoding TEXT, format TEXT, entity_count INTEGER,
      indicator_count INTEGER, warnings TEXT, json TEXT NOT NULL, batch INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS entity_rows (
      document_key INTEGER NOT NULL, \(columns(DatasetColumns.entity)), batch INTEGER NOT NULL,
      PRIMARY KEY (document_key, "index")) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS indicator_rows (
      document_key INTEGER NOT NULL, "index" INTEGER NOT NULL, \(columns(DatasetColumns.indicator)),
      batch INTEGER NOT NULL, PRIMARY KEY (document_key, "index")) WITHOUT ROWID;
    CREATE VIEW IF NOT EXISTS entities AS
      SELECT d.id AS document, \(columns(DatasetColumns.entity, prefix: "e.")), e.batch AS batch
      FROM entity_rows AS e JOIN documents AS d ON d.key = e.document_key;
    CREATE VIEW IF NOT EXISTS indicators AS
      SELECT d.id AS document, i."index" AS "index", d.url AS url, d.title AS title,
        d.published AS published, \(columns(DatasetColumns.indicator, prefix: "i.")), i.batch AS batch
      FROM indicator_rows AS i JOIN documents AS d ON d.key = i.document_key;
    """

  /// Built by `createIndexes()` once a run has finished.
  ///
  /// Their order and shape keep SQLite's sort (most of the build) cheap: it compares keys by
  /// their first text column with one `memcmp`, decodes the rest of both keys only on a tie,
  /// and drops that fast path for the whole sort once one key starts with NULL. So entities are
  /// indexed by text, then type (type first, nine values tied in nearly every comparison, took
  /// 46 % more instructions), and `about` and `place` index only the indicators that have
  /// one (32 % and 20 % fewer instructions); a query comparing the column (`about = ?`,
  /// `place = ? AND year = ?`) uses them.
  ///
  /// There is no index on `unit`: about 140 distinct values, the four commonest on half of the
  /// rows, so `WHERE unit = ?` reads a large share of the table through it, and the README's
  /// query took 0.07 s with or without it on 100 MB; building it was 14 % of the tail.
  static let indexes = """
    CREATE UNIQUE INDEX IF NOT EXISTS documents_id ON documents(id);
    CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
    DROP INDEX IF EXISTS entities_type_text;
    DROP INDEX IF EXISTS indicators_unit;
    CREATE INDEX IF NOT EXISTS entities_text_type ON entity_rows(text, type);
    CREATE INDEX IF NOT EXISTS indicators_about ON indicator_rows(about) WHERE about IS NOT NULL;
    CREATE INDEX IF NOT EXISTS indicators_place_year ON indicator_rows(place, year) WHERE place IS NOT NULL;
    """

  /// Deletes the rows of batches after `batch` (written before a crash, never confirmed).
  ///
  /// Rows are appended in batch order, so the unconfirmed ones have the last keys: the scan
  /// walks back from the end and stops at the first confirmed row, whatever the table size.
  func rollBack(after batch: Int) throws(BatchError) {
    do {
      try queue.write { db in
        for (table, key) in [("entity_rows", "document_key"), ("indicator_rows", "document_key"), ("documents", "key")] {
          var cut: Int64?
          let rows = try Row.fetchCursor(db, sql: "SELECT \(key), batch FROM \(table) ORDER BY \(key) DESC")
          while let row = try rows.next() {
            guard (row[1] as Int) > batch else { break }
            cut = row[0]
          }
          if let cut { try db.execute(sql: "DELETE FROM \(table) WHERE \(key) >= ?", arguments: [cut]) }
        }
      }
    } catch {
      throw .database("rollback: \(error)")
    }
  }

  /// The values `write(_:id:to:)` writes: the columns of `documents` but key, json and batch.
  static let documentColumns = 12

  /// A document's own columns, in table order from `id` to `warnings`.
  static func write(_ document: Document, id: String, to row: inout SQLiteValues) {
    row.field(id)
    row.field(document.source.path)
    row.field(document.meta.url)
    row.field(document.meta.title)
    row.field(document.meta.published)
    row.field(document.meta.author)
    row.field(document.source.bytes)
    row.field(document.source.encoding)
    row.field(document.source.format)
    row.field(document.entities.count)
    row.field(document.indicators.count)
    row.field(document.warnings.isEmpty ? nil : document.warnings.joined(separator: "\n"))
  }

  /// Inserts the documents of one batch in one transaction, binding the values the workers
  /// prepared (`DatasetRows.sqlite`).
  func insert(_ rows: [DatasetRows], batch: Int) throws(BatchError) {
    do {
      try queue.write { db in
        let documents = try db.cachedStatement(
          sql: "INSERT INTO documents VALUES (NULL, \(Self.parameters(Self.documentColumns)), ?, ?)")
        let entities = try db.cachedStatement(
          sql: "INSERT INTO entity_rows VALUES (?, \(Self.parameters(DatasetColumns.entity.count)), ?)")
        let indicators = try db.cachedStatement(
          sql: "INSERT INTO indicator_rows VALUES (?, ?, \(Self.parameters(DatasetColumns.indicator.count)), ?)")
        for row in rows {
          let values = row.sqlite.values
          try row.json.withUnsafeBufferPointer { json in try row.sqlite.bytes.withUnsafeBufferPointer { text in
            var next = values.startIndex
            func bind(_ insert: inout RowInsert, _ count: Int) {
              for value in values[next..<next + count] { insert.bind(value, text: text) }
              next += count
            }
            var insert = RowInsert(documents, db: db)
            bind(&insert, Self.documentColumns)
            insert.text(UnsafeBufferPointer(rebasing: json.dropLast()))
            insert.bind(.integer(Int64(batch)), text: text)
            try insert.run()
            let key = SQLiteValues.Value.integer(db.lastInsertedRowID)
            for _ in 0..<row.entityCount {
              var insert = RowInsert(entities, db: db)
              insert.bind(key, text: text)
              bind(&insert, DatasetColumns.entity.count)
              insert.bind(.integer(Int64(batch)), text: text)
              try insert.run()
            }
            for index in 0..<row.indicatorCount {
              var insert = RowInsert(indicators, db: db)
              insert.bind(key, text: text)
              insert.bind(.integer(Int64(index)), text: text)
              bind(&insert, DatasetColumns.indicator.count)
              insert.bind(.integer(Int64(batch)), text: text)
              try insert.run()
            }
          } }
        }
      }
    } catch {
      throw .database("insert: \(error)")
    }
  }

  private static func parameters(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
  }

  /// Builds the indexes (a no-op when they exist). Run once a batch has finished: building
  /// an index from a full table is one sort, where maintaining it during the inserts
  /// rewrites its pages in every transaction. The sort may use two more threads.
  ///
  /// SQLite's sorter sorts runs as large as the page cache in memory, then merges them: with a
  /// 2 MB cache instead of 8 the runs it sorts fit the CPU caches and more of them go to the
  /// sorter threads (at the 1 GB scale 19.3–19.8 s instead of 22.4–26.3 s of wall for the
  /// whole build; 1 and 4 MB were no better). The inserts keep 8 MB: a commit's new pages fit,
  /// so none is written (after a journal sync) before the commit.
  func createIndexes() throws(BatchError) {
    do {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA threads = 2")
        try db.execute(sql: "PRAGMA cache_size = -2048")
      }
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
/// Texts are bound without a copy (`SQLITE_STATIC`): their buffer outlives `run()`, which
/// steps and resets the statement.
private struct RowInsert {
  private let statement: SQLiteStatement
  private let db: Database
  private var column: Int32 = 0
  private var status = SQLITE_OK

  init(_ statement: Statement, db: Database) {
    self.statement = statement.sqliteStatement
    self.db = db
  }

  mutating func bind(_ value: SQLiteValues.Value, text: UnsafeBufferPointer<UInt8>) {
    column += 1
    guard status == SQLITE_OK else { return }
    switch value {
    case .null: status = sqlite3_bind_null(statement, column)
    case .integer(let integer): status = sqlite3_bind_int64(statement, column, integer)
    case .real(let real): status = sqlite3_bind_double(statement, column, real)
    case .text(let start, let count):
      status = Self.bindText(UnsafeBufferPointer(rebasing: text[Int(start)..<Int(start + count)]), to: statement, at: column)
    }
  }

  mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
    column += 1
    guard status == SQLITE_OK else { return }
    status = Self.bindText(utf8, to: statement, at: column)
  }

  private static func bindText(
    _ utf8: UnsafeBufferPointer<UInt8>, to statement: SQLiteStatement, at column: Int32
  ) -> Int32 {
    guard let base = utf8.baseAddress, !utf8.isEmpty else {
      return "".withCString { sqlite3_bind_text(statement, column, $0, 0, transient) }
    }
    return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
      sqlite3_bind_text(statement, column, $0, Int32(utf8.count), nil)
    }
  }

  /// SQLite copies these bytes (the Swift buffer is gone after the call).
  private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  func run() throws {
    defer { sqlite3_reset(statement) }
    guard status == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: status), message: db.lastErrorMessage) }
    let result = sqlite3_step(statement)
    guard result == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: result), message: db.lastErrorMessage) }
  }
}
