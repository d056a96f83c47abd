/// Splits normalized text into typed tokens in one pass over its Unicode scalars.
///
/// Numbers (`2.343`, `100,5`, `1.234,5`), percentages (`100,5%`), dates (`22/9/2017`,
/// `25-10-2017`, `5-2002`), times (`08:41`, `7h30`), document codes (`18-KL/TW`,
/// `1234/QĐ-UBND`), dotted abbreviations (`TP.`, `PGS.TS.`, `v.v.`), URLs and e-mail
/// addresses each stay one token. A hand-written scanner with bounded look-ahead: no regular
/// expressions, no allocation per character.
struct TokenScanner {
  let scalars: UnsafeBufferPointer<UInt32>
  let abbreviations: AbbreviationTable
  /// The UTF-8 offset of each scalar, and the byte count at `scalars.count`.
  private let utf8Offsets: [Int]

  /// The tokens, and for each the number of line breaks in the blank before it.
  private(set) var tokens: [Token] = []
  private(set) var breaksBefore: [UInt8] = []

  /// `utf8Offsets`: the UTF-8 offset of each scalar and the byte count after them
  /// (`ScalarBuffer.scalarsAndOffsets`); computed from the scalars when not given.
  init(
    scalars: UnsafeBufferPointer<UInt32>, utf8Offsets: [Int]? = nil,
    abbreviations: AbbreviationTable
  ) {
    self.scalars = scalars
    self.abbreviations = abbreviations
    self.utf8Offsets = utf8Offsets ?? ScalarBuffer.utf8Offsets(of: scalars)
  }

  mutating func scan() {
    // News text has a token every 4 to 5 scalars: a third is seldom exceeded. A token takes
    // at least one scalar, so a second try never overflows.
    if let (tokens, breaks) = read(capacity: scalars.count / 3 + 16) {
      self.tokens = tokens
      breaksBefore = breaks
    } else {
      (tokens, breaksBefore) = read(capacity: scalars.count)!
    }
  }

  /// The tokens and their line breaks, written straight into arrays of `capacity` elements;
  /// nil when the text has more tokens.
  private func read(capacity: Int) -> ([Token], [UInt8])? {
    var fits = true
    var breaksBefore: [UInt8] = []
    let tokens = [Token](unsafeUninitializedCapacity: capacity) { tokens, tokenCount in
      breaksBefore = [UInt8](unsafeUninitializedCapacity: capacity) { breaksBefore, breakCount in
        utf8Offsets.withUnsafeBufferPointer { utf8Offsets in
          var written = 0
          @inline(__always) func emit(_ kind: TokenKind, _ start: Int, _ end: Int, _ breaks: Int)
            -> Bool
          {
            guard written < capacity else { return false }
            (tokens.baseAddress! + written).initialize(
              to: Token(
                kind: kind, start: start, end: end, utf8Start: utf8Offsets[start],
                utf8End: utf8Offsets[end]))
            breaksBefore[written] = UInt8(truncatingIfNeeded: min(breaks, 255))
            written += 1
            return true
          }
          let count = scalars.count
          let table = ScalarTable.entries
          var index = 0
          var breaks = 0
          while index < count {
            let value = scalars[index]
            if value == 0x20 {
              index += 1
              continue
            }
            let kind: TokenKind
            let end: Int
            switch ScalarClass(value) {
            case .letter:
              // Most syllables are a run of letters that no dot, apostrophe or hyphen
              // continues: the word `token(at:)` would find, without its checks.
              var runEnd = index + 1
              while runEnd < count, ScalarTable.isAlphanumeric(scalars[runEnd], table) {
                runEnd += 1
              }
              if runEnd < count, Self.continuesRun(scalars[runEnd]) {
                (end, kind) = token(at: index)
              } else {
                (end, kind) = (runEnd, .word)
              }
            case .space:
              index += 1
              continue
            case .newline:
              if !(value == 0x0D && index + 1 < count && scalars[index + 1] == 0x0A) { breaks += 1 }
              index += 1
              continue
            case .digit, .other:
              (end, kind) = token(at: index)
            }
            guard emit(kind, index, end, breaks) else {
              fits = false
              break
            }
            breaks = 0
            index = end
          }
          tokenCount = written
          breakCount = written
        }
      }
    }
    return fits ? (tokens, breaksBefore) : nil
  }

  /// Whether a scalar after a run of letters and digits may make it more than a plain word
  /// (see `token(at:)`).
  @inline(__always)
  private static func continuesRun(_ value: UInt32) -> Bool {
    switch value {
    case 0x2E, 0x3A, 0x2F, 0x40, 0x2D, 0x5F, 0x2B, 0x25, 0x27, 0x2019, 0x26: true
    default: false
    }
  }

  /// Whether a scalar is a letter or a digit (`ScalarClass`), ASCII by two comparisons.
  @inline(__always)
  private static func isAlnumValue(_ value: UInt32) -> Bool {
    if value < 0x80 { return value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26 }
    let cls = ScalarClass(value)
    return cls == .letter || cls == .digit
  }

  // MARK: - Character access

  @inline(__always)
  private func at(_ index: Int) -> UInt32 { index < scalars.count && index >= 0 ? scalars[index] : 0 }
  @inline(__always)
  private func classAt(_ index: Int) -> ScalarClass {
    index < scalars.count && index >= 0 ? ScalarClass(scalars[index]) : .space
  }
  @inline(__always)
  private func isDigit(_ index: Int) -> Bool { let v = at(index); return v >= 0x30 && v <= 0x39 }
  @inline(__always)
  private func isLetter(_ index: Int) -> Bool { classAt(index) == .letter }
  @inline(__always)
  private func isAlnum(_ index: Int) -> Bool {
    let c = classAt(index)
    return c == .letter || c == .digit
  }
  @inline(__always)
  private func isBlank(_ index: Int) -> Bool {
    let c = classAt(index)
    return c == .space || c == .newline
  }

  // MARK: - Dispatch

  private func token(at index: Int) -> (Int, TokenKind) {
    let value = scalars[index]
    let cls = ScalarClass(value)
    if cls == .letter || cls == .digit {
      // Only a run of letters and digits followed by a connector can start a URL, an e-mail
      // address or a document code: most tokens skip those checks.
      var runEnd = index + 1
      while runEnd < scalars.count, Self.isAlnumValue(scalars[runEnd]) { runEnd += 1 }
      switch at(runEnd) {
      case 0x2E, 0x3A, 0x2F, 0x40, 0x2D, 0x5F, 0x2B, 0x25:
        if let end = url(at: index) { return (end, .url) }
        if let end = email(at: index) { return (end, .email) }
        if let end = documentCode(at: index) { return (end, .documentCode) }
      case 0x27, 0x2019, 0x26:
        break  // H'Mông, E&C: `wordRun` decides
      default:
        // Most syllables: a run of letters that no dot, apostrophe or hyphen continues is
        // the word `word(at:)` would find, without scanning it again.
        if cls == .letter { return (runEnd, .word) }
      }
      return cls == .digit ? number(at: index) : word(at: index)
    }
    return punctuation(at: index)
  }

  // MARK: - URLs and e-mail

  private func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
    var offset = 0
    var matched = true
    prefix.withUTF8Buffer { bytes in
      for byte in bytes {
        if LetterCase.lower(at(index + offset)) != UInt32(byte) {
          matched = false
          return
        }
        offset += 1
      }
    }
    return matched
  }

  private func url(at index: Int) -> Int? {
    switch LetterCase.lower(at(index)) {
    case 0x68:  // h
      if hasPrefix("http://", at: index) { return urlTail(from: index + 7) }
      if hasPrefix("https://", at: index) { return urlTail(from: index + 8) }
    case 0x66:  // f
      if hasPrefix("ftp://", at: index) { return urlTail(from: index + 6) }
    case 0x77:  // w
      if hasPrefix("www.", at: index) { return urlTail(from: index + 4) }
    default:
      break
    }
    return domain(at: index).map { urlTail(from: $0, pathOnly: true) }
  }

  /// The end of a URL whose host starts at `index`: up to a blank or a quote, without
  /// trailing punctuation.
  private func urlTail(from index: Int, pathOnly: Bool = false) -> Int {
    var end = index
    if pathOnly && at(end) != 0x2F { return end }
    var parentheses = 0
    while end < scalars.count {
      let value = scalars[end]
      if isBlank(end) { break }
      switch value {
      case 0x22, 0x3C, 0x3E, 0x201C, 0x201D, 0x2018, 0x2019, 0xAB, 0xBB: break
      case 0x28:
        parentheses += 1
        end += 1
        continue
      case 0x29:
        if parentheses == 0 { break }
        parentheses -= 1
        end += 1
        continue
      default:
        end += 1
        continue
      }
      break
    }
    trimming: while end > index {
      switch scalars[end - 1] {
      case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27: end -= 1
      default: break trimming
      }
    }
    return end
  }

  private static let topLevelDomains: Set<String> = [
    "vn", "com", "net", "org", "edu", "gov", "info", "biz", "io", "int", "co", "uk", "us",
    "de", "fr", "jp", "cn", "kr", "ru", "asia", "tv", "me", "app", "dev", "online", "news",
  ]

  /// The end of a bare ASCII host name such as `baodautu.vn` or `mp3.zing.vn`.
  private func domain(at index: Int) -> Int? {
    var end = index
    var labels = 0
    var lastLabelStart = index
    var hasLetter = false
    while true {
      let labelStart = end
      while end < scalars.count {
        let v = scalars[end]
        if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) {
          hasLetter = true
        } else if !((v >= 0x30 && v <= 0x39) || v == 0x2D) {
          break
        }
        end += 1
      }
      guard end > labelStart else { return nil }
      labels += 1
      lastLabelStart = labelStart
      if at(end) == 0x2E, isAlnum(end + 1), at(end + 1) < 0x80 {
        end += 1
        continue
      }
      break
    }
    guard labels >= 2, hasLetter, !isAlnum(end), end - lastLabelStart <= 6 else { return nil }
    var tld = ""
    for position in lastLabelStart..<end {
      tld.unicodeScalars.append(Unicode.Scalar(LetterCase.lower(scalars[position]))!)
    }
    // Lowercase hosts only, so that "TP.HCM" never reads as one.
    for position in index..<end where scalars[position] >= 0x41 && scalars[position] <= 0x5A {
      return nil
    }
    return Self.topLevelDomains.contains(tld) ? end : nil
  }

  private func email(at index: Int) -> Int? {
    var end = index
    while end < scalars.count {
      let v = scalars[end]
      let ok =
        (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        || v == 0x2E || v == 0x5F || v == 0x25 || v == 0x2B || v == 0x2D
      if !ok { break }
      end += 1
    }
    guard at(end) == 0x40, end > index else { return nil }
    end += 1
    let hostStart = end
    var dots = 0
    while end < scalars.count {
      let v = scalars[end]
      if v == 0x2E {
        guard isAlnum(end + 1), at(end + 1) < 0x80 else { break }
        dots += 1
      } else if !((v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        || v == 0x2D)
      {
        break
      }
      end += 1
    }
    return dots > 0 && end > hostStart ? end : nil
  }

  // MARK: - Document codes

  /// `18-KL/TW`, `1234/QĐ-UBND`, `05/2017/NĐ-CP`: alphanumeric parts joined by `/` or `-`,
  /// at least one part with digits and one with two capitals in a row, and either a slash or
  /// a leading number.
  private func documentCode(at index: Int) -> Int? {
    var end = index
    var parts = 0
    var hasSlash = false
    var hasDigits = false
    var hasCapitals = false
    while true {
      var previousUpper = false
      let partStart = end
      while end < scalars.count {
        let value = scalars[end]
        let cls = ScalarClass(value)
        if cls == .digit {
          hasDigits = true
          previousUpper = false
        } else if cls == .letter {
          let upper = LetterCase.isUpper(value)
          if upper && previousUpper { hasCapitals = true }
          previousUpper = upper
        } else {
          break
        }
        end += 1
      }
      guard end > partStart else { return nil }
      parts += 1
      let separator = at(end)
      if (separator == 0x2F || separator == 0x2D), isAlnum(end + 1) {
        if separator == 0x2F { hasSlash = true }
        end += 1
        continue
      }
      break
    }
    guard parts >= 2, hasDigits, hasCapitals, hasSlash || isDigit(index) else { return nil }
    return end
  }

  // MARK: - Numbers, dates, times

  private enum Separator { case none, decimal, slash, dash, colon }

  private func number(at index: Int) -> (Int, TokenKind) {
    var end = index
    var separator = Separator.none
    var groups = 0
    var values = (0, 0, 0)
    var lengths = (0, 0, 0)
    var firstSeparatorEnd = index
    var dots = 0
    var commas = 0
    while true {
      let groupStart = end
      var value = 0
      while isDigit(end) {
        if end - groupStart < 9 { value = value * 10 + Int(scalars[end] - 0x30) }
        end += 1
      }
      switch groups {
      case 0: (values.0, lengths.0) = (value, end - groupStart)
      case 1: (values.1, lengths.1) = (value, end - groupStart)
      case 2: (values.2, lengths.2) = (value, end - groupStart)
      default: break
      }
      groups += 1
      if groups == 1 { firstSeparatorEnd = end }
      let next = at(end)
      guard isDigit(end + 1) else { break }
      let kind: Separator
      switch next {
      case 0x2E, 0x2C: kind = .decimal
      case 0x2F: kind = .slash
      case 0x2D: kind = .dash
      case 0x3A: kind = .colon
      default: kind = .none
      }
      if kind == .none || (separator != .none && separator != kind) { break }
      if next == 0x2E { dots += 1 } else if next == 0x2C { commas += 1 }
      separator = kind
      end += 1
    }
    let day = values.0
    let month = values.1
    switch separator {
    case .none:
      return integerSuffix(start: index, end: end, value: values.0)
    case .colon:
      if groups <= 3, lengths.0 <= 2, values.0 <= 24, lengths.1 == 2, values.1 < 60,
        groups == 2 || (lengths.2 == 2 && values.2 < 60)
      {
        return (end, .time)
      }
      return (firstSeparatorEnd, .number)
    case .slash, .dash:
      if groups == 3 {
        let dayMonthYear =
          lengths.0 <= 2 && (1...31).contains(day) && lengths.1 <= 2 && (1...12).contains(month)
          && (lengths.2 == 4 || lengths.2 == 2)
        let yearMonthDay =
          lengths.0 == 4 && lengths.1 <= 2 && (1...12).contains(month) && lengths.2 <= 2
          && (1...31).contains(values.2)
        if dayMonthYear || yearMonthDay { return (end, .date) }
      } else if groups == 2 {
        let dayMonth =
          lengths.0 <= 2 && (1...31).contains(day) && lengths.1 <= 2 && (1...12).contains(month)
        let monthYear = lengths.0 <= 2 && (1...12).contains(day) && lengths.1 == 4
        if dayMonth || monthYear { return (end, .date) }
        if separator == .slash { return percentSuffix(end) }
      }
      return (firstSeparatorEnd, .number)
    case .decimal:
      if groups == 3, dots == 2, lengths.0 <= 2, (1...31).contains(day), lengths.1 <= 2,
        (1...12).contains(month), lengths.2 == 4
      {
        return (end, .date)
      }
      return percentSuffix(end)
    }
  }

  private func percentSuffix(_ end: Int) -> (Int, TokenKind) {
    let next = at(end)
    if next == 0x25 || next == 0x2030 { return (end + 1, .percent) }
    return (end, .number)
  }

  /// After a bare integer: `20%`, `7h30`, `4K`, `53S5`; a unit (`5km`) is its own token.
  private func integerSuffix(start: Int, end: Int, value: Int) -> (Int, TokenKind) {
    let next = at(end)
    if next == 0x25 || next == 0x2030 { return (end + 1, .percent) }
    guard isLetter(end) else { return (end, .number) }
    if (next == 0x68 || next == 0x67), value <= 24, end - start <= 2 {
      // 7h, 7h30, 19g15
      var tail = end + 1
      while isDigit(tail), tail - end <= 2 { tail += 1 }
      if !isAlnum(tail), tail - end == 1 || tail - end == 3 { return (tail, .time) }
    }
    var tail = end
    var letters = 0
    while isLetter(tail) {
      letters += 1
      tail += 1
    }
    let capital = LetterCase.isUpper(next)
    if isDigit(tail) || (capital && letters == 1) {
      return (wordRun(from: tail), .word)
    }
    return (end, .number)
  }

  // MARK: - Words and abbreviations

  private func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 }

  /// The end of a run of letters and digits, with inner apostrophes (H'Mông) and hyphens
  /// (F-16, Nga-Mỹ).
  private func wordRun(from index: Int, hyphens: Bool = true) -> Int {
    var end = index
    while true {
      while isAlnum(end) { end += 1 }
      let next = at(end)
      if isApostrophe(next), isLetter(end - 1), isLetter(end + 1) {
        end += 1
        continue
      }
      if next == 0x26, LetterCase.isUpper(at(end - 1)), LetterCase.isUpper(at(end + 1)) {
        end += 1  // E&C, AT&T
        continue
      }
      if hyphens, next == 0x2D, isAlnum(end + 1) {
        end += 1
        continue
      }
      return end
    }
  }

  private func word(at index: Int) -> (Int, TokenKind) {
    // A unit stuck to a number ("1.600m-2.000m") does not take a hyphen.
    var end = wordRun(from: index, hyphens: !isDigit(index - 1))
    guard at(end) == 0x2E else { return (end, .word) }
    var dotted = false
    var initials = end - index == 1
    var runStart = index
    // Chains without blanks: PGS.TS, TP.HCM, Th.S, v.v, T.T.M
    while at(end) == 0x2E, isLetter(end + 1), joinsAcrossDot(runStart, end) {
      dotted = true
      runStart = end + 1
      end = wordRun(from: runStart)
      if end - runStart != 1 { initials = false }
    }
    if at(end) == 0x2E {
      if abbreviations.role(scalars, index..<(end + 1)) != nil
        || (dotted && abbreviations.role(scalars, runStart..<(end + 1)) != nil)
      {
        end += 1
        while at(end) == 0x2E { end += 1 }  // v.v...
        return (end, .abbreviation)
      }
      if initials, !isLetter(end + 1), dotted || LetterCase.isUpper(scalars[index]) {
        return (end + 1, .abbreviation)  // T.T.M., anh H.
      }
    }
    return (end, dotted ? .abbreviation : .word)
  }

  /// Whether the run `start..<dot` and the letters after the dot are one dotted form.
  private func joinsAcrossDot(_ start: Int, _ dot: Int) -> Bool {
    if abbreviations.role(scalars, start..<(dot + 1)) != nil { return true }
    let length = dot - start
    guard LetterCase.isUpper(scalars[start]) else { return length == 1 }
    if length <= 2 { return true }
    // TP.HCM, UBND.TP: all capitals
    for position in start..<dot where !LetterCase.isUpper(scalars[position]) { return false }
    return length <= 4
  }

  // MARK: - Punctuation and symbols

  /// Punctuation marks; every other non-letter, non-digit scalar is a symbol.
  private static func isPunctuationMark(_ value: UInt32) -> Bool {
    switch value {
    case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x2026, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x22,
      0x27, 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0xAB, 0xBB, 0x2039, 0x203A, 0x2D,
      0x2010...0x2015, 0x2F, 0x5C, 0xB7, 0x2032, 0x2033, 0x2BA, 0x60, 0xB4:
      return true
    default:
      return false
    }
  }

  private static func isEmoticonMouth(_ value: UInt32) -> Bool {
    value == 0x29 || value == 0x28 || value == 0x44 || value == 0x50 || value == 0x70
  }

  private static func isArrowPart(_ value: UInt32) -> Bool {
    value == 0x3D || value == 0x3C || value == 0x3E || value == 0x2D
  }

  private func punctuation(at index: Int) -> (Int, TokenKind) {
    let value = scalars[index]
    switch value {
    case 0x2E:
      if at(index + 1) == 0x2F, at(index + 2) == 0x2E { return (index + 3, .punctuation) }
      var end = index + 1
      while at(end) == 0x2E || at(end) == 0x2026 { end += 1 }
      return (end, .punctuation)
    case 0x21, 0x3F:
      var end = index + 1
      while at(end) == 0x21 || at(end) == 0x3F { end += 1 }
      return (end, .punctuation)
    case 0x3A, 0x3B, 0x3D:
      // Emoticons after a blank: :)) =)) :D
      guard index == 0 || isBlank(index - 1) else { break }
      var end = index + 1
      while Self.isEmoticonMouth(at(end)) { end += 1 }
      if end > index + 1, !isAlnum(end) { return (end, .symbol) }
    case 0x3C where at(index + 1) == 0x33 && !isAlnum(index + 2):
      return (index + 2, .symbol)  // <3
    default:
      break
    }
    if value == 0x3D || value == 0x3C || value == 0x3E || value == 0x2D {
      // Arrows and rules: ==>, ->, --
      var end = index + 1
      while Self.isArrowPart(at(end)) { end += 1 }
      if end > index + 1 { return (end, .symbol) }
    }
    return (index + 1, Self.isPunctuationMark(value) ? .punctuation : .symbol)
  }
}
