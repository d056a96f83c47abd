/// A publication date as pages write it, read into ISO 8601 in Vietnam's time zone.
///
///     PublishedDate(in: "Chủ nhật - 27/01/2019 17:44 489 0")?.iso   // "2019-01-27T17:44:00+07:00"
///     PublishedDate(in: "Ngày cập nhật 08/09/2020")?.iso            // "2020-09-08"
///
/// Days come before months (`27/01/2019`, `27-01-2019`, `27.01.2019`), ISO dates are read as
/// such (`2019-01-27`), and `ngày 27 tháng 1 năm 2019` is understood; times are `17:44`,
/// `17:44:05` or `17h44`.
struct PublishedDate: Sendable, Hashable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int?
  var minute: Int?
  var second: Int?
  /// Offset from UTC in minutes; Vietnam (+07:00) unless the source said otherwise.
  var offsetMinutes = 7 * 60

  var hasTime: Bool { hour != nil }

  var iso: String {
    let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
    guard let hour, let minute else { return date }
    let sign = offsetMinutes < 0 ? "-" : "+"
    let offset = abs(offsetMinutes)
    return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second ?? 0))"
      + "\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
  }

  private func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The first date in a line of text, with the first time of day found around it.
  init?(in text: String) {
    self.init(lowercased: LetterCase.lowercased(Array(text.utf8)))
  }

  /// `init?(in:)` over the UTF-8 bytes of the lowercased line (`LineShape.lowered`).
  /// Dates and times are ASCII, so bytes are read directly: a byte is a digit exactly when
  /// its scalar is.
  init?(lowercased bytes: [UInt8]) {
    var date: (Int, Int, Int)?
    var time: (Int, Int, Int?)?
    var index = 0
    while index < bytes.count, date == nil || time == nil {
      guard Self.isDigit(bytes[index]), index == 0 || !Self.isDigit(bytes[index - 1]) else {
        index += 1
        continue
      }
      if date == nil, let (found, end) = Self.numericDate(bytes, at: index) {
        date = found
        index = end
        continue
      }
      if time == nil, let (found, end) = Self.timeOfDay(bytes, at: index) {
        time = found
        index = end
        continue
      }
      index += 1
    }
    if date == nil { date = Self.spelledDate(bytes) }
    guard let (day, month, year) = date else { return nil }
    var hour = time?.0
    // "02:30 PM", "02:30 CH" (chiều): afternoon times written on a 12-hour clock.
    if let value = hour, value < 12 {
      let words = bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C || $0 == 0x7C })
      if words.contains(where: { $0.elementsEqual("pm".utf8) || $0.elementsEqual("ch".utf8) || $0.elementsEqual("p.m.".utf8) }) {
        hour = value + 12
      }
    }
    self.init(year: year, month: month, day: day, hour: hour, minute: time?.1, second: time?.2)
  }

  /// Reads ISO 8601 as found in metadata ("2024-03-14T15:08:00+07:00", "2024-03-14 15:08",
  /// "2024-03-14T08:08:00Z"); times are moved to +07:00.
  init?(iso text: String) {
    let scalars = Array(text.unicodeScalars)
    func number(_ start: Int, _ length: Int) -> Int? {
      guard start + length <= scalars.count else { return nil }
      var value = 0
      for scalar in scalars[start..<(start + length)] {
        guard Self.isDigit(scalar) else { return nil }
        value = value * 10 + Int(scalar.value - 48)
      }
      return value
    }
    guard let year = number(0, 4), scalars.count >= 10, scalars[4] == "-", let month = number(5, 2),
      scalars[7] == "-", let day = number(8, 2), (1...12).contains(month), (1...31).contains(day)
    else {
      guard let found = PublishedDate(in: text) else { return nil }
      self = found
      return
    }
    self.init(year: year, month: month, day: day)
    guard scalars.count >= 16, scalars[10] == "T" || scalars[10] == " ",
      let hour = number(11, 2), scalars[13] == ":", let minute = number(14, 2)
    else { return }
    var second = 0
    var rest = 16
    if scalars.count >= 19, scalars[16] == ":", let value = number(17, 2) {
      second = value
      rest = 19
    }
    while rest < scalars.count, scalars[rest] == "." || Self.isDigit(scalars[rest]) { rest += 1 }
    var offset = 7 * 60
    if rest < scalars.count {
      if scalars[rest] == "Z" {
        offset = 0
      } else if scalars[rest] == "+" || scalars[rest] == "-", let hours = number(rest + 1, 2) {
        let minutesStart = rest + 3 < scalars.count && scalars[rest + 3] == ":" ? rest + 4 : rest + 3
        let minutes = number(minutesStart, 2) ?? 0
        offset = (hours * 60 + minutes) * (scalars[rest] == "-" ? -1 : 1)
      }
    }
    // Shift to Vietnam time so every date the stage writes reads alike.
    var total = ((hour * 60 + minute) - offset + 7 * 60)
    var date = (year, month, day)
    while total < 0 {
      total += 24 * 60
      date = Self.addDays(date, -1)
    }
    while total >= 24 * 60 {
      total -= 24 * 60
      date = Self.addDays(date, 1)
    }
    self.init(
      year: date.0, month: date.1, day: date.2, hour: total / 60, minute: total % 60, second: second)
  }

  private static func addDays(_ date: (Int, Int, Int), _ days: Int) -> (Int, Int, Int) {
    var (year, month, day) = date
    func length(_ month: Int, _ year: Int) -> Int {
      switch month {
      case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
      case 4, 6, 9, 11: return 30
      default: return 31
      }
    }
    day += days
    if day < 1 {
      month -= 1
      if month < 1 {
        month = 12
        year -= 1
      }
      day = length(month, year)
    } else if day > length(month, year) {
      day = 1
      month += 1
      if month > 12 {
        month = 1
        year += 1
      }
    }
    return (year, month, day)
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  /// Digits at `index`: value, count and the index after them.
  private static func digits(_ bytes: [UInt8], _ index: Int) -> (Int, Int, Int)? {
    var end = index
    var value = 0
    while end < bytes.count, isDigit(bytes[end]), end - index < 5 {
      value = value * 10 + Int(bytes[end] - 48)
      end += 1
    }
    return end == index ? nil : (value, end - index, end)
  }

  /// `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd` at `index`.
  private static func numericDate(_ bytes: [UInt8], at index: Int) -> ((Int, Int, Int), Int)? {
    guard let (first, firstLength, afterFirst) = digits(bytes, index), afterFirst < bytes.count
    else { return nil }
    let separator = bytes[afterFirst]
    guard separator == 0x2F || separator == 0x2D || separator == 0x2E else { return nil }
    guard let (second, secondLength, afterSecond) = digits(bytes, afterFirst + 1),
      secondLength <= 2, afterSecond < bytes.count, bytes[afterSecond] == separator,
      let (third, thirdLength, afterThird) = digits(bytes, afterSecond + 1)
    else { return nil }
    if afterThird < bytes.count, isDigit(bytes[afterThird]) { return nil }
    if firstLength == 4, thirdLength <= 2 {
      guard (1...12).contains(second), (1...31).contains(third), (1900...2100).contains(first)
      else { return nil }
      return ((third, second, first), afterThird)
    }
    guard firstLength <= 2, thirdLength == 4, (1...31).contains(first), (1...12).contains(second),
      (1900...2100).contains(third)
    else { return nil }
    return ((first, second, third), afterThird)
  }

  /// `17:44`, `17:44:05` or `17h44` at `index`.
  private static func timeOfDay(_ bytes: [UInt8], at index: Int) -> ((Int, Int, Int?), Int)? {
    guard let (hour, hourLength, afterHour) = digits(bytes, index), hourLength <= 2, hour < 24,
      afterHour < bytes.count, bytes[afterHour] == 0x3A || bytes[afterHour] == 0x68,
      let (minute, minuteLength, afterMinute) = digits(bytes, afterHour + 1), minuteLength == 2,
      minute < 60
    else { return nil }
    if bytes[afterHour] == 0x3A, afterMinute < bytes.count, bytes[afterMinute] == 0x3A,
      let (second, secondLength, afterSecond) = digits(bytes, afterMinute + 1), secondLength == 2,
      second < 60
    {
      return ((hour, minute, second), afterSecond)
    }
    if afterMinute < bytes.count, bytes[afterMinute] == 0x2F || bytes[afterMinute] == 0x2D {
      return nil
    }
    return ((hour, minute, nil), afterMinute)
  }

  /// "ngày 27 tháng 1 năm 2019", "27 tháng 1, 2019"; "27 Tháng Một 2019" is not read.
  private static func spelledDate(_ bytes: [UInt8]) -> (Int, Int, Int)? {
    // Cheap test first: no "tháng", no spelled date.
    guard UTF8Search.contains(bytes, "tháng") else { return nil }
    let words = bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C })
      .filter { !$0.elementsEqual("ngày".utf8) && !$0.elementsEqual("năm".utf8) }
    guard words.count >= 4 else { return nil }
    func number(_ word: ArraySlice<UInt8>) -> Int? {
      guard !word.isEmpty, word.count <= 18 else { return nil }
      var value = 0
      var start = word.startIndex
      if word[start] == 0x2B || word[start] == 0x2D {
        start += 1
        guard start < word.endIndex else { return nil }
      }
      for byte in word[start...] {
        guard isDigit(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return word[word.startIndex] == 0x2D ? -value : value
    }
    for index in 0...(words.count - 4) where words[index + 1].elementsEqual("tháng".utf8) {
      guard let day = number(words[index]), let month = number(words[index + 2]),
        let year = number(words[index + 3]), (1...31).contains(day), (1...12).contains(month),
        (1900...2100).contains(year)
      else { continue }
      return (day, month, year)
    }
    return nil
  }
}
