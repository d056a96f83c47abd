import VNXSegmentation

/// Finds the quantities an article reports: counts, percentages, masses, areas, money…
///
///     IndicatorExtractor().extract(from: "Xã có 166 đảng viên, sản lượng đạt 2.343 tấn")
///     // [166 "đảng viên" (count), 2343 "tấn" (mass, about "sản lượng")]
///
/// Reads numbers the Vietnamese way (`VietnameseNumber`, `NumeralWords`), folds scale words
/// into the value, finds the unit or the counted noun after the number, the qualifier and
/// trend words before it, shares ("13/13 chi bộ") and ranges ("từ 3 đến 4 hộ"), then what is
/// measured (`about`) and the year from context. Dates, times, years, durations, codes,
/// names with numbers, ordinals and vague amounts are left out. One pass over the text's
/// pieces; lexicon lookups are hash lookups.
public struct IndicatorExtractor: Sendable {
  let lexicon: UnitLexicon

  public init() { lexicon = .shared }

  /// The indicators of `text` (normalized text) given its sentences from
  /// `Segmenter().sentences(in:)`, in text order.
  public func extract(from text: String, sentences: [Sentence]) -> [Indicator] {
    var reading = IndicatorReading(pieces: QuantityPieces(text, sentences: sentences), lexicon: lexicon)
    // Scale words can push a huge number past Double (no JSON for infinity): such is no indicator.
    return reading.run().filter {
      $0.value.isFinite && $0.valueMax?.isFinite != false && $0.total?.isFinite != false
    }
  }

  /// The indicators of `text` (normalized text), segmenting it first.
  public func extract(from text: String) -> [Indicator] {
    extract(from: text, sentences: Self.segmenter.sentences(in: text))
  }

  static let segmenter = Segmenter()
}

/// One extraction over one text.
struct IndicatorReading {
  typealias Piece = QuantityPieces.Piece

  let source: QuantityPieces
  let pieces: [Piece]
  let lexicon: UnitLexicon
  var found: [Indicator] = []
  /// Piece index of each found indicator's first and last piece.
  var spans: [(first: Int, end: Int)] = []

  init(pieces: QuantityPieces, lexicon: UnitLexicon) {
    source = pieces
    self.pieces = pieces.pieces
    self.lexicon = lexicon
  }

  struct NumberRead {
    var value: Double
    var first: Int
    /// The piece after the number (and its scale words).
    var next: Int
    var spelled: Bool
    var scale: Double?
    /// Written as plain digits without separators ("5", "13").
    var plainDigits: Int?
  }

  struct UnitRead {
    var name: String
    var kind: QuantityKind
    var first: Int
    var next: Int
    var counted: Bool
    /// Taken from the level reached: "tăng từ 40 lên 55 hộ".
    var borrowed = false
    /// Found in the lexicons (not an open-ended noun).
    var known = true
  }

  enum UnitResult {
    case unit(UnitRead)
    case none
    case notQuantity
  }

  mutating func run() -> [Indicator] {
    var index = 0
    while index < pieces.count {
      let piece = pieces[index]
      let candidate =
        piece.kind == .number
        || (piece.kind == .word && NumeralWords.startsNumeral(piece.key) && piece.key != "trăm")
      guard candidate else {
        index += 1
        continue
      }
      index = quantity(at: index)
    }
    attachContext()
    return found
  }

  // MARK: - Pieces

  func key(_ index: Int) -> String? { index >= 0 && index < pieces.count ? pieces[index].key : nil }

  func isWord(_ index: Int) -> Bool { index >= 0 && index < pieces.count && pieces[index].kind == .word }

  /// Whether pieces `index` and `index + 1` touch without space or line break.
  func touches(_ index: Int) -> Bool {
    index >= 0 && index + 1 < pieces.count && !pieces[index + 1].spaced
  }

  /// The end of the run of touching pieces that contains `index`.
  func touchingRunEnd(_ index: Int) -> Int {
    var end = index + 1
    while end < pieces.count, !pieces[end].spaced { end += 1 }
    return end
  }

  /// The phrase of the `count` words ending just before `end` (lowercase, one space).
  func phrase(endingBefore end: Int, count: Int) -> String? {
    let start = end - count
    guard start >= 0, count > 0 else { return nil }
    for index in start..<end where pieces[index].kind != .word { return nil }
    for index in (start + 1)..<end where pieces[index].newLine { return nil }
    return pieces[start..<end].map(\.key).joined(separator: " ")
  }

  /// The phrase of the `count` words starting at `start`.
  func phrase(startingAt start: Int, count: Int) -> String? {
    let end = start + count
    guard start >= 0, count > 0, end <= pieces.count else { return nil }
    for index in start..<end where pieces[index].kind != .word { return nil }
    for index in (start + 1)..<end where pieces[index].newLine { return nil }
    return pieces[start..<end].map(\.key).joined(separator: " ")
  }

  // MARK: - Numbers

  /// Reads the number at `index`: digits (with scale words after) or a spelled numeral.
  func number(at index: Int) -> NumberRead? {
    guard index < pieces.count else { return nil }
    let piece = pieces[index]
    var read: NumberRead
    if piece.kind == .number {
      guard let value = VietnameseNumber.digits(piece.key) else { return nil }
      let plain = piece.key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? piece.key.utf8.count : nil
      read = NumberRead(
        value: value, first: index, next: index + 1, spelled: false, scale: nil,
        plainDigits: plain)
    } else if piece.kind == .word, NumeralWords.startsNumeral(piece.key) {
      var syllables: [Substring] = []
      var cursor = index
      while cursor < pieces.count, syllables.count < 16, pieces[cursor].kind == .word,
        cursor == index || (pieces[cursor].spaced && !pieces[cursor].newLine)
      {
        syllables.append(Substring(pieces[cursor].key))
        cursor += 1
      }
      guard let words = NumeralWords.read(syllables, from: 0) else { return nil }
      read = NumberRead(
        value: words.value, first: index, next: index + words.count, spelled: true, scale: nil,
        plainDigits: nil)
      return read
    } else {
      return nil
    }
    while read.next < pieces.count, pieces[read.next].kind == .word,
      pieces[read.next].spaced, !pieces[read.next].newLine,
      let factor = lexicon.scales[pieces[read.next].key]
    {
      read.value *= factor
      read.scale = (read.scale ?? 1) * factor
      read.next += 1
    }
    return read
  }

  // MARK: - Units

  /// The unit or counted noun starting at `index`.
  func unit(at index: Int, openEnded: Bool) -> UnitResult {
    guard index < pieces.count, !pieces[index].newLine else { return .none }
    let piece = pieces[index]
    if piece.kind == .symbol {
      if piece.key == "%" || piece.key == "‰" {
        return .unit(UnitRead(name: "%", kind: .percent, first: index, next: index + 1, counted: false))
      }
      if let unit = lexicon.units[piece.key], unit.kind == .money {
        return .unit(UnitRead(name: unit.name, kind: .money, first: index, next: index + 1, counted: false))
      }
      return .none
    }
    guard piece.kind == .word else { return .none }
    var best: (length: Int, unit: UnitLexicon.Unit)?
    var stop = 0
    for length in stride(from: lexicon.longestPhrase, through: 1, by: -1) {
      guard let words = phrase(startingAt: index, count: length) else { continue }
      if best == nil, let unit = lexicon.units[words] { best = (length, unit) }
      if stop == 0, lexicon.nonQuantityNouns.contains(words) { stop = length }
    }
    if stop > 0, stop >= (best?.length ?? 0) { return .notQuantity }
    var read: UnitRead
    if let best {
      read = UnitRead(
        name: best.unit.name, kind: best.unit.kind, first: index, next: index + best.length,
        counted: best.unit.kind == .count)
    } else {
      guard openEnded, !piece.capitalized, NumeralWords.words[Substring(piece.key)] == nil,
        lexicon.scales[piece.key] == nil, lexicon.qualifiers[piece.key] == nil,
        lexicon.trends[piece.key] == nil
      else { return .none }
      // The counted noun is the segmenter's word when it joined syllables: "đại biểu".
      var length = 1
      if piece.wordLength > 1, let words = phrase(startingAt: index, count: piece.wordLength),
        !words.split(separator: " ").contains(where: { lexicon.nonQuantityNouns.contains(String($0)) })
      {
        length = piece.wordLength
      }
      read = UnitRead(
        name: phrase(startingAt: index, count: length) ?? piece.key, kind: .count, first: index,
        next: index + length, counted: true)
      read.known = false
    }
    // Page counters ("3.264 lượt xem") are boilerplate, not quantities.
    if read.name == "lượt", let next = key(read.next),
      ["xem", "tải", "truy", "đọc", "thích", "chia", "bình", "đánh", "nghe"].contains(next)
    {
      return .notQuantity
    }
    // Rates: "tấn/ha", "đồng/người/năm".
    while read.next + 1 < pieces.count, pieces[read.next].key == "/",
      pieces[read.next + 1].kind == .word, !pieces[read.next + 1].newLine
    {
      var length = 1
      var name = pieces[read.next + 1].key
      for candidate in stride(from: lexicon.longestPhrase, through: 2, by: -1) {
        if let words = phrase(startingAt: read.next + 1, count: candidate),
          let unit = lexicon.units[words]
        {
          length = candidate
          name = unit.name
          break
        }
      }
      if length == 1, let unit = lexicon.units[name] { name = unit.name }
      read.name += "/" + name
      read.kind = read.kind == .percent ? .percent : .rate
      read.counted = false
      read.next += 1 + length
    }
    return .unit(read)
  }

  // MARK: - Quantities

  /// Reads a quantity whose number starts at `index`; returns the piece to continue from.
  mutating func quantity(at index: Int) -> Int {
    let piece = pieces[index]
    // Numbers glued to words or codes: "COVID-19", "18-KL/TW", "H5N1", "10h45".
    if piece.kind == .number, !piece.spaced, index > 0 {
      let previous = pieces[index - 1]
      if previous.kind == .word { return touchingRunEnd(index) }
      if ["-", "/", ".", ":"].contains(previous.key), index >= 2, !pieces[index - 1].spaced,
        pieces[index - 2].kind != .symbol
      {
        return touchingRunEnd(index)
      }
    }
    guard var first = number(at: index) else { return index + 1 }
    if first.spelled, first.next - first.first == 1 {
      // "một" alone is the article "a"; "năm" alone after "cuối", "mỗi"… or opening a
      // sentence is "year".
      if piece.key == "một" {
        // …unless a counted noun follows inside a sentence: "có thêm một con bê".
        guard !piece.capitalized, case .unit(let unit) = unit(at: first.next, openEnded: false),
          unit.counted, !lexicon.articleNouns.contains(unit.name)
        else { return index + 1 }
      }
      if piece.key == "năm",
        piece.capitalized || key(index - 1).map(lexicon.periodWords.contains) ?? true
      {
        return index + 1
      }
    }

    var total: Double?
    var valueMax: Double?
    var cursor = first.next

    if !first.spelled, first.scale == nil, cursor < pieces.count, touches(cursor - 1) {
      let glued = pieces[cursor]
      switch glued.key {
      case "/":
        // "13/13 chi bộ" is a share; "22/9", "22/9/2017", "90/QĐ-TTg" are not.
        guard cursor + 1 < pieces.count, pieces[cursor + 1].kind == .number, touches(cursor),
          !touches(cursor + 1), let whole = VietnameseNumber.digits(pieces[cursor + 1].key),
          first.value <= whole
        else { return touchingRunEnd(index) }
        total = whole
        cursor += 2
      case ":":
        return touchingRunEnd(index)
      case "-", "–":
        // "3-4 hộ" is a range; "25-10-2017" and "05-CT/TW" are not.
        if cursor + 1 < pieces.count, pieces[cursor + 1].kind == .number, touches(cursor),
          !touches(cursor + 1)
        {
          break
        }
        return touchingRunEnd(index)
      case ",":
        break
      default:
        if glued.kind == .word {
          if case .unit = unit(at: cursor, openEnded: false) { break }
          return touchingRunEnd(index)
        }
        if glued.kind == .number { return touchingRunEnd(index) }
      }
    }

    // Ranges: "từ 3 đến 4 hộ", "3 - 5 con", "từ 30 - 50 triệu đồng".
    let fromWord = key(index - 1) == "từ" && pieces[index].spaced
    if total == nil, cursor < pieces.count {
      let joiner = pieces[cursor]
      let isDash = ["-", "–", "—", "~"].contains(joiner.key)
      let isTo = fromWord && (joiner.key == "đến" || joiner.key == "tới")
      if isDash || isTo, let second = number(at: cursor + 1), second.spelled == first.spelled,
        !pieces[cursor].newLine, !pieces[cursor + 1].newLine
      {
        var low = first.value
        if first.scale == nil, let scale = second.scale { low *= scale }
        if second.value > low {
          switch unit(at: second.next, openEnded: !second.spelled) {
          case .unit(let unit):
            first.value = low
            valueMax = second.value
            cursor = second.next
            return record(first: first, unit: unit, valueMax: valueMax, total: nil, range: true)
          case .notQuantity, .none:
            return second.next
          }
        }
      }
    }

    // The spaced decimal typo: "trên 5, 5 ha", "tăng 5, 5%".
    if total == nil, let digits = first.plainDigits, digits <= 3, cursor + 1 < pieces.count,
      pieces[cursor].key == ",", touches(cursor - 1), pieces[cursor + 1].kind == .number,
      pieces[cursor + 1].spaced, pieces[cursor + 1].key.utf8.count <= 2,
      pieces[cursor + 1].key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      case .unit(let unit) = unit(at: cursor + 2, openEnded: false), !unit.counted,
      unit.kind != .percent || touches(cursor + 1), let fraction = VietnameseNumber.digits("0," + pieces[cursor + 1].key)
    {
      first.value += fraction
      return record(first: first, unit: unit, valueMax: nil, total: nil, range: false)
    }

    switch unit(at: cursor, openEnded: !first.spelled) {
    case .unit(let unit):
      // "từ 500.000 đồng đến 1 triệu đồng": a range with the unit on both ends.
      if fromWord, total == nil, let joiner = key(unit.next),
        ["đến", "tới", "-", "–"].contains(joiner),
        let second = number(at: unit.next + 1), second.value > first.value,
        case .unit(let secondUnit) = self.unit(at: second.next, openEnded: !second.spelled),
        secondUnit.name == unit.name
      {
        var range = unit
        range.next = secondUnit.next
        return record(first: first, unit: range, valueMax: second.value, total: nil, range: true)
      }
      return record(first: first, unit: unit, valueMax: nil, total: total, range: false)
    case .notQuantity:
      return cursor
    case .none:
      // A level reached from a start without a unit: "tăng từ 40 lên 55 hộ".
      guard total == nil, let link = key(cursor), link == "lên" || link == "xuống" else {
        return max(cursor, index + 1)
      }
      var target = cursor + 1
      if let word = key(target), ["còn", "mức", "đến", "tới"].contains(word) { target += 1 }
      guard let second = number(at: target),
        case .unit(var unit) = unit(at: second.next, openEnded: !second.spelled)
      else { return cursor }
      if first.scale == nil, let scale = second.scale { first.value *= scale }
      unit.first = first.next
      unit.next = first.next
      unit.borrowed = true
      return record(first: first, unit: unit, valueMax: nil, total: nil, range: false)
    }
  }

  /// Checks the words before the number, then records the indicator; returns the next piece.
  mutating func record(
    first: NumberRead, unit: UnitRead, valueMax: Double?, total: Double?, range: Bool
  ) -> Int {
    var start = first.first
    let fromWord = key(start - 1) == "từ" && isWord(start - 1)
    if fromWord { start -= 1 }
    var qualifier: Indicator.Qualifier?
    var trend: Indicator.Trend?
    var level = false
    // Qualifier, then trend, each the longest phrase right before.
    for length in stride(from: lexicon.longestPhrase, through: 1, by: -1) {
      if let words = phrase(endingBefore: start, count: length),
        let found = lexicon.qualifiers[words]
      {
        qualifier = found
        start -= length
        break
      }
    }
    // "giảm từ 49,47% xuống còn 42,32%": a starting level, not a change.
    let startingLevel = fromWord && !range
    for length in stride(from: lexicon.longestPhrase, through: 1, by: -1) where !startingLevel {
      if let words = phrase(endingBefore: start, count: length), let found = lexicon.trends[words] {
        switch found {
        case .increase: trend = .increase
        case .decrease: trend = .decrease
        case .level: level = true
        }
        if !level { start -= length }
        break
      }
    }
    let prefixed = start != first.first || fromWord
    // Names and codes carry no unit of measure: "Chi bộ 6", "lớp 9"; but "cả làng 100%".
    if !prefixed, unit.counted || unit.borrowed {
      // Names, codes, ordinals, dates and years: "Chi bộ 6", "lớp 9", "năm 2018".
      for length in 1...3 {
        if let words = phrase(endingBefore: first.first, count: length),
          lexicon.identifierNouns.contains(words) || lexicon.vagueWords.contains(words)
        {
          return unit.next
        }
      }
      // A name before a number ("thôn Long Láy 1") makes it part of the name, unless a known
      // counted noun follows ("người Khmer 1.018 đồng chí").
      if !unit.known, first.first >= 2, pieces[first.first - 1].kind == .word,
        pieces[first.first - 1].capitalized, !pieces[first.first - 1].newLine,
        !Self.isBoundary(pieces[first.first - 2].key)
      {
        return unit.next
      }
    }
    // A bare year before a noun: "Tết Nguyên đán 2024 diễn ra", "2020 - 2025 huyện".
    if unit.counted, first.plainDigits == 4, (1900...2100).contains(first.value) {
      return unit.next
    }
    if first.spelled, let previous = key(first.first - 1),
      lexicon.vagueWords.contains(previous) || previous == "thứ"
    {
      return unit.next
    }
    // A range after a trend verb a few words back: "giảm tỷ lệ hộ nghèo từ 6 - 7%".
    if range, trend == nil, !level, fromWord {
      var cursor = start - 1
      var steps = 0
      while cursor >= 0, steps < 8, pieces[cursor].kind == .word, !pieces[cursor + 1].newLine {
        if let found = lexicon.trends[pieces[cursor].key] {
          if found == .increase { trend = .increase }
          if found == .decrease { trend = .decrease }
          break
        }
        cursor -= 1
        steps += 1
      }
    }
    let end = max(unit.next, first.next)
    let startOffset = pieces[start].start
    let endOffset = pieces[end - 1].end
    found.append(
      Indicator(
        text: source.text(startOffset, endOffset), start: startOffset, end: endOffset,
        value: first.value, unit: unit.name, kind: unit.kind, valueMax: valueMax, total: total,
        qualifier: qualifier, trend: trend))
    spans.append((start, end))
    unitSpans.append((unit.first, unit.next, unit.counted))
    return end
  }

  var unitSpans: [(first: Int, next: Int, counted: Bool)] = []

  static let boundaries: Set<String> = [
    ".", "!", "?", ":", ";", "(", ")", "\"", "“", "”", "…", "-", "–", "|", "•",
  ]

  static func isBoundary(_ key: String) -> Bool { boundaries.contains(key) }
}
