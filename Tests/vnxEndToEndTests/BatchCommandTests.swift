import Foundation
import Testing
import VNXTestSupport

private let packageRoot = VNXCommand.packageRoot

private let datasets = ["documents.jsonl", "entities.csv", "indicators.csv", "errors.jsonl"]

/// Starts `vnx ARGUMENTS` with standard error in `log`.
private func start(_ arguments: [String], log: String) throws -> Process {
  try VNXCommand.start(arguments, errorLog: log)
}

/// A corpus of `copies` varied copies of the corpus articles (a trailing line makes each copy
/// a different input), plus one broken file.
private func makeCorpus(copies: Int) throws -> String {
  let folder = NSTemporaryDirectory() + "vnx-batch-e2e-\(UUID().uuidString)"
  let source = packageRoot.appendingPathComponent("corpus/articles").path
  let names = try FileManager.default.contentsOfDirectory(atPath: source)
    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
  for copy in 0..<copies {
    let target = folder + "/copy\(copy)"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    for name in names {
      var bytes = try Data(contentsOf: URL(fileURLWithPath: source + "/" + name))
      if copy > 0 { bytes.append(contentsOf: Array("\n\(copy)\n".utf8)) }
      try bytes.write(to: URL(fileURLWithPath: target + "/" + name))
    }
  }
  try Data([0, 0, 0, 0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 50))
    .write(to: URL(fileURLWithPath: folder + "/copy0/zz-image.txt"))
  return folder
}

private func read(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

@Test("vnx batch writes every dataset, reports errors and a summary")
func batchWritesDatasets() throws {
  let corpus = try makeCorpus(copies: 1)
  defer { try? FileManager.default.removeItem(atPath: corpus) }
  let out = corpus + "-out"
  defer { try? FileManager.default.removeItem(atPath: out) }
  let process = try start(["batch", corpus, "--out", out, "--jobs", "2"], log: corpus + ".log")
  process.waitUntilExit()
  let log = String(decoding: read(corpus + ".log"), as: UTF8.self)
  #expect(process.terminationStatus == 0, "\(log)")
  for name in datasets + ["vnx.sqlite", "done.jsonl"] {
    #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) missing")
  }
  #expect(log.contains(" documents, 1 errors in "))
  #expect(String(decoding: read(out + "/errors.jsonl"), as: UTF8.self).contains("zz-image.txt"))
  let missing = try start(["batch", corpus + "/nothing-here", "--out", out], log: corpus + ".log2")
  missing.waitUntilExit()
  #expect(missing.terminationStatus == 2)
  #expect(String(decoding: read(corpus + ".log2"), as: UTF8.self).contains("nothing-here: no such file"))
}

/// kill -9 while running, then SIGTERM while running, then a rerun to the end: the datasets
/// must equal those of an uninterrupted run, byte for byte.
@Test("Killed and stopped runs resume to exactly the uninterrupted result")
func batchSurvivesKill() throws {
  let corpus = try makeCorpus(copies: 2)
  defer { try? FileManager.default.removeItem(atPath: corpus) }
  let reference = corpus + "-reference"
  let out = corpus + "-out"
  defer {
    try? FileManager.default.removeItem(atPath: reference)
    try? FileManager.default.removeItem(atPath: out)
  }
  let full = try start(["batch", corpus, "--out", reference, "--jobs", "2"], log: corpus + ".ref.log")
  full.waitUntilExit()
  #expect(full.terminationStatus == 0)

  func waitForLedger(_ lines: Int, _ process: Process) {
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning, Date() < deadline {
      let ledger = String(decoding: read(out + "/done.jsonl"), as: UTF8.self)
      if ledger.split(separator: "\n").count >= lines { return }
      usleep(20_000)
    }
  }
  let killed = try start(["batch", corpus, "--out", out, "--jobs", "1"], log: corpus + ".1.log")
  waitForLedger(1, killed)
  kill(killed.processIdentifier, SIGKILL)
  killed.waitUntilExit()

  let stopped = try start(["batch", corpus, "--out", out, "--jobs", "2"], log: corpus + ".2.log")
  let before = String(decoding: read(out + "/done.jsonl"), as: UTF8.self).split(separator: "\n").count
  waitForLedger(before + 1, stopped)
  let wasRunning = stopped.isRunning
  kill(stopped.processIdentifier, SIGTERM)
  stopped.waitUntilExit()
  if wasRunning {
    #expect(stopped.terminationStatus == 130 || stopped.terminationStatus == 0)
  }

  let resumed = try start(["batch", corpus, "--out", out, "--jobs", "2"], log: corpus + ".3.log")
  resumed.waitUntilExit()
  #expect(resumed.terminationStatus == 0)
  for name in datasets {
    #expect(read(out + "/" + name) == read(reference + "/" + name), "\(name) differs after resuming")
  }
}
