/// Reads a written date into its ISO 8601 value, as precise as written.
///
///     DateValue.numeric("22/9/2017")       // "2017-09-22"
///     DateValue.numeric("25-10-2017")      // "2017-10-25"
///     DateValue.numeric("5/2019")          // "2019-05" (month and year)
///     DateValue.numeric("5/9")             // "--09-05" (day and month)
///     DateValue.iso(day: 5, month: 12, year: 2023)   // "2023-12-05"
public enum DateValue {
  /// The ISO value of a date written with digits and "/", "-" or "." separators; nil when the
  /// parts are no calendar date (month 13, day 32, "19/19").
  public static func numeric<S: StringProtocol>(_ text: S) -> String? {
    var text = String(text)
    return text.withUTF8 { numeric(utf8: $0) }
  }

  /// `numeric` on UTF-8 bytes (a token's, read in place): at most three parts, no array.
  static func numeric(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var parts = (0, 0, 0)
    var widths = (0, 0, 0)
    var count = 0
    var current = 0
    var width = 0
    // A fourth part makes no date: stop at its separator.
    func close() -> Bool {
      switch count {
      case 0: (parts.0, widths.0) = (current, width)
      case 1: (parts.1, widths.1) = (current, width)
      case 2: (parts.2, widths.2) = (current, width)
      default: return false
      }
      count += 1
      return true
    }
    for byte in bytes {
      if byte &- 0x30 < 10 {
        current = current * 10 + Int(byte - 0x30)
        width += 1
        guard width <= 4 else { return nil }
      } else if byte == 0x2F || byte == 0x2D || byte == 0x2E {
        guard width > 0, close() else { return nil }
        current = 0
        width = 0
      } else {
        return nil
      }
    }
    guard width > 0, close() else { return nil }
    switch count {
    case 3:
      guard widths.0 <= 2, widths.1 <= 2, widths.2 == 4 else { return nil }
      return iso(day: parts.0, month: parts.1, year: parts.2)
    case 2 where widths.1 == 4:
      guard widths.0 <= 2 else { return nil }
      return iso(day: nil, month: parts.0, year: parts.1)
    case 2:
      guard widths.0 <= 2, widths.1 <= 2 else { return nil }
      return iso(day: parts.0, month: parts.1, year: nil)
    default:
      return nil
    }
  }

  /// The ISO value of a day, month and year, any of day and year missing.
  public static func iso(day: Int?, month: Int, year: Int?) -> String? {
    guard (1...12).contains(month) else { return nil }
    if let year, !(1000...2999).contains(year) { return nil }
    if let day {
      let days = month == 2 ? 29 : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31
      guard (1...days).contains(day) else { return nil }
      if let year {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        if month == 2, day == 29, !leap { return nil }
      }
    } else if year == nil {
      return nil
    }
    // At most ten ASCII bytes: a small string, written in place.
    return String(unsafeUninitializedCapacity: 10) { buffer in
      var count = 0
      func put(_ value: Int, _ width: Int) {
        var divisor = width == 4 ? 1000 : 10
        while divisor > 0 {
          buffer[count] = UInt8(0x30 + value / divisor % 10)
          count += 1
          divisor /= 10
        }
      }
      func dash() {
        buffer[count] = 0x2D
        count += 1
      }
      if let year {
        put(year, 4)
      } else {
        dash()
      }
      dash()
      put(month, 2)
      if let day {
        dash()
        put(day, 2)
      }
      return count
    }
  }
}
