import Foundation

/// The writing side of a batch, taken in turn by the workers ("combining"): a worker that
/// finishes a record hands its result over and, when no other worker is writing, writes every
/// result that is ready in input order, commits when due, and goes back to the pipeline.
///
/// The writer role is the `ReorderBuffer`'s, so one thread at a time runs `write()` and owns
/// the dataset and the state below it; the calling thread takes the role only once the workers
/// are gone (`finish()`), and reads the progress that commits publish (`report(_:)`).
final class BatchWriter: @unchecked Sendable {
  enum Result {
    case document(DatasetRows, bytes: Int)
    case failure(RecordProcessor.Failure, ContentHash?, bytes: Int)
    case skipped(bytes: Int)
    case cancelled
  }

  private let dataset: Dataset
  /// Each result with the bytes it holds of `budget`.
  private let results = ReorderBuffer<(Result, held: Int)>()
  /// Given a slot back for every result taken out: the reader waits for slots, which bounds
  /// the records between reading and writing.
  private let permits: RecordWindow
  /// Given back the input bytes of every result taken out: bounds the bytes between reading
  /// and writing.
  private let budget: ByteBudget
  private let stop: StopFlag
  private let commitCount: Int
  private let commitInterval: Double
  private let start: Date

  // Owned by the writer role.
  private var state: BatchRunner.Progress
  private var seen: Set<ContentHash>
  private var rows: [DatasetRows] = []
  private var failures: [(RecordProcessor.Failure, ContentHash?)] = []
  private var pendingBytes = 0
  private var pendingSkipped = 0
  private var lastCommit: Date
  /// False once a cancelled result came: what follows it is not written.
  private var accepting = true
  private var writeError: BatchError?

  // Shared with the calling thread, under `condition`.
  private let condition = NSCondition()
  private var published: BatchRunner.Progress
  private var commits = 0
  private var workersRunning: Int
  /// The commits `progress` was called after (calling thread only).
  private var reported = 0

  init(
    dataset: Dataset, permits: RecordWindow, budget: ByteBudget, stop: StopFlag, workers: Int,
    totalBytes: Int, commitCount: Int, commitInterval: Double, start: Date
  ) {
    self.dataset = dataset
    self.permits = permits
    self.budget = budget
    self.stop = stop
    self.commitCount = commitCount
    self.commitInterval = commitInterval
    self.start = start
    state = BatchRunner.Progress(totalBytes: totalBytes)
    published = state
    seen = dataset.done
    lastCommit = start
    workersRunning = workers
  }

  /// Called by a worker with the result of the record at `sequence` and the budget bytes it
  /// holds; writes if no one else is.
  func deliver(_ result: Result, holding held: Int, at sequence: Int) {
    if results.put((result, held), at: sequence) { write() }
  }

  /// Called by a worker when it has no more records.
  func workerFinished() {
    condition.lock()
    workersRunning -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// On the calling thread until every worker is done: calls `progress` after each commit
  /// (waking at least every half second to see whether one came).
  func report(_ progress: (BatchRunner.Progress) -> Void) {
    condition.lock()
    while workersRunning > 0 {
      _ = condition.wait(until: Date().addingTimeInterval(0.5))
      reportCommits(progress)
    }
    condition.unlock()
  }

  /// Under `condition`: calls `progress` if a commit came since the last call.
  private func reportCommits(_ progress: (BatchRunner.Progress) -> Void) {
    guard commits != reported else { return }
    reported = commits
    let snapshot = published
    condition.unlock()
    progress(snapshot)
    condition.lock()
  }

  /// On the calling thread once the workers are done: writes what is left, commits it and
  /// reports that commit; returns the progress and the write error that stopped the batch, if
  /// one did.
  func finish(_ progress: (BatchRunner.Progress) -> Void) -> (BatchRunner.Progress, BatchError?) {
    if results.tryBecomeWriter() { write() }
    if accepting { commit() }
    condition.lock()
    reportCommits(progress)
    condition.unlock()
    return (state, writeError)
  }

  /// With the writer role: writes every consecutive result that is ready, commits when due,
  /// and gives the role back (keeping it if the next result came meanwhile).
  private func write() {
    repeat {
      while let (result, held) = results.takeNext() {
        budget.release(held)
        permits.release()
        guard accepting else { continue }
        add(result)
        if rows.count + failures.count >= commitCount || Date().timeIntervalSince(lastCommit) >= commitInterval {
          commit()
        }
      }
      if Date().timeIntervalSince(lastCommit) >= commitInterval {
        if accepting { commit() }
        // Nothing to commit: the interval starts again, as it would after a commit.
        lastCommit = Date()
      }
    } while !results.stopWriting()
  }

  private func add(_ result: Result) {
    switch result {
    case .cancelled:
      accepting = false
      commit()
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
  }

  private func commit() {
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
    condition.lock()
    published = state
    commits += 1
    condition.broadcast()
    condition.unlock()
  }
}
