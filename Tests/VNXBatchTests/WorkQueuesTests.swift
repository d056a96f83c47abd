import Foundation
import Testing

@testable import VNXBatch

struct RecordWindowTests {
  /// Takes `count` slots on another thread, as the reader does, counting them in `taken`.
  private func takeSlots(from window: RecordWindow, count: Int, taken: Counter) -> Thread {
    let thread = Thread {
      for _ in 0..<count {
        window.acquire()
        taken.increment()
      }
    }
    thread.start()
    return thread
  }

  @Test(
    "A full window wakes the reader only once refill slots are free",
    arguments: [(8, 3), (4, 1), (5, 5)])
  func refillsInBatches(_ capacity: Int, _ refill: Int) throws {
    let window = RecordWindow(capacity: capacity, refill: refill)
    let taken = Counter()
    _ = takeSlots(from: window, count: capacity + refill, taken: taken)
    #expect(taken.wait(for: capacity))
    #expect(waitUntilAsleep(window))
    // Fewer than `refill` slots given back: the reader stays asleep.
    for _ in 0..<(refill - 1) { window.release() }
    Thread.sleep(forTimeInterval: 0.05)
    #expect(taken.value == capacity)
    window.release()
    #expect(taken.wait(for: capacity + refill))
  }

  private func waitUntilAsleep(_ window: RecordWindow) -> Bool {
    for _ in 0..<500 {
      if window.readerIsWaiting { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  @Test("The window never holds more than its capacity")
  func boundsTheRecordsInFlight() throws {
    let window = RecordWindow(capacity: 16, refill: 4)
    let taken = Counter()
    _ = takeSlots(from: window, count: 1000, taken: taken)
    var released = 0
    while released < 1000 {
      // The reader sleeps only while fewer than 4 slots are free, so it falls at most 3
      // behind. (Waiting for more would hang: it may sleep with 1 to 3 slots free.)
      #expect(taken.wait(for: min(1000, released + 16 - 3)))
      #expect(taken.value - released <= 16)
      window.release()
      released += 1
    }
    #expect(taken.value == 1000)
  }
}

/// A counter shared with a thread, waited on with a timeout.
final class Counter: @unchecked Sendable {
  private let condition = NSCondition()
  private var count = 0

  var value: Int {
    condition.lock()
    defer { condition.unlock() }
    return count
  }

  func increment() {
    condition.lock()
    count += 1
    condition.broadcast()
    condition.unlock()
  }

  /// True once the count reaches `target` (false after 5 s).
  func wait(for target: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    let deadline = Date().addingTimeInterval(5)
    while count < target {
      if !condition.wait(until: deadline) { return count >= target }
    }
    return true
  }
}
