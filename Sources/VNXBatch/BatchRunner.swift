import Foundation
import VNX

#if canImport(Glibc)
  import Glibc
#endif

/// Turns input files into datasets in an output folder, on every core, resumably.
///
///     let inputs = try InputFiles(["corpus"])
///     let summary = try BatchRunner(options: .init()).run(inputs, out: "out")
///     summary.documents   // documents written by this run
///
/// One reader thread splits files into records and `jobs` worker threads run the pipeline,
/// render every output and write: a worker that finishes a record and finds no other worker
/// writing becomes the writer, writes every result that is ready in input order and commits
/// when due, then goes back to the pipeline (`BatchWriter`). No thread only writes, so `jobs`
/// busy threads run on `jobs` cores. The calling thread reports progress, then writes what is
/// left and builds the SQLite indexes. At most `window` records, and 64 MB of input, are between
/// reading and writing, so memory stays bounded whatever the corpus size, and the outputs are
/// byte-identical whatever `jobs` is.
public struct BatchRunner: Sendable {
  public struct Options: Sendable {
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var formats = Set(OutputFormat.allCases)
    public var pipeline = Pipeline.Options()
    /// A batch is committed after this many documents…
    public var commitCount = 512
    /// …or this many seconds, whichever comes first.
    public var commitInterval = 2.0
    public init() {}
  }

  /// Where a batch stands; reported after every commit.
  public struct Progress: Sendable {
    /// Documents written by this run.
    public var documents = 0
    public var errors = 0
    /// Inputs skipped because an earlier run (or an identical input) did them.
    public var skipped = 0
    /// Input bytes read so far, and in all.
    public var bytes = 0
    public var totalBytes = 0
    public var seconds = 0.0
    public var interrupted = false
    public var finished = false

    public var records: Int { documents + errors + skipped }
  }

  public var options: Options

  public init(options: Options) { self.options = options }

  /// glibc's `malloc_trim`, which the Glibc module does not export.
  private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    #else
      return nil
    #endif
  }()

  private static func returnFreedMemory() { _ = mallocTrim?(0) }

  /// Runs the batch; `progress` is called on this thread after every commit and at the end.
  public func run(
    _ inputs: InputFiles, out: String, stop: StopFlag = StopFlag(),
    progress: (Progress) -> Void = { _ in }
  ) throws(BatchError) -> Progress {
    let start = Date()
    let dataset = try Dataset(folder: out, formats: options.formats)
    let jobs = max(1, options.jobs)
    // Room for the other workers to go on while one of them writes a commit (and waits for
    // fsync): writing a document takes about a sixth of the time processing it takes, so
    // while a worker commits `commitCount` documents the others produce up to that many
    // results. With 32 records per job the second worker ran out of room in most commits and
    // waited (a commit of 512 documents is 75-100 ms of writing, the window's 60-odd records
    // about 80 ms of processing).
    let window = jobs * 32 + options.commitCount
    // Each record with the input bytes it holds of `budget`, from reading until the writer
    // takes its result: however large the window, results waiting to be written hold at most
    // `RecordSplitter.maximumBytes` of input (and what the pipeline made of it).
    let work = BoundedQueue<(Int, InputRecord, Int)>(capacity: window)
    let permits = RecordWindow(capacity: window, refill: window / 8)
    let budget = ByteBudget(limit: RecordSplitter.maximumBytes)
    let writer = BatchWriter(
      dataset: dataset, permits: permits, budget: budget, stop: stop, workers: jobs,
      totalBytes: inputs.totalBytes,
      commitCount: options.commitCount, commitInterval: options.commitInterval, start: start)
    let previouslyDone = dataset.done
    let processor = RecordProcessor(pipeline: Pipeline(options: options.pipeline))
    let formats = options.formats

    let reader = Thread {
      var sequence = 0
      outer: for file in inputs.files {
        if stop.isRequested { break }
        do {
          // A page is counted against the budget before it is read: the reader does not hold
          // a huge page in memory while another is processed.
          var reserved: Int?
          try RecordSplitter.read(
            file: file.path, checkingRecords: false,
            willReadPage: { size in
              budget.acquire(size)
              reserved = size
            }
          ) { record in
            if stop.isRequested {
              if let reserved { budget.release(reserved) }
              throw CancellationError()
            }
            permits.acquire()
            let held = reserved ?? record.bytes.count
            if reserved == nil { budget.acquire(held) }
            reserved = nil
            work.push((sequence, record, held))
            sequence += 1
          }
        } catch {
          break outer
        }
      }
      work.close()
    }
    reader.stackSize = 1 << 22
    reader.start()

    // The next record, processed, with the budget bytes its result holds; the record itself
    // is gone before its result is written.
    @Sendable func processNext() -> (Int, BatchWriter.Result, held: Int)? {
      guard let (sequence, record, held) = work.pop() else { return nil }
      defer {
        // Freed memory stays in this thread's malloc arena: after a huge input, give it
        // back, or the next huge input, in another worker's arena, adds to it.
        if held >= RecordSplitter.hugeBytes { Self.returnFreedMemory() }
      }
      if stop.isRequested { return (sequence, .cancelled, held) }
      return (
        sequence,
        Self.result(of: record, processor: processor, previouslyDone: previouslyDone, formats: formats),
        held
      )
    }

    for _ in 0..<jobs {
      let worker = Thread {
        while let (sequence, result, held) = processNext() {
          writer.deliver(result, holding: held, at: sequence)
        }
        writer.workerFinished()
      }
      // The pipeline recurses on nested HTML; give workers room.
      worker.stackSize = 1 << 24
      worker.start()
    }

    writer.report(progress)
    let (written, writeError) = writer.finish(progress)
    if let writeError { throw writeError }
    var state = written
    state.interrupted = stop.isRequested
    if !state.interrupted { try dataset.finish() }
    state.finished = true
    state.seconds = Date().timeIntervalSince(start)
    progress(state)
    return state
  }

  private static func result(
    of record: InputRecord, processor: RecordProcessor, previouslyDone: Set<ContentHash>,
    formats: Set<OutputFormat>
  ) -> BatchWriter.Result {
    let bytes = record.bytes.count
    let outcome: RecordProcessor.Outcome
    if record.bytes.isEmpty, let problem = record.problem {
      if previouslyDone.contains(ContentHash.unreadable(path: record.path, problem: problem)) {
        return .skipped(bytes: bytes)
      }
      outcome = processor.process(record)
    } else {
      let hash = ContentHash(of: record.bytes)
      if previouslyDone.contains(hash) { return .skipped(bytes: bytes) }
      outcome = processor.process(record, hash: hash)
    }
    switch outcome {
    case .document(let document, let hash):
      do {
        return .document(try DatasetRows(document: document, hash: hash, formats: formats), bytes: bytes)
      } catch {
        let failure = RecordProcessor.Failure(
          path: record.path, sha256: hash.description, error: "cannot encode the document: \(error)")
        return .failure(failure, hash, bytes: bytes)
      }
    case .failure(let failure, let hash):
      return .failure(failure, hash, bytes: bytes)
    }
  }
}
