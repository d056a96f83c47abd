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
/// One reader thread splits files into records, `jobs` worker threads run the pipeline and
/// render every output, and the calling thread writes results in input order. At most
/// `window` records are between reading and writing, so memory stays bounded whatever the
/// corpus size, and the outputs are byte-identical whatever `jobs` is.
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

  private enum WorkResult {
    case document(DatasetRows, bytes: Int)
    case failure(RecordProcessor.Failure, ContentHash?, bytes: Int)
    case skipped(bytes: Int)
    case cancelled
  }

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
    // Room for the workers to go on while the writer waits for the disk (fsync) at a commit.
    let window = jobs * 32
    // Each record with the input bytes it holds of `budget`.
    let work = BoundedQueue<(Int, InputRecord, Int)>(capacity: window)
    let results = ReorderBuffer<WorkResult>()
    let permits = DispatchSemaphore(value: window)
    let budget = ByteBudget(limit: RecordSplitter.maximumBytes)
    let finished = DispatchGroup()
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
            permits.wait()
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
      results.finish(total: sequence)
    }
    reader.stackSize = 1 << 22
    reader.start()

    for _ in 0..<jobs {
      finished.enter()
      let worker = Thread {
        while let (sequence, record, held) = work.pop() {
          defer {
            budget.release(held)
            // Freed memory stays in this thread's malloc arena: after a huge input, give it
            // back, or the next huge input, in another worker's arena, adds to it.
            if held >= RecordSplitter.hugeBytes { Self.returnFreedMemory() }
          }
          if stop.isRequested {
            results.put(.cancelled, at: sequence)
            continue
          }
          let bytes = record.bytes.count
          let outcome: RecordProcessor.Outcome
          if record.bytes.isEmpty, let problem = record.problem {
            if previouslyDone.contains(ContentHash.unreadable(path: record.path, problem: problem)) {
              results.put(.skipped(bytes: bytes), at: sequence)
              continue
            }
            outcome = processor.process(record)
          } else {
            let hash = ContentHash(of: record.bytes)
            if previouslyDone.contains(hash) {
              results.put(.skipped(bytes: bytes), at: sequence)
              continue
            }
            outcome = processor.process(record, hash: hash)
          }
          switch outcome {
          case .document(let document, let hash):
            do {
              let rows = try DatasetRows(document: document, hash: hash, formats: formats)
              results.put(.document(rows, bytes: bytes), at: sequence)
            } catch {
              let failure = RecordProcessor.Failure(
                path: record.path, sha256: hash.description, error: "cannot encode the document: \(error)")
              results.put(.failure(failure, hash, bytes: bytes), at: sequence)
            }
          case .failure(let failure, let hash):
            results.put(.failure(failure, hash, bytes: bytes), at: sequence)
          }
        }
        finished.leave()
      }
      // The pipeline recurses on nested HTML; give workers room.
      worker.stackSize = 1 << 24
      worker.start()
    }

    var state = Progress(totalBytes: inputs.totalBytes)
    var seen = dataset.done
    var rows: [DatasetRows] = []
    var failures: [(RecordProcessor.Failure, ContentHash?)] = []
    var pendingBytes = 0
    var pendingSkipped = 0
    var lastCommit = Date()
    var writing = true
    var sequence = 0
    var writeError: BatchError?

    func commit() {
      guard writeError == nil, !rows.isEmpty || !failures.isEmpty || pendingSkipped > 0 else { return }
      do {
        try dataset.commit(rows, failures: failures)
      } catch {
        writeError = error
        stop.request()
        return
      }
      state.documents += rows.count
      state.errors += failures.count
      state.skipped += pendingSkipped
      state.bytes += pendingBytes
      rows.removeAll(keepingCapacity: true)
      failures.removeAll(keepingCapacity: true)
      pendingBytes = 0
      pendingSkipped = 0
      lastCommit = Date()
      state.seconds = lastCommit.timeIntervalSince(start)
      progress(state)
    }

    loop: while true {
      let deadline = lastCommit.addingTimeInterval(options.commitInterval)
      switch results.take(sequence, before: deadline) {
      case .end:
        break loop
      case .timedOut:
        if writing { commit() }
        if !writing || (rows.isEmpty && failures.isEmpty) { lastCommit = Date() }
        continue loop
      case .element(let result):
        sequence += 1
        permits.signal()
        guard writing else { continue loop }
        switch result {
        case .cancelled:
          writing = false
          commit()
          continue loop
        case .skipped(let bytes):
          pendingSkipped += 1
          pendingBytes += bytes
        case .document(let document, let bytes):
          pendingBytes += bytes
          if seen.insert(document.hash).inserted { rows.append(document) } else { pendingSkipped += 1 }
        case .failure(let failure, let hash, let bytes):
          pendingBytes += bytes
          if let hash, !seen.insert(hash).inserted {
            pendingSkipped += 1
          } else {
            failures.append((failure, hash))
          }
        }
        if rows.count + failures.count >= options.commitCount
          || Date().timeIntervalSince(lastCommit) >= options.commitInterval
        {
          commit()
        }
      }
    }
    if writing { commit() }
    finished.wait()
    if let writeError { throw writeError }
    state.interrupted = stop.isRequested
    if !state.interrupted { try dataset.finish() }
    state.finished = true
    state.seconds = Date().timeIntervalSince(start)
    progress(state)
    return state
  }
}
