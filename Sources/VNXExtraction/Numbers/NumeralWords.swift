/// Reads spelled-out Vietnamese numerals: "bảy", "mười lăm", "hai mươi mốt",
/// "một trăm linh năm", "ba nghìn không trăm hai mươi", "năm trăm tư", "tám trăm rưỡi".
///
/// Works on lowercased syllables, longest match first. Handles the spoken habits peers
/// document: mốt/tư/lăm in the units place, linh/lẻ for an empty tens place, an elided next
/// lower unit ("một trăm hai" → 120, "một ngàn mốt" → 1100, "mười triệu tư" → 10.4 triệu),
/// digit pairs ("bốn ba" → 43, "một nghìn hai sáu" → 1026), rưỡi (half the unit before it),
/// "không trăm" fillers, stacked scales ("một nghìn tỷ") and spoken decimals ("hai phẩy năm").
enum NumeralWords {
  enum Word: Equatable {
    /// 0…9; `unitsOnly` words (mốt, tư, lăm) appear only in the units place.
    case digit(Int, unitsOnly: Bool)
    case ten  // mười
    case tens  // mươi, chục
    case hundred  // trăm
    case scale(Double)  // nghìn, ngàn, vạn, triệu, tỷ, tỉ
    case zeroTens  // linh, lẻ
    case half  // rưỡi
    case point  // phẩy, chấm
  }

  static let words: [Substring: Word] = [
    "không": .digit(0, unitsOnly: false), "một": .digit(1, unitsOnly: false),
    "mốt": .digit(1, unitsOnly: true), "hai": .digit(2, unitsOnly: false),
    "ba": .digit(3, unitsOnly: false), "bốn": .digit(4, unitsOnly: false),
    "tư": .digit(4, unitsOnly: true), "năm": .digit(5, unitsOnly: false),
    "lăm": .digit(5, unitsOnly: true), "sáu": .digit(6, unitsOnly: false),
    "bảy": .digit(7, unitsOnly: false), "bẩy": .digit(7, unitsOnly: false),
    "tám": .digit(8, unitsOnly: false), "chín": .digit(9, unitsOnly: false),
    "mười": .ten, "mươi": .tens, "chục": .tens, "trăm": .hundred,
    "nghìn": .scale(1e3), "ngàn": .scale(1e3), "vạn": .scale(1e4), "triệu": .scale(1e6),
    "tỷ": .scale(1e9), "tỉ": .scale(1e9),
    "linh": .zeroTens, "lẻ": .zeroTens, "lẽ": .zeroTens,
    "rưỡi": .half, "rưởi": .half, "phẩy": .point, "chấm": .point,
  ]

  /// `QuantityPieces.hash` of every numeral word, and of those that can start a numeral.
  static let wordHashes = HashKeySet(words.keys.map { QuantityPieces.hash(String($0)) })
  static let startHashes = HashKeySet(
    words.keys.filter(startsNumeral).map { QuantityPieces.hash(String($0)) })

  /// `read([word], from: 0)` of every word that can start a numeral, by `QuantityPieces.hash`
  /// (absent when it reads nothing).
  static let singleReadings = HashKeyTable(
    words.keys.filter(startsNumeral).compactMap { word in
      read([word], from: 0).map { (QuantityPieces.hash(String(word)), $0) }
    })

  /// The factor of a scale word ("nghìn" → 1000), nil for other words.
  static func scale<S: StringProtocol>(of word: S) -> Double? {
    if case .scale(let factor) = words[Substring(word)] { return factor }
    return nil
  }

  /// Whether `word` can start a spelled-out numeral.
  static func startsNumeral<S: StringProtocol>(_ word: S) -> Bool {
    switch words[Substring(word)] {
    case .digit(_, let unitsOnly): return !unitsOnly
    case .ten, .hundred: return true
    default: return false
    }
  }

  /// Reads the longest numeral starting at `start`; `count` is the number of syllables read.
  static func read(_ syllables: [Substring], from start: Int) -> (value: Double, count: Int)? {
    var reader = Reader(syllables: syllables, index: start)
    guard let value = reader.number() else { return nil }
    return (value, reader.index - start)
  }

  private struct Reader {
    let syllables: [Substring]
    var index: Int
    /// Where the reading began.
    let origin: Int

    init(syllables: [Substring], index: Int) {
      self.syllables = syllables
      self.index = index
      origin = index
    }

    func word(at position: Int) -> Word? {
      position < syllables.count ? NumeralWords.words[syllables[position]] : nil
    }

    func digit(at position: Int, unitsPlace: Bool) -> Int? {
      guard case .digit(let value, let unitsOnly) = word(at: position) else { return nil }
      return unitsOnly && !unitsPlace ? nil : value
    }

    /// A whole numeral: groups of 0…999 joined by scale words, then an optional decimal part.
    mutating func number() -> Double? {
      var total = 0.0
      var largestScale = 1.0
      var lastScale: Double?
      var readAnything = false
      while true {
        let groupStart = index
        let group = self.group(afterScale: lastScale)
        if case .scale(let factor) = word(at: index) {
          // A bare scale reads as one of it ("tỷ rưỡi" in speech).
          let chunk = group ?? 1
          index += 1
          if group == nil && readAnything {
            total *= factor  // stacked scales: "một nghìn tỷ", "một tỷ tỷ"
          } else if factor > largestScale {
            total = (total + chunk) * factor
          } else {
            total += chunk * factor
          }
          largestScale = max(largestScale, factor)
          lastScale = factor
          readAnything = true
          // Elided next lower unit or a half after a scale: "một ngàn mốt", "năm ngàn rưỡi".
          if word(at: index) == .half {
            total += factor / 2
            index += 1
            continue
          }
          if let units = digit(at: index, unitsPlace: true), !continuesNumeral(at: index + 1) {
            total += Double(units) * factor / 10
            index += 1
            return total
          }
          continue
        }
        guard let group else {
          index = groupStart
          break
        }
        total += group
        readAnything = true
        break
      }
      guard readAnything else { return nil }
      if word(at: index) == .point, let fraction = decimals(at: index + 1) {
        total += fraction.value
        index = fraction.end
        // A scale after the decimals: "không phẩy hai triệu".
        if case .scale(let factor) = word(at: index) {
          total *= factor
          index += 1
        }
      }
      return total
    }

    /// Whether the syllable at `position` carries the numeral on (a multiplier or digit).
    func continuesNumeral(at position: Int) -> Bool {
      switch word(at: position) {
      case .digit, .tens, .hundred, .scale, .ten, .zeroTens: return true
      default: return false
      }
    }

    /// Decimal digits after "phẩy": read digit by digit ("không một" → .01) or as one
    /// group ("ba mươi" → .30).
    func decimals(at position: Int) -> (value: Double, end: Int)? {
      var digits: [Int] = []
      var cursor = position
      while let value = digit(at: cursor, unitsPlace: true) {
        if case .tens = word(at: cursor + 1) { break }
        if case .hundred = word(at: cursor + 1) { break }
        digits.append(value)
        cursor += 1
      }
      if digits.count >= 2 || (digits.count == 1 && !continuesNumeral(at: cursor)) {
        var value = 0.0
        var scale = 0.1
        for digit in digits {
          value += Double(digit) * scale
          scale /= 10
        }
        return (value, cursor)
      }
      var reader = Reader(syllables: syllables, index: position)
      guard let group = reader.group(afterScale: nil) else { return nil }
      var divisor = 10.0
      while divisor <= group { divisor *= 10 }
      let value = group / divisor
      return (value, reader.index)
    }

    /// Whether the syllable at `position` continues a group below a thousand.
    func continuesGroup(at position: Int) -> Bool {
      switch word(at: position) {
      case .digit, .tens, .hundred, .ten, .zeroTens: return true
      default: return false
      }
    }

    /// One group below a thousand, or nil when nothing numeric starts here.
    mutating func group(afterScale: Double?) -> Double? {
      let start = index
      // "một nghìn linh một", "hai triệu lẻ ba nghìn": an empty place after a scale.
      if afterScale != nil, word(at: index) == .zeroTens, continuesGroup(at: index + 1) {
        index += 1
      }
      var hundreds: Double?
      if let value = digit(at: index, unitsPlace: false), word(at: index + 1) == .hundred {
        hundreds = Double(value) * 100
        index += 2
      } else if word(at: index) == .hundred, start == origin || afterScale != nil {
        hundreds = 100  // "trăm mười" = 110 in speech
        index += 1
      }
      if let hundreds {
        if word(at: index) == .zeroTens, let units = digit(at: index + 1, unitsPlace: true) {
          index += 2
          return hundreds + Double(units)
        }
        if word(at: index) == .half {
          index += 1
          return hundreds + 50
        }
        if let tens = tensAndUnits() { return hundreds + tens }
        // Elided tens: "một trăm hai" → 120, "năm trăm tư" → 540.
        if let units = digit(at: index, unitsPlace: true), !continuesGroup(at: index + 1) {
          index += 1
          return hundreds + Double(units) * 10
        }
        return hundreds
      }
      if let value = tensAndUnits() { return value }
      if let value = digit(at: index, unitsPlace: false) {
        index += 1
        return Double(value)
      }
      index = start
      return nil
    }

    /// 10…99 (or a lone units digit after linh): "mười lăm", "hai mươi mốt", "bốn ba".
    mutating func tensAndUnits() -> Double? {
      if word(at: index) == .ten {
        index += 1
        if let units = digit(at: index, unitsPlace: true), units != 0,
          word(at: index + 1) != .hundred, word(at: index + 1) != .tens
        {
          index += 1
          return 10 + Double(units)
        }
        return 10
      }
      if let tens = digit(at: index, unitsPlace: false), tens >= 1 {
        if word(at: index + 1) == .tens {
          index += 2
          if let units = digit(at: index, unitsPlace: true), units != 0,
            word(at: index + 1) != .hundred, word(at: index + 1) != .tens
          {
            index += 1
            return Double(tens * 10 + units)
          }
          return Double(tens * 10)
        }
        // Digit pairs: "hai mốt" → 21, "bốn ba" → 43, "chín lăm" → 95.
        if tens >= 2, let units = digit(at: index + 1, unitsPlace: true), units != 0,
          word(at: index + 2) != .hundred, word(at: index + 2) != .tens,
          word(at: index + 2) != .ten
        {
          if case .digit = word(at: index + 2) { return nil }
          index += 2
          return Double(tens * 10 + units)
        }
      }
      return nil
    }
  }
}
