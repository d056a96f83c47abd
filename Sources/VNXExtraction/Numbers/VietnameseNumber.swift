/// A number written the Vietnamese way: digits with thousand dots and a decimal comma, or
/// spelled out in words, optionally followed by scale words.
///
///     VietnameseNumber("1.234.567,89")?.value        // 1234567.89
///     VietnameseNumber("hai mươi mốt")?.value        // 21
///     VietnameseNumber("1,2 tỷ")?.value              // 1_200_000_000
///
/// Digits: "." groups thousands and "," marks decimals ("2.343" → 2343, "100,5" → 100.5);
/// English separators are accepted where they cannot be read the Vietnamese way ("1,234,567",
/// "1,123.56", "40.1"). Leading zeros are fine ("05" → 5). Roman numerals are not numbers.
public struct VietnameseNumber: Hashable, Sendable {
  public var value: Double

  public init(value: Double) { self.value = value }

  /// Reads `text` as one whole number; nil when any part of it is not a number.
  public init?(_ text: String) {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    guard !words.isEmpty else { return nil }
    var index = 0
    var sign = 1.0
    if words[0] == "-" || words[0].lowercased() == "âm" || words[0].lowercased() == "trừ" {
      sign = -1
      index = 1
    }
    guard index < words.count else { return nil }
    var first = Substring(words[index])
    if first.hasPrefix("-") {
      sign = -1
      first = first.dropFirst()
    }
    if let digits = VietnameseNumber.digits(first) {
      // Digits, then only scale words: "1,2 tỷ", "3 nghìn".
      var value = digits
      var rest = index + 1
      while rest < words.count, let scale = NumeralWords.scale(of: words[rest].lowercased()) {
        value *= scale
        rest += 1
      }
      guard rest == words.count, value.isFinite else { return nil }
      self.value = sign * value
      return
    }
    let lowered = words[index...].map { Substring($0.lowercased()) }
    guard let reading = NumeralWords.read(lowered, from: 0), reading.count == lowered.count
    else { return nil }
    value = sign * reading.value
  }

  /// Reads a run of digits and separators ("2.343", "100,5", "1.234.567,89", "05").
  ///
  /// Returns nil for anything else, including dates ("7.3.2014") and runs the separators
  /// leave ambiguous beyond repair.
  public static func digits<S: StringProtocol>(_ text: S) -> Double? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      guard (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2C else { return nil }
      bytes.append(byte)
    }
    return digits(bytes: bytes[...])
  }

  /// The byte-level reader behind `digits(_:)`; `bytes` holds only 0-9, "." and ",".
  /// Runs too long for a `Double` (a 10,000-digit "number") are no number.
  static func digits(bytes: ArraySlice<UInt8>) -> Double? {
    guard let value = parse(bytes), value.isFinite else { return nil }
    return value
  }

  private static func parse(_ bytes: ArraySlice<UInt8>) -> Double? {
    guard !bytes.isEmpty else { return nil }
    var groups: [ArraySlice<UInt8>] = []
    var separators: [UInt8] = []
    var groupStart = bytes.startIndex
    for index in bytes.indices where bytes[index] == 0x2E || bytes[index] == 0x2C {
      groups.append(bytes[groupStart..<index])
      separators.append(bytes[index])
      groupStart = index + 1
    }
    groups.append(bytes[groupStart..<bytes.endIndex])
    // Every group but a leading one (",77") must hold digits.
    for (position, group) in groups.enumerated() where group.isEmpty {
      guard position == 0, groups.count == 2, separators[0] == 0x2C else { return nil }
    }
    let dots = separators.filter { $0 == 0x2E }.count
    let commas = separators.count - dots
    func integer(_ parts: ArraySlice<ArraySlice<UInt8>>) -> Double {
      var value = 0.0
      for group in parts {
        for byte in group { value = value * 10 + Double(byte - 0x30) }
      }
      return value
    }
    func fraction(_ group: ArraySlice<UInt8>) -> Double {
      var digits = 0.0
      var divisor = 1.0
      for byte in group {
        digits = digits * 10 + Double(byte - 0x30)
        divisor *= 10
      }
      return digits / divisor
    }
    func thousandsGroups(_ parts: ArraySlice<ArraySlice<UInt8>>) -> Bool {
      guard let head = parts.first, (1...3).contains(head.count) else { return false }
      return parts.dropFirst().allSatisfy { $0.count == 3 }
    }
    switch (dots, commas) {
    case (0, 0):
      return integer(groups[...])
    case (_, 0):
      // Vietnamese thousand dots; a single dot that cannot group thousands is an English
      // decimal point ("40.1").
      if thousandsGroups(groups[...]) { return integer(groups[...]) }
      if dots == 1 { return integer(groups[0..<1]) + fraction(groups[1]) }
      return nil
    case (0, 1):
      return integer(groups[0..<1]) + fraction(groups[1])
    case (0, _) where commas > 1:
      // Several commas can only group thousands, the English way ("1,234,567").
      return thousandsGroups(groups[...]) ? integer(groups[...]) : nil
    default:
      let last = separators.count - 1
      if separators[last] == 0x2C, separators[..<last].allSatisfy({ $0 == 0x2E }),
        thousandsGroups(groups[...last])
      {
        return integer(groups[...last]) + fraction(groups[last + 1])
      }
      if separators[last] == 0x2E, separators[..<last].allSatisfy({ $0 == 0x2C }),
        thousandsGroups(groups[...last])
      {
        return integer(groups[...last]) + fraction(groups[last + 1])
      }
      return nil
    }
  }
}
