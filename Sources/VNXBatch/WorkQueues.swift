import Foundation

/// A first-in first-out queue with a capacity: `push` waits while it is full, `pop` while it
/// is empty, and returns nil once it is closed and drained.
final class BoundedQueue<Element>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Element] = []
  private var head = 0
  private var closed = false
  let capacity: Int

  init(capacity: Int) { self.capacity = max(1, capacity) }

  func push(_ element: Element) {
    condition.lock()
    while items.count - head >= capacity { condition.wait() }
    items.append(element)
    condition.broadcast()
    condition.unlock()
  }

  func pop() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count && !closed { condition.wait() }
    guard head < items.count else { return nil }
    let element = items[head]
    head += 1
    if head > 1024, head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return element
  }

  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}

/// Results that arrive in any order, written in sequence order by whichever thread holds the
/// writer role: `put` (or `tryBecomeWriter`) gives the role when no one holds it, `takeNext`
/// hands the holder the next result once it is there, and `stopWriting` gives the role back
/// only if that next result is not there, in the same critical section, so no result is left
/// behind with no writer to come.
final class ReorderBuffer<Element>: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Int: Element] = [:]
  private var next = 0
  private var writing = false

  /// Puts `element`; true if the caller became the writer.
  func put(_ element: Element, at sequence: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    results[sequence] = element
    return claim()
  }

  /// True if the caller became the writer.
  func tryBecomeWriter() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return claim()
  }

  private func claim() -> Bool {
    if writing { return false }
    writing = true
    return true
  }

  /// For the writer: the next result in sequence order, if it is there.
  func takeNext() -> Element? {
    lock.lock()
    defer { lock.unlock() }
    guard let element = results.removeValue(forKey: next) else { return nil }
    next += 1
    return element
  }

  /// For the writer: gives the role back and returns true, or returns false (the caller is
  /// still the writer) if the next result came meanwhile.
  func stopWriting() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if results[next] != nil { return false }
    writing = false
    return true
  }
}

/// The records between reading and writing, at most `capacity`: the reader takes a slot per
/// record and the writer gives one back per result. Once the window is full the reader sleeps
/// until `refill` slots are free, so it wakes once per `refill` results instead of once per
/// result. With as many workers as cores every wake-up of the reader preempts a worker (with
/// `--jobs 1` it runs on the idle core): a per-record semaphore cost two context switches per
/// record in the middle of the pipeline's work.
final class RecordWindow: @unchecked Sendable {
  private let condition = NSCondition()
  private var free: Int
  private var readerWaiting = false
  let capacity: Int
  let refill: Int

  init(capacity: Int, refill: Int) {
    self.capacity = max(1, capacity)
    self.refill = min(max(1, refill), self.capacity)
    free = self.capacity
  }

  /// True while the reader sleeps on a full window.
  var readerIsWaiting: Bool {
    condition.lock()
    defer { condition.unlock() }
    return readerWaiting
  }

  /// For the reader: takes a slot, sleeping until `refill` slots are free if none is.
  func acquire() {
    condition.lock()
    if free == 0 {
      readerWaiting = true
      while free < refill { condition.wait() }
      readerWaiting = false
    }
    free -= 1
    condition.unlock()
  }

  /// For the writer: gives a slot back; wakes the reader only once `refill` are free.
  func release() {
    condition.lock()
    free += 1
    if readerWaiting && free >= refill { condition.signal() }
    condition.unlock()
  }
}

/// The input bytes between reading and writing, capped: a record waits while others are in
/// work or waiting to be written and it would take the total over `limit`. The pipeline takes
/// several times a record's size in memory, so two huge pages processed side by side took
/// gigabytes; ordinary records (kilobytes) never wait.
final class ByteBudget: @unchecked Sendable {
  private let condition = NSCondition()
  private var inUse = 0
  let limit: Int

  init(limit: Int) { self.limit = limit }

  func acquire(_ bytes: Int) {
    condition.lock()
    while inUse > 0 && inUse + bytes > limit { condition.wait() }
    inUse += bytes
    condition.unlock()
  }

  func release(_ bytes: Int) {
    condition.lock()
    inUse -= bytes
    condition.broadcast()
    condition.unlock()
  }
}

/// Set by Ctrl-C or SIGTERM: the batch stops taking inputs and commits what is done.
public final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var requested = false
  private var sources: [DispatchSourceSignal] = []

  public init() {}

  public var isRequested: Bool {
    lock.lock()
    defer { lock.unlock() }
    return requested
  }

  public func request() {
    lock.lock()
    requested = true
    lock.unlock()
  }

  /// Routes SIGINT and SIGTERM here; a second signal ends the process at once (the outputs
  /// stay consistent: they are crash-safe).
  public func installSignalHandlers(onFirstSignal: @escaping @Sendable () -> Void = {}) {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { [self] in
        if isRequested { exit(130) }
        request()
        onFirstSignal()
      }
      source.resume()
      sources.append(source)
    }
  }
}
