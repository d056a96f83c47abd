import CICU

/// Boundaries found by an ICU break iterator (`ubrk_open`), as UTF-16 offsets.
///
/// The iterator owns the UTF-16 copy of its text, because ICU keeps a pointer to it.
public final class BreakIterator {
  public enum Kind: Int32, Sendable { case character = 0, word = 1, line = 2, sentence = 3 }

  private let text: UnsafeMutableBufferPointer<UInt16>
  private let handle: UnsafeMutableRawPointer

  public init(_ kind: Kind, text: String, locale: String = "vi") throws {
    let units = Array(text.utf16)
    self.text = .allocate(capacity: max(units.count, 1))
    _ = self.text.initialize(from: units)
    var status: Int32 = 0
    guard
      let handle = vnx_icu_break_open(
        kind.rawValue, locale, self.text.baseAddress, Int32(units.count), &status)
    else {
      self.text.deallocate()
      throw ICU.Failure(code: status, operation: "ubrk_open")
    }
    self.handle = handle
  }

  deinit {
    vnx_icu_break_close(handle)
    text.deallocate()
  }

  /// The next boundary, or nil at the end of the text.
  public func next() -> Int? {
    let offset = vnx_icu_break_next(handle)
    return offset < 0 ? nil : Int(offset)
  }

  /// The rule status of the last boundary (`ubrk_getRuleStatus`).
  public var ruleStatus: Int32 { vnx_icu_break_rule_status(handle) }
}
