import Foundation
import GRDB
import Testing
import VNX
@testable import VNXBatch

/// The package root, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// A fresh folder under the system temporary folder.
func temporaryFolder(_ name: String) -> String {
  let path = NSTemporaryDirectory() + "vnx-batch-tests-\(name)-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// A small corpus: the first corpus articles, a broken (binary) file in the middle and a JSON
/// Lines file of scraped records with one broken line.
func makeCorpus(articles: Int = 8) throws -> String {
  let folder = temporaryFolder("corpus")
  let source = packageRoot.appendingPathComponent("corpus/articles").path
  let names = try FileManager.default.contentsOfDirectory(atPath: source)
    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted().prefix(articles)
  for (index, name) in names.enumerated() {
    try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/\(index + 10)-" + name)
  }
  // Sorts between the articles: 14-broken.txt.
  try Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 64))
    .write(to: URL(fileURLWithPath: folder + "/14-broken.txt"))
  let records = """
    {"url": "https://baolaichau.vn/a/1", "text": "Huyện Tam Đường có 1.250 hộ nghèo, giảm 3,5% so với năm 2022."}
    {"url": "https://baolaichau.vn/a/2", "html": "<html><head><title>Xã Bản Hon</title></head><body><h1>Xã Bản Hon kết nạp 12 đảng viên mới</h1><p>Năm 2023, Đảng bộ xã Bản Hon kết nạp 12 đảng viên mới, vượt 20% chỉ tiêu.</p></body></html>"}
    {"url": "https://baolaichau.vn/a/3", "text": "unterminated
    {"url": "https://baolaichau.vn/a/1", "text": "Huyện Tam Đường có 1.250 hộ nghèo, giảm 3,5% so với năm 2022."}

    """
  try Data(records.utf8).write(to: URL(fileURLWithPath: folder + "/99-records.jsonl"))
  return folder
}

func runBatch(_ inputs: [String], out: String, jobs: Int, commitCount: Int = 256) throws -> BatchRunner.Progress {
  var options = BatchRunner.Options()
  options.jobs = jobs
  options.commitCount = commitCount
  return try BatchRunner(options: options).run(try InputFiles(inputs), out: out)
}

func contents(_ folder: String, _ name: String) -> [UInt8] {
  [UInt8](FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
}

let textOutputs = ["documents.jsonl", "entities.csv", "indicators.csv", "errors.jsonl"]

@Suite("Batch runs", .serialized)
struct BatchRunnerTests {
  @Test("A broken file in the middle goes to errors.jsonl and the batch goes on")
  func brokenFileInTheMiddle() throws {
    let corpus = try makeCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("broken")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let summary = try runBatch([corpus], out: out, jobs: 2)
    // 8 articles + 2 good records (the 4th line repeats the 1st: done once).
    #expect(summary.documents == 10)
    #expect(summary.errors == 2)
    #expect(summary.skipped == 1)
    let errors = String(decoding: contents(out, "errors.jsonl"), as: UTF8.self).split(separator: "\n")
    #expect(errors.count == 2)
    #expect(errors[0].contains("14-broken.txt") && errors[0].contains("not text"))
    #expect(errors[1].contains("99-records.jsonl#line 3") && errors[1].contains("does not parse"))
    let documents = String(decoding: contents(out, "documents.jsonl"), as: UTF8.self).split(separator: "\n")
    #expect(documents.count == 10)
    // In input order: the articles after the broken file are there, the records last.
    #expect(documents[5].contains("\"path\":\"\(corpus)/15-"))
    #expect(documents[9].contains("99-records.jsonl#line 2"))
  }

  @Test("Output is byte-identical whatever the number of jobs")
  func deterministicAcrossJobs() throws {
    let corpus = try makeCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let one = temporaryFolder("jobs1")
    defer { try? FileManager.default.removeItem(atPath: one) }
    let three = temporaryFolder("jobs3")
    defer { try? FileManager.default.removeItem(atPath: three) }
    _ = try runBatch([corpus], out: one, jobs: 1, commitCount: 3)
    _ = try runBatch([corpus], out: three, jobs: 3, commitCount: 5)
    for name in textOutputs {
      #expect(contents(one, name) == contents(three, name), "\(name) differs")
      #expect(!contents(one, name).isEmpty)
    }
  }

  @Test("A rerun skips every input already done and changes nothing")
  func rerunSkips() throws {
    let corpus = try makeCorpus(articles: 4)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("rerun")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 2)
    let before = textOutputs.map { contents(out, $0) }
    let again = try runBatch([corpus], out: out, jobs: 2)
    #expect(again.documents == 0 && again.errors == 0)
    #expect(again.skipped == 4 + 1 + 4)
    #expect(textOutputs.map { contents(out, $0) } == before)
  }

  /// A crash between the outputs and the ledger leaves torn lines and an unconfirmed batch;
  /// the rerun must cut them, redo the work, and end exactly like an uninterrupted run.
  @Test(
    "Resume after a crash: no duplicates, nothing lost",
    arguments: [(tornLedger: true, unconfirmedBatch: true), (false, true), (true, false)])
  func resumeAfterCrash(tornLedger: Bool, unconfirmedBatch: Bool) throws {
    let corpus = try makeCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let reference = temporaryFolder("reference")
    defer { try? FileManager.default.removeItem(atPath: reference) }
    _ = try runBatch([corpus], out: reference, jobs: 2)

    let out = temporaryFolder("crashed")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let files = try InputFiles([corpus]).files.map(\.path)
    _ = try runBatch(Array(files.prefix(6)), out: out, jobs: 2, commitCount: 2)
    let ledger = out + "/done.jsonl"
    var lines = String(decoding: contents(out, "done.jsonl"), as: UTF8.self).split(separator: "\n")
    if unconfirmedBatch { lines.removeLast() }
    var ledgerText = lines.joined(separator: "\n") + "\n"
    if tornLedger { ledgerText += "{\"batch\":99,\"formats\":[\"csv\"" }
    try Data(ledgerText.utf8).write(to: URL(fileURLWithPath: ledger))
    for name in textOutputs {
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out + "/" + name))
      handle.seekToEndOfFile()
      handle.write(Data("{\"schema\":\"vnx.document/1\",\"half a li".utf8))
      try handle.close()
    }

    _ = try runBatch([corpus], out: out, jobs: 2)
    for name in textOutputs {
      #expect(contents(out, name) == contents(reference, name), "\(name) differs from an uninterrupted run")
    }
    let queue = try DatabaseQueue(path: out + "/vnx.sqlite")
    let ids = try queue.read { try String.fetchAll($0, sql: "SELECT id FROM documents") }
    #expect(ids.count == 10)
    #expect(Set(ids).count == ids.count)
  }

  @Test("The SQLite tables hold exactly what documents.jsonl holds")
  func sqliteEqualsJSONLines() throws {
    let corpus = try makeCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("sqlite")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 2, commitCount: 3)
    #expect(!FileManager.default.fileExists(atPath: out + "/vnx.sqlite-journal"))
    let decoder = JSONDecoder()
    let documents = try String(decoding: contents(out, "documents.jsonl"), as: UTF8.self)
      .split(separator: "\n").map { try decoder.decode(Document.self, from: Data($0.utf8)) }
    let queue = try DatabaseQueue(path: out + "/vnx.sqlite")
    try queue.read { db in
      // Built once at the end of the run, not maintained row by row.
      let indexes = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      #expect(
        indexes == [
          "documents_id", "documents_published", "entities_text_type", "indicators_about",
          "indicators_place_year",
        ])
      #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SQLiteDataset.version)
      let rows = try Row.fetchAll(db, sql: "SELECT * FROM documents ORDER BY rowid")
      #expect(rows.count == documents.count)
      for (row, document) in zip(rows, documents) {
        #expect(row["id"] as String == document.source.sha256)
        #expect(row["path"] as String? == document.source.path)
        #expect(row["title"] as String? == document.meta.title)
        #expect(row["published"] as String? == document.meta.published)
        #expect(try decoder.decode(Document.self, from: Data((row["json"] as String).utf8)) == document)
        let entities = try Row.fetchAll(
          db, sql: "SELECT * FROM entities WHERE document = ? ORDER BY \"index\"", arguments: [document.source.sha256])
        #expect(entities.count == document.entities.count)
        for (entityRow, entity) in zip(entities, document.entities) {
          #expect(entityRow["type"] as String == entity.type.rawValue)
          #expect(entityRow["text"] as String == entity.text)
          #expect(entityRow["start_offset"] as Int == entity.start)
          #expect(entityRow["end_offset"] as Int == entity.end)
          #expect(entityRow["parent"] as Int? == entity.parent)
        }
        let indicators = try Row.fetchAll(
          db, sql: "SELECT * FROM indicators WHERE document = ? ORDER BY \"index\"", arguments: [document.source.sha256])
        #expect(indicators.count == document.indicators.count)
        for (indicatorRow, indicator) in zip(indicators, document.indicators) {
          #expect(indicatorRow["url"] as String? == document.meta.url)
          #expect(indicatorRow["title"] as String? == document.meta.title)
          #expect(indicatorRow["published"] as String? == document.meta.published)
          #expect(indicatorRow["value"] as Double == indicator.value)
          #expect(indicatorRow["unit"] as String == indicator.unit)
          #expect(indicatorRow["text"] as String == indicator.text)
          #expect(indicatorRow["about"] as String? == indicator.about)
          #expect(indicatorRow["year"] as Int? == indicator.year)
          #expect(indicatorRow["qualifier"] as String? == indicator.qualifier?.rawValue)
          #expect(indicatorRow["start_offset"] as Int == indicator.start)
        }
      }
      let entityTotal = try Int.fetchOne(db, sql: "SELECT count(*) FROM entities") ?? 0
      #expect(entityTotal == documents.reduce(0) { $0 + $1.entities.count })
      let indicatorTotal = try Int.fetchOne(db, sql: "SELECT count(*) FROM indicators") ?? 0
      #expect(indicatorTotal == documents.reduce(0) { $0 + $1.indicators.count })
    }
    // The CSV files hold one row per entity and indicator, readable back by an RFC 4180 parser.
    let indicatorRows = CSV.parse(String(decoding: contents(out, "indicators.csv"), as: UTF8.self))
    #expect(indicatorRows.first == DatasetColumns.indicatorCSV)
    #expect(indicatorRows.count - 1 == documents.reduce(0) { $0 + $1.indicators.count })
    let entityRows = CSV.parse(String(decoding: contents(out, "entities.csv"), as: UTF8.self))
    #expect(entityRows.count - 1 == documents.reduce(0) { $0 + $1.entities.count })
    #expect(entityRows.dropFirst().allSatisfy { $0.count == DatasetColumns.entityCSV.count })
  }

  @Test(
    "Lookups through the views use the indexes built at the end",
    arguments: [
      ("SELECT * FROM entities WHERE text = 'An Giang'", "entities_text_type"),
      ("SELECT * FROM entities WHERE type = 'province' AND text = 'An Giang'", "entities_text_type"),
      ("SELECT * FROM indicators WHERE about = 'tỷ lệ hộ nghèo'", "indicators_about"),
      ("SELECT * FROM indicators WHERE place = 'An Giang' AND year = 2024", "indicators_place_year"),
      ("SELECT * FROM indicators WHERE place = 'An Giang'", "indicators_place_year"),
      ("SELECT * FROM documents WHERE id = 'x'", "documents_id"),
    ])
  func lookupsUseIndexes(_ query: String, _ index: String) throws {
    let corpus = try makeCorpus(articles: 2)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("plan")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 1)
    let plan = try DatabaseQueue(path: out + "/vnx.sqlite").read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("USING INDEX \(index)") || $0.contains("USING COVERING INDEX \(index)") })
  }

  @Test("The README's query runs on the views, and the CSV columns are the views' columns")
  func readmeQuery() throws {
    let corpus = try makeCorpus()
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("readme")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 1)
    let queue = try DatabaseQueue(path: out + "/vnx.sqlite")
    try queue.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT d.title, i.value, i.unit, i.about FROM indicators i JOIN documents d ON d.id = i.document
          WHERE i.unit = 'hộ' ORDER BY i.value DESC LIMIT 10
          """)
      #expect(rows.contains { $0["value"] as Double == 1250 })
      let viewRows = try Row.fetchAll(
        db,
        sql: """
          SELECT title, value, unit, about, place, year FROM indicators WHERE unit = 'hộ'
          ORDER BY value DESC LIMIT 10
          """)
      #expect(viewRows.map { $0["value"] as Double } == rows.map { $0["value"] as Double })
      for (view, header) in [("entities", DatasetColumns.entityCSV), ("indicators", DatasetColumns.indicatorCSV)] {
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(view))").map { $0["name"] as String }
        #expect(Set(header).isSubset(of: Set(columns)), "\(view): \(columns)")
      }
    }
  }

  @Test("A folder whose vnx.sqlite has the first schema is refused with a clear message")
  func firstSchemaRefused() throws {
    let corpus = try makeCorpus(articles: 2)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("schema1")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 1)
    // What the first vnx batch wrote: tables keyed by the content hash, no user_version.
    let queue = try DatabaseQueue(path: out + "/vnx.sqlite")
    try queue.write { db in
      try db.execute(
        sql: """
          DROP VIEW entities; DROP VIEW indicators;
          CREATE TABLE entities (document TEXT NOT NULL, "index" INTEGER NOT NULL, batch INTEGER NOT NULL);
          CREATE TABLE indicators (document TEXT NOT NULL, "index" INTEGER NOT NULL, batch INTEGER NOT NULL);
          PRAGMA user_version = 0;
          """)
    }
    try queue.close()
    #expect {
      _ = try runBatch([corpus], out: out, jobs: 1)
    } throws: { error in
      "\(error)".contains("earlier vnx batch") && "\(error)".contains("another --out")
    }
  }

  @Test("A folder of schema 2 resumes: same tables, and its unit index goes when the run finishes")
  func secondSchemaResumes() throws {
    let corpus = try makeCorpus(articles: 2)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("schema2")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 1)
    let queue = try DatabaseQueue(path: out + "/vnx.sqlite")
    try queue.write { db in
      try db.execute(sql: "CREATE INDEX indicators_unit ON indicator_rows(unit); PRAGMA user_version = 2")
    }
    try queue.close()
    let rerun = try runBatch([corpus], out: out, jobs: 1)
    #expect(rerun.documents == 0)
    let (version, unitIndexes) = try DatabaseQueue(path: out + "/vnx.sqlite").read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'indicators_unit'")
      )
    }
    #expect(version == SQLiteDataset.version)
    #expect(unitIndexes == 0)
  }

  @Test("An output folder written with other formats is refused, not mixed")
  func formatsMustMatch() throws {
    let corpus = try makeCorpus(articles: 2)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("formats")
    defer { try? FileManager.default.removeItem(atPath: out) }
    _ = try runBatch([corpus], out: out, jobs: 1)
    var options = BatchRunner.Options()
    options.formats = [.jsonl]
    #expect(throws: BatchError.self) { try BatchRunner(options: options).run(try InputFiles([corpus]), out: out) }
  }

  /// An input that cannot be opened (here: gone after listing) goes to errors.jsonl once and
  /// counts as done; a rerun does not report it again, and once it is back it is processed.
  @Test("An input that cannot be opened is reported once, then processed when it can be read")
  func unreadableInput() throws {
    let corpus = try makeCorpus(articles: 3)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    let out = temporaryFolder("unreadable")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let inputs = try InputFiles([corpus])
    let victim = try #require(inputs.files.first { $0.path.hasSuffix(".txt") || $0.path.hasSuffix(".html") })
    let saved = contents(corpus, String(victim.path.dropFirst(corpus.count + 1)))
    try FileManager.default.removeItem(atPath: victim.path)
    var options = BatchRunner.Options()
    options.jobs = 2
    let first = try BatchRunner(options: options).run(inputs, out: out)
    let errors = String(decoding: contents(out, "errors.jsonl"), as: UTF8.self)
    #expect(errors.contains(victim.path) && errors.contains("cannot open"))
    let again = try BatchRunner(options: options).run(inputs, out: out)
    #expect(again.documents == 0 && again.errors == 0 && again.skipped == first.records)
    #expect(String(decoding: contents(out, "errors.jsonl"), as: UTF8.self) == errors)
    try Data(saved).write(to: URL(fileURLWithPath: victim.path))
    let restored = try BatchRunner(options: options).run(inputs, out: out)
    #expect(restored.documents == 1 && restored.errors == 0)
  }

  @Test("Named pipes and devices in a folder are not inputs")
  func specialFiles() throws {
    let corpus = try makeCorpus(articles: 1)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    #expect(mkfifo(corpus + "/pipe.txt", 0o644) == 0)
    #expect(try InputFiles([corpus]).files.allSatisfy { !$0.path.hasSuffix("pipe.txt") })
  }
}
