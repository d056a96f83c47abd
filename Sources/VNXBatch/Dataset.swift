import Foundation
import VNX

/// The output folder of a batch: datasets, `errors.jsonl`, and the ledger `done.jsonl` that
/// makes them crash-safe and resumable.
///
/// A batch is committed in order: its lines are appended to every file and synced, its rows
/// inserted into SQLite in one transaction, then one ledger line records the batch number, the
/// content hashes it finished and the size of every file after it. On opening, files are cut
/// back to the sizes of the last complete ledger line and SQLite rows of later batches are
/// deleted, so a `kill -9` at any moment leaves neither half a line nor a row the ledger does
/// not know, and loses nothing it confirmed.
final class Dataset {
  static let ledgerName = "done.jsonl"
  static let errorsName = "errors.jsonl"

  let folder: String
  let formats: Set<OutputFormat>
  /// Hashes of every input done (a document or an error) by earlier runs, as the ledger
  /// read at opening says (the runner keeps its own set for this run).
  private(set) var done: Set<ContentHash> = []
  private(set) var lastBatch = 0
  private var files: [String: AppendFile] = [:]
  private let ledger: AppendFile
  private let database: SQLiteDataset?
  private let encoder = DatasetRows.makeEncoder()

  /// The text files for `formats`, with the header each starts with.
  static func textFiles(for formats: Set<OutputFormat>) -> [(name: String, header: String)] {
    var names: [(String, String)] = []
    if formats.contains(.jsonl) { names.append(("documents.jsonl", "")) }
    if formats.contains(.csv) {
      names.append(("entities.csv", CSV.row(DatasetColumns.entityCSV)))
      names.append(("indicators.csv", CSV.row(DatasetColumns.indicatorCSV)))
    }
    names.append((errorsName, ""))
    return names
  }

  init(folder: String, formats: Set<OutputFormat>) throws(BatchError) {
    self.folder = folder
    self.formats = formats
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .output(path: folder, problem: "cannot create the folder: \(error.localizedDescription)")
    }
    let ledgerPath = path(Self.ledgerName)
    let textFiles = Self.textFiles(for: formats)
    if !FileManager.default.fileExists(atPath: ledgerPath) {
      let existing = (textFiles.map(\.name) + [SQLiteDataset.fileName]).filter {
        InputFiles.size(of: path($0)) > 0
      }
      if !existing.isEmpty {
        throw .output(
          path: folder,
          problem: "holds \(existing.joined(separator: ", ")) but no \(Self.ledgerName): "
            + "give an empty folder or one written by vnx batch")
      }
    }
    let (entries, validLength) = Self.readLedger(ledgerPath)
    ledger = try AppendFile(path: ledgerPath, truncatedTo: validLength)
    if let last = entries.last {
      lastBatch = last.batch
      if last.formats != formats {
        let before = last.formats.map(\.rawValue).sorted().joined(separator: ",")
        throw .output(
          path: folder,
          problem: "was written with --format \(before): rerun with it, or use another --out")
      }
      for entry in entries { done.formUnion(entry.done) }
      for (name, _) in textFiles {
        let recorded = last.sizes[name] ?? 0
        let current = InputFiles.size(of: path(name))
        if current < recorded {
          throw .output(
            path: path(name),
            problem: "is shorter (\(current) bytes) than \(Self.ledgerName) records (\(recorded)): "
              + "it was changed outside vnx; use another --out")
        }
        files[name] = try AppendFile(path: path(name), truncatedTo: recorded)
      }
    } else {
      for (name, header) in textFiles {
        let file = try AppendFile(path: path(name), truncatedTo: 0)
        try file.append(Array(header.utf8))
        files[name] = file
      }
    }
    if formats.contains(.sqlite) {
      let database = try SQLiteDataset(path: path(SQLiteDataset.fileName))
      try database.rollBack(after: lastBatch)
      self.database = database
    } else {
      database = nil
    }
  }

  struct LedgerEntry {
    var batch: Int
    var formats: Set<OutputFormat>
    var sizes: [String: Int]
    var done: [ContentHash]
  }

  /// The complete entries of a ledger and the length in bytes they span (a torn last line
  /// from a crash is left out).
  static func readLedger(_ path: String) -> ([LedgerEntry], Int) {
    guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
    var entries: [LedgerEntry] = []
    var length = 0
    let bytes = [UInt8](data)
    var start = 0
    while let newline = bytes[start...].firstIndex(of: 0x0A) {
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(bytes[start..<newline])) as? [String: Any],
        let batch = object["batch"] as? Int, let formatNames = object["formats"] as? [String],
        let sizes = object["sizes"] as? [String: Int], let hashes = object["done"] as? [String]
      else { break }
      entries.append(
        LedgerEntry(
          batch: batch, formats: Set(formatNames.compactMap(OutputFormat.init(rawValue:))), sizes: sizes,
          done: hashes.compactMap { ContentHash(hex: $0) }))
      start = newline + 1
      length = start
    }
    return (entries, length)
  }

  /// Writes one batch to every output, then confirms it in the ledger.
  func commit(_ rows: [DatasetRows], failures: [(RecordProcessor.Failure, ContentHash?)]) throws(BatchError) {
    guard !rows.isEmpty || !failures.isEmpty else { return }
    let batch = lastBatch + 1
    if let file = files["documents.jsonl"] { try file.append(rows.flatMap(\.json)) }
    if let file = files["entities.csv"] { try file.append(rows.flatMap(\.entityCSV)) }
    if let file = files["indicators.csv"] { try file.append(rows.flatMap(\.indicatorCSV)) }
    if let file = files[Self.errorsName] {
      var lines: [UInt8] = []
      for (failure, _) in failures {
        if let line = try? encoder.encode(failure) { lines += Array(line) + [0x0A] }
      }
      try file.append(lines)
    }
    for file in files.values { try file.sync() }
    try database?.insert(rows, batch: batch)
    let hashes = rows.map(\.hash) + failures.compactMap(\.1)
    let sizes = files.keys.sorted().map { "\"\($0)\":\(files[$0]!.size)" }.joined(separator: ",")
    let formatList = formats.map { "\"\($0.rawValue)\"" }.sorted().joined(separator: ",")
    let doneList = hashes.map { "\"\($0)\"" }.joined(separator: ",")
    let line = "{\"batch\":\(batch),\"formats\":[\(formatList)],\"sizes\":{\(sizes)},\"done\":[\(doneList)]}\n"
    try ledger.append(Array(line.utf8))
    try ledger.sync()
    lastBatch = batch
  }

  /// Builds the SQLite indexes; called once every input is done.
  func finish() throws(BatchError) { try database?.createIndexes() }
}
