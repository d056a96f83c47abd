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
    var parts: [Int] = []
    var widths: [Int] = []
    var current = 0
    var width = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value &- 0x30 < 10 {
        current = current * 10 + Int(value - 0x30)
        width += 1
        guard width <= 4 else { return nil }
      } else if value == 0x2F || value == 0x2D || value == 0x2E {
        guard width > 0 else { return nil }
        parts.append(current)
        widths.append(width)
        current = 0
        width = 0
      } else {
        return nil
      }
    }
    guard width > 0 else { return nil }
    parts.append(current)
    widths.append(width)
    switch parts.count {
    case 3:
      guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4 else { return nil }
      return iso(day: parts[0], month: parts[1], year: parts[2])
    case 2 where widths[1] == 4:
      guard widths[0] <= 2 else { return nil }
      return iso(day: nil, month: parts[0], year: parts[1])
    case 2:
      guard widths[0] <= 2, widths[1] <= 2 else { return nil }
      return iso(day: parts[0], month: parts[1], year: nil)
    default:
      return nil
    }
  }

  /// The ISO value of a day, month and year, any of day and year missing.
  public static func iso(day: Int?, month: Int, year: Int?) -> String? {
    guard (1...12).contains(month) else { return nil }
    if let year, !(1000...2999).contains(year) { return nil }
    if let day {
      let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
      guard (1...days).contains(day) else { return nil }
      if let year {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        if month == 2, day == 29, !leap { return nil }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
      }
      return "--\(pad(month, 2))-\(pad(day, 2))"
    }
    guard let year else { return nil }
    return "\(pad(year, 4))-\(pad(month, 2))"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
