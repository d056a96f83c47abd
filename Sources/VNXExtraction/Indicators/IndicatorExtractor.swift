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
    read(QuantityPieces(text, sentences: sentences))
  }

  /// The indicators of a text already opened into pieces.
  func read(_ pieces: QuantityPieces) -> [Indicator] {
    var reading = IndicatorReading(pieces: pieces, lexicon: lexicon)
    // Scale words can push a huge number past Double (no JSON for infinity): such is no indicator.
    var found = reading.run()
    found.removeAll {
      !($0.value.isFinite && $0.valueMax?.isFinite != false && $0.total?.isFinite != false)
    }
    return found
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
    // Most indicators start at a number written in digits.
    found.reserveCapacity(pieces.numberCount)
    spans.reserveCapacity(pieces.numberCount)
    unitSpans.reserveCapacity(pieces.numberCount)
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
    /// For an open-ended noun, its number of words: its `name` is built (`name(_:)`) only when
    /// the quantity is kept. 0 when `name` is set.
    var openLength = 0
  }

  /// The name of `unit`: the lexicon's, or the open-ended noun's words (lowercase, one space).
  func name(_ unit: UnitRead) -> String {
    guard unit.openLength > 0 else { return unit.name }
    return phrase(startingAt: unit.first, count: unit.openLength) ?? key(unit.first)
  }

  enum UnitResult {
    case unit(UnitRead)
    case none
    case notQuantity
  }

  mutating func run() -> [Indicator] {
    let numeralStarts = NumeralWords.startHashes
    let startMask = Self.numeralStartMask
    let hundred = Keys.trăm
    var index = 0
    while index < pieces.count {
      let piece = pieces[index]
      let candidate =
        piece.kind == .number
        || (piece.kind == .word && startMask >> (piece.hash >> 58) & 1 != 0 && piece.hash != hundred
          && numeralStarts.contains(piece.hash))
      guard candidate else {
        index += 1
        continue
      }
      index = quantity(at: index)
    }
    attachContext()
    // Handed over, not shared: the caller's `removeAll` then copies nothing.
    let result = found
    found = []
    return result
  }

  /// Bit `h >> 58` set for the hash `h` of each word that can start a numeral: most words
  /// leave the loop of `run` on this test, before the hash table's.
  static let numeralStartMask: UInt64 = NumeralWords.words.keys.filter(NumeralWords.startsNumeral)
    .reduce(0) { $0 | 1 << (QuantityPieces.hash(String($1)) >> 58) }

  // MARK: - Pieces

  /// The key of piece `index`: a word's lowercase text, else its text (built on demand).
  func key(_ index: Int) -> String {
    pieces[index].kind == .word
      ? source.lowercasedText(of: pieces[index]) : source.text(pieces[index].start, pieces[index].end)
  }

  /// The hash of piece `index`'s key (`QuantityPieces.hash`), 0 outside the text.
  func hash(_ index: Int) -> UInt64 { index >= 0 && index < pieces.count ? pieces[index].hash : 0 }

  /// The hash of the phrase of `count` words ending just before `end` (`phrase(endingBefore:)`).
  func phraseHash(endingBefore end: Int, count: Int) -> UInt64? {
    let start = end - count
    guard start >= 0, count > 0 else { return nil }
    for index in start..<end where pieces[index].kind != .word { return nil }
    for index in (start + 1)..<end where pieces[index].newLine { return nil }
    var hash = pieces[start].hash
    for index in (start + 1)..<end { hash = PhraseKey.combine(hash, pieces[index].hash) }
    return hash
  }

  /// The number of words right before `end` that `phraseHash(endingBefore: end, count:)`
  /// reads as a phrase (no line break inside), at most `limit` (the longest lexicon phrase).
  func wordRun(endingBefore end: Int, limit: Int? = nil) -> Int {
    let limit = limit ?? lexicon.longestPhrase
    var start = end
    while start > 0, end - start < limit, pieces[start - 1].kind == .word,
      start == end || !pieces[start].newLine
    {
      start -= 1
    }
    return end - start
  }

  /// The phrase hash of the words `start..<end` (`phraseHash`, whose checks the caller made).
  @inline(__always)
  func wordsHash(_ start: Int, _ end: Int) -> UInt64 {
    var hash = pieces[start].hash
    for index in (start + 1)..<end { hash = PhraseKey.combine(hash, pieces[index].hash) }
    return hash
  }

  /// Calls `body` with the length and hash of each phrase of 1, 2, … `longestPhrase` words
  /// starting at `start`, as far as `phrase(startingAt:count:)` would give them.
  @inline(__always)
  func forEachPhrase(startingAt start: Int, _ body: (Int, UInt64) -> Void) {
    guard start >= 0 else { return }
    var hash: UInt64 = 0
    var index = start
    while index < pieces.count, index - start < lexicon.longestPhrase, pieces[index].kind == .word,
      index == start || !pieces[index].newLine
    {
      hash = index == start ? pieces[index].hash : PhraseKey.combine(hash, pieces[index].hash)
      index += 1
      body(index - start, hash)
    }
  }

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
    return (start..<end).map(key).joined(separator: " ")
  }

  /// The phrase of the `count` words starting at `start`.
  func phrase(startingAt start: Int, count: Int) -> String? {
    let end = start + count
    guard start >= 0, count > 0, end <= pieces.count else { return nil }
    for index in start..<end where pieces[index].kind != .word { return nil }
    for index in (start + 1)..<end where pieces[index].newLine { return nil }
    return (start..<end).map(key).joined(separator: " ")
  }

  // MARK: - Numbers

  /// Reads the number at `index`: digits (with scale words after) or a spelled numeral.
  func number(at index: Int) -> NumberRead? {
    guard index < pieces.count else { return nil }
    let piece = pieces[index]
    var read: NumberRead
    if piece.kind == .number {
      guard let value = source.numberValue(piece) else { return nil }
      read = NumberRead(
        value: value, first: index, next: index + 1, spelled: false, scale: nil,
        plainDigits: source.plainDigits(piece))
    } else if piece.kind == .word, NumeralWords.startHashes.contains(piece.hash) {
      // Up to 16 syllables; the reading stops at the first one that is no numeral word.
      var cursor = index + 1
      while cursor < pieces.count, cursor - index < 16, pieces[cursor].kind == .word,
        pieces[cursor].spaced, !pieces[cursor].newLine,
        NumeralWords.wordHashes.contains(pieces[cursor].hash)
      {
        cursor += 1
      }
      let reading =
        cursor == index + 1
        ? NumeralWords.singleReadings[piece.hash]
        : NumeralWords.read((index..<cursor).map { Substring(key($0)) }, from: 0)
      guard let words = reading else { return nil }
      read = NumberRead(
        value: words.value, first: index, next: index + words.count, spelled: true, scale: nil,
        plainDigits: nil)
      return read
    } else {
      return nil
    }
    while read.next < pieces.count, pieces[read.next].kind == .word,
      pieces[read.next].spaced, !pieces[read.next].newLine,
      let factor = lexicon.scalesByHash[pieces[read.next].hash]
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
      if piece.hash == Keys.percent || piece.hash == Keys.permille {
        // "8,4%/năm": a share per period is a rate of its own.
        let percent = UnitRead(name: "%", kind: .percent, first: index, next: index + 1, counted: false)
        return .unit(isSlash(index + 1) ? rate(percent) : percent)
      }
      if let unit = lexicon.unitsByHash[piece.hash], unit.kind == .money {
        return .unit(UnitRead(name: unit.name, kind: .money, first: index, next: index + 1, counted: false))
      }
      return .none
    }
    guard piece.kind == .word else { return .none }
    var best: (length: Int, unit: UnitLexicon.Unit)?
    var stop = 0
    // The longest unit and the longest non-quantity noun starting here.
    if lexicon.unitStarts.contains(piece.hash) {
      forEachPhrase(startingAt: index) { length, hash in
        if let unit = lexicon.unitsByHash[hash] { best = (length, unit) }
        if lexicon.nonQuantityHashes.contains(hash) { stop = length }
      }
    }
    if stop > 0, stop >= (best?.length ?? 0) { return .notQuantity }
    var read: UnitRead
    if let best {
      read = UnitRead(
        name: best.unit.name, kind: best.unit.kind, first: index, next: index + best.length,
        counted: best.unit.kind == .count)
    } else {
      guard openEnded, !piece.capitalized, !NumeralWords.wordHashes.contains(piece.hash),
        lexicon.scalesByHash[piece.hash] == nil, lexicon.qualifiersByHash[piece.hash] == nil,
        lexicon.trendsByHash[piece.hash] == nil
      else { return .none }
      // The counted noun is the segmenter's word when it joined syllables: "đại biểu".
      var length = 1
      let wordLength = Int(piece.wordLength)
      if wordLength > 1, isPhrase(startingAt: index, count: wordLength),
        !(index..<index + wordLength).contains(where: {
          lexicon.nonQuantityHashes.contains(pieces[$0].hash)
        })
      {
        length = wordLength
      }
      read = UnitRead(name: "", kind: .count, first: index, next: index + length, counted: true)
      read.known = false
      read.openLength = length
    }
    // Page counters ("3.264 lượt xem") are boilerplate, not quantities.
    let lượt =
      read.openLength == 0
      ? QuantityPieces.hash(read.name) == Keys.lượt
      : read.openLength == 1 && piece.hash == Keys.lượt
    if lượt, read.next < pieces.count,
      Keys.pageCounterVerbs.contains(pieces[read.next].hash)
    {
      return .notQuantity
    }
    return .unit(isSlash(read.next) ? rate(read) : read)
  }

  /// Whether a slash stands at `index` (a rate's divisor may follow).
  @inline(__always) func isSlash(_ index: Int) -> Bool {
    index + 1 < pieces.count && pieces[index].hash == Cue.slash
  }

  /// The unit with the divisors written after it: "tấn/ha", "đồng/người/năm", "%/năm".
  func rate(_ unit: UnitRead) -> UnitRead {
    var read = unit
    while read.next + 1 < pieces.count, pieces[read.next].hash == Cue.slash,
      pieces[read.next + 1].kind == .word, !pieces[read.next + 1].newLine
    {
      if read.openLength > 0 {
        read.name = name(read)
        read.openLength = 0
      }
      var length = 1
      var divisor = key(read.next + 1)
      forEachPhrase(startingAt: read.next + 1) { candidate, hash in
        if candidate >= 2, let unit = lexicon.unitsByHash[hash] {
          length = candidate
          divisor = unit.name
        }
      }
      if length == 1, let unit = lexicon.unitsByHash[pieces[read.next + 1].hash] { divisor = unit.name }
      read.name += "/" + divisor
      read.kind = read.kind == .percent ? .percent : .rate
      read.counted = false
      read.next += 1 + length
    }
    return read
  }

  // MARK: - Quantities

  /// Reads a quantity whose number starts at `index`; returns the piece to continue from.
  mutating func quantity(at index: Int) -> Int {
    let piece = pieces[index]
    // Numbers glued to words or codes: "COVID-19", "18-KL/TW", "H5N1", "10h45".
    if piece.kind == .number, !piece.spaced, index > 0 {
      let previous = pieces[index - 1]
      if previous.kind == .word { return touchingRunEnd(index) }
      if Keys.codeJoiners.contains(previous.hash), index >= 2, !pieces[index - 1].spaced,
        pieces[index - 2].kind != .symbol
      {
        return touchingRunEnd(index)
      }
    }
    guard var first = number(at: index) else { return index + 1 }
    if first.spelled, first.next - first.first == 1 {
      // "một" alone is the article "a"; "năm" alone after "cuối", "mỗi"… or opening a
      // sentence is "year".
      if piece.hash == Keys.một {
        // …unless a counted noun follows inside a sentence: "có thêm một con bê".
        guard !piece.capitalized, case .unit(let unit) = unit(at: first.next, openEnded: false),
          unit.counted, !lexicon.articleNouns.contains(name(unit))
        else { return index + 1 }
      }
      if piece.hash == Cue.năm,
        piece.capitalized || index == 0 || lexicon.periodHashes.contains(pieces[index - 1].hash)
      {
        return index + 1
      }
    }

    var total: Double?
    var valueMax: Double?
    var cursor = first.next

    if !first.spelled, first.scale == nil, cursor < pieces.count, touches(cursor - 1) {
      let glued = pieces[cursor]
      switch glued.hash {
      case Cue.slash:
        // "13/13 chi bộ" is a share; "22/9", "22/9/2017", "90/QĐ-TTg" are not.
        guard cursor + 1 < pieces.count, pieces[cursor + 1].kind == .number, touches(cursor),
          !touches(cursor + 1), let whole = source.numberValue(pieces[cursor + 1]),
          first.value <= whole
        else { return touchingRunEnd(index) }
        total = whole
        cursor += 2
      case Cue.colon:
        return touchingRunEnd(index)
      case Cue.dash, Cue.enDash:
        // "3-4 hộ" is a range; "25-10-2017" and "05-CT/TW" are not.
        if cursor + 1 < pieces.count, pieces[cursor + 1].kind == .number, touches(cursor),
          !touches(cursor + 1)
        {
          break
        }
        return touchingRunEnd(index)
      case Cue.comma:
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
    let fromWord = hash(index - 1) == Keys.từ && pieces[index].spaced
    if total == nil, cursor < pieces.count {
      let joiner = pieces[cursor]
      let isDash = Keys.rangeDashes.contains(joiner.hash)
      // "từ 3 đến 4 hộ", and without "từ": "phụ trách 3 đến 4 hộ".
      let isTo = joiner.hash == Keys.đến || joiner.hash == Keys.tới
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
      pieces[cursor].hash == Cue.comma, touches(cursor - 1), pieces[cursor + 1].kind == .number,
      pieces[cursor + 1].spaced, let fractionDigits = source.plainDigits(pieces[cursor + 1]),
      fractionDigits <= 2,
      case .unit(let unit) = unit(at: cursor + 2, openEnded: false), !unit.counted,
      unit.kind != .percent || touches(cursor + 1), let fraction = source.numberValue(
        pieces[cursor + 1].start, pieces[cursor + 1].end, prefix: Self.zeroComma)
    {
      first.value += fraction
      return record(first: first, unit: unit, valueMax: nil, total: nil, range: false)
    }

    switch unit(at: cursor, openEnded: !first.spelled) {
    case .unit(let unit):
      // "từ 500.000 đồng đến 1 triệu đồng": a range with the unit on both ends.
      if fromWord, total == nil, Keys.rangeJoiners.contains(hash(unit.next)),
        let second = number(at: unit.next + 1), second.value > first.value,
        case .unit(let secondUnit) = self.unit(at: second.next, openEnded: !second.spelled),
        name(secondUnit) == name(unit)
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
      guard total == nil, hash(cursor) == Keys.lên || hash(cursor) == Keys.xuống else {
        return max(cursor, index + 1)
      }
      var target = cursor + 1
      if Keys.levelWords.contains(hash(target)) { target += 1 }
      guard let second = number(at: target),
        case .unit(var unit) = unit(at: second.next, openEnded: !second.spelled)
      else { return cursor }
      if first.scale == nil, let scale = second.scale { first.value *= scale }
      unit.name = name(unit)
      unit.openLength = 0
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
    let fromWord = hash(start - 1) == Keys.từ && isWord(start - 1)
    if fromWord { start -= 1 }
    var qualifier: Indicator.Qualifier?
    var trend: Indicator.Trend?
    var level = false
    // Qualifier, then trend, each the longest phrase right before (only when the word right
    // before ends some qualifier or trend phrase).
    // (`phraseHash` is nil for a phrase longer than the run of words before `start`.)
    if lexicon.qualifierEnds.contains(hash(start - 1)) {
      for length in stride(from: wordRun(endingBefore: start), through: 1, by: -1) {
        if let found = lexicon.qualifiersByHash[wordsHash(start - length, start)] {
          qualifier = found
          start -= length
          break
        }
      }
    }
    // "giảm từ 49,47% xuống còn 42,32%": a starting level, not a change.
    let startingLevel = fromWord && !range
    if !startingLevel, lexicon.trendEnds.contains(hash(start - 1)) {
      for length in stride(from: wordRun(endingBefore: start), through: 1, by: -1) {
        if let found = lexicon.trendsByHash[wordsHash(start - length, start)] {
          switch found {
          case .increase: trend = .increase
          case .decrease: trend = .decrease
          case .level: level = true
          }
          if !level { start -= length }
          break
        }
      }
    }
    // "từ 15 m trở lên", "20 ha trở xuống": a bound that sorts things, no reported quantity.
    if hash(unit.next) == Keys.trở, hash(unit.next + 1) == Keys.lên || hash(unit.next + 1) == Keys.xuống {
      return unit.next + 2
    }
    let prefixed = start != first.first || fromWord
    // Names and codes carry no unit of measure: "Chi bộ 6", "lớp 9"; but "cả làng 100%".
    if !prefixed, unit.counted || unit.borrowed {
      // Names, codes, ordinals, dates and years: "Chi bộ 6", "lớp 9", "năm 2018"; not after a
      // word that only ends in "số" ("trong số 2.186 hồ sơ", "tổng số 120 hộ", "thiểu số 52").
      if lexicon.identifierEnds.contains(hash(first.first - 1)),
        wordRun(endingBefore: first.first, limit: 2) < 2
          || !Keys.wholesBeforeNumber.contains(wordsHash(first.first - 2, first.first))
      {
        for length in stride(from: 1, through: wordRun(endingBefore: first.first, limit: 3), by: 1) {
          let words = wordsHash(first.first - length, first.first)
          if lexicon.identifierHashes.contains(words) || lexicon.vagueHashes.contains(words) {
            return unit.next
          }
        }
      }
      // A name before a number ("thôn Long Láy 1") makes it part of the name, unless a known
      // counted noun follows ("người Khmer 1.018 đồng chí").
      // So does a known noun that only opens a longer word: "phường Hà Giang 2 tổ chức".
      if !unit.known || Int(pieces[unit.first].wordLength) > unit.next - unit.first,
        first.first >= 2, pieces[first.first - 1].kind == .word,
        pieces[first.first - 1].capitalized, !pieces[first.first - 1].newLine,
        !Self.boundaryHashes.contains(pieces[first.first - 2].hash)
      {
        return unit.next
      }
    }
    // A bare year before a noun: "Tết Nguyên đán 2024 diễn ra", "2020 - 2025 huyện".
    if unit.counted, first.plainDigits == 4, (1900...2100).contains(first.value) {
      return unit.next
    }
    if first.spelled, first.first >= 1,
      lexicon.vagueHashes.contains(pieces[first.first - 1].hash)
        || pieces[first.first - 1].hash == Keys.thứ
    {
      return unit.next
    }
    // A range after a trend verb a few words back: "giảm tỷ lệ hộ nghèo từ 6 - 7%".
    if range, trend == nil, !level, fromWord {
      var cursor = start - 1
      var steps = 0
      while cursor >= 0, steps < 8, pieces[cursor].kind == .word, !pieces[cursor + 1].newLine {
        if let found = lexicon.trendsByHash[pieces[cursor].hash] {
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
        value: first.value, unit: name(unit), kind: unit.kind, valueMax: valueMax, total: total,
        qualifier: qualifier, trend: trend))
    spans.append((start, end))
    unitSpans.append((unit.first, unit.next, unit.counted))
    return end
  }

  var unitSpans: [(first: Int, next: Int, counted: Bool)] = []

  /// "0,": the digits after a spaced decimal comma read as a fraction.
  static let zeroComma: [UInt8] = Array("0,".utf8)

  static let boundaries: Set<String> = [
    ".", "!", "?", ":", ";", "(", ")", "\"", "“", "”", "…", "-", "–", "|", "•",
  ]

  static func isBoundary(_ key: String) -> Bool { boundaries.contains(key) }

  static let boundaryHashes = HashKeySet(boundaries.map(QuantityPieces.hash))

  /// Whether `phrase(startingAt: start, count: count)` is a phrase.
  func isPhrase(startingAt start: Int, count: Int) -> Bool {
    let end = start + count
    guard start >= 0, count > 0, end <= pieces.count else { return false }
    for index in start..<end where pieces[index].kind != .word { return false }
    for index in (start + 1)..<end where pieces[index].newLine { return false }
    return true
  }
}

/// Hashes (`QuantityPieces.hash`) of the words and signs the reading tests for, beside those
/// it shares with the entity recognizers (`Cue`: the same hash for lowercase words).
///
/// The single hashes are written out as literals (`IndicatorExtractorTests` checks each
/// against `h`): a literal global is a constant, while a computed one costs a `swift_once` at
/// every use, and the reading tests these words around every number.
enum Keys {
  static func h(_ key: String) -> UInt64 { QuantityPieces.hash(key) }
  static let trăm: UInt64 = 0x573e_9cef_4dcd_e017  // "trăm"
  static let một: UInt64 = 0xf4a0_4d19_06ea_8ea5  // "một"
  static let từ: UInt64 = 0x08e1_b507_b596_0e58  // "từ"
  static let đến: UInt64 = 0x4d97_2f13_788f_a055  // "đến"
  static let tới: UInt64 = 0xae37_ad19_8e84_4833  // "tới"
  static let lên: UInt64 = 0x13f9_8c19_1f18_bea7  // "lên"
  static let xuống: UInt64 = 0x9917_7c5a_64a2_6342  // "xuống"
  static let thứ: UInt64 = 0x56d7_4d19_442e_08c8  // "thứ"
  static let lượt: UInt64 = 0xd826_c9a9_ff18_e876  // "lượt"
  static let percent: UInt64 = 0xaf63_984c_8601_7900  // "%"
  static let permille: UInt64 = 0xaf43_ad4c_85cb_3caf  // "‰"
  static let semicolon: UInt64 = 0xaf63_b64c_8601_abfa  // ";"
  static let kỳ: UInt64 = 0x08a3_cd07_b535_869b  // "kỳ"
  static let với: UInt64 = 0xa798_2b19_83fc_088d  // "với"
  static let so: UInt64 = 0x08d9_3907_b579_33d7  // "so"
  static let học: UInt64 = 0xe682_1b18_eea7_f3d7  // "học"
  static let đoạn: UInt64 = 0x4616_07a5_a479_3702  // "đoạn"
  static let chiếm: UInt64 = 0x260b_2b75_f1f0_c059  // "chiếm"
  static let là: UInt64 = 0x08ad_c007_b554_de51  // "là"
  static let của: UInt64 = 0xfb02_fe19_113f_700a  // "của"
  static let đồng: UInt64 = 0x8e1a_ac14_3e65_04aa  // "đồng"
  static let thời: UInt64 = 0xbe24_aaee_da72_83f7  // "thời"
  static let trên: UInt64 = 0x5ce3_9fef_529a_251f  // "trên"
  static let địa: UInt64 = 0x4c95_2813_77b4_9e9c  // "địa"
  static let bàn: UInt64 = 0xfe89_3a19_11c9_f1a3  // "bàn"
  /// Words naming an administrative unit ("thành phố", "thị xã", "thị trấn" by their second word).
  static let placeUnits = HashKeySet(["tỉnh", "huyện", "xã", "phố", "trấn", "phường", "quận"].map(h))
  static let periodEdges = HashKeySet(["cuối", "đầu", "giữa"].map(h))
  static let periods = HashKeySet(["năm", "tháng", "kỳ", "vụ", "quý"].map(h))
  static let dateWords = HashKeySet(["năm", "tháng", "ngày"].map(h))
  static let pageCounterVerbs = HashKeySet(
    ["xem", "tải", "truy", "đọc", "thích", "chia", "bình", "đánh", "nghe"].map(h))
  static let codeJoiners = HashKeySet(["-", "/", ".", ":"].map(h))
  static let rangeDashes = HashKeySet(["-", "–", "—", "~"].map(h))
  static let rangeJoiners = HashKeySet(["đến", "tới", "-", "–"].map(h))
  static let levelWords = HashKeySet(["còn", "mức", "đến", "tới"].map(h))
  static let trở: UInt64 = QuantityPieces.hash("trở")
  /// "trong số", "tổng số", "thiểu số": words ending in "số" before a number that counts,
  /// no identifier ("dân tộc thiểu số 52 đồng chí").
  static let wholesBeforeNumber = HashKeySet(
    ["trong số", "tổng số", "thiểu số", "đa số", "dân số"].map(QuantityPieces.phraseHash))
}
