/// What each quantity measures (`about`) and the year it refers to, from the words around it.
extension IndicatorReading {
  /// Words that end the phrase after a quantity ("1.280 con bò giống cho hộ nghèo").
  static let afterStops: Set<String> = [
    "và", "với", "cho", "của", "tại", "trong", "để", "nhưng", "so", "từ", "đến", "tới",
    "theo", "nên", "do", "vì", "mỗi", "ở", "thì", "bằng", "gồm", "hoặc", "hay", "như", "nhằm",
    "lên", "xuống", "còn", "giảm", "tăng", "chiếm", "trên", "dưới", "hơn", "khoảng", "gần",
    "nối", "qua", "vào", "ra", "trước", "sau", "khi", "đã", "sẽ", "đang", "cùng", "nay", "này", "đó", "thu", "về", "mà", "là",
  ]

  /// The whole a population share is taken of: "53,2% dân số".
  static let populationWords: Set<String> = ["dân số", "số dân", "tổng dân số", "dân số toàn xã", "dân số toàn huyện"]

  /// Verbs that also end the phrase after a measure ("5,5 ha đạt trên 110%"); a counted noun
  /// keeps them ("31 trường đạt chuẩn quốc gia").
  static let afterMeasureStops: Set<String> = ["đạt", "được", "có", "bằng", "bị", "chiếm"]

  /// Words trimmed from the end of the phrase before a quantity ("sản lượng đạt 2.343 tấn").
  static let beforeTrailing: Set<String> = [
    "đạt", "là", "có", "còn", "được", "với", "cho", "của", "chiếm", "giảm", "tăng", "xuống",
    "lên", "từ", "đến", "tới", "thêm", "chỉ", "đã", "bình", "quân", "trung", "khoảng",
    "gần", "hơn", "trên", "dưới", "ước", "tính", "dài", "rộng", "cao", "sâu", "mỗi", "năm",
    "về", "ra", "gồm", "hiện", "vào", "trong", "tại", "và", "nhưng", "thì", "mà", "nay",
    "lại", "vẫn", "thu", "đó", "này", "kiến", "dự", "nhận", "bao", "mức", "cần", "phải",
    "sẽ", "luôn", "giữ", "ở", "duy", "trì", "phấn", "đấu",
  ]

  /// Words trimmed from the start of the phrase before a quantity.
  static let beforeLeading: Set<String> = [
    "và", "với", "còn", "đã", "có", "trong", "đó", "thời", "nhưng", "riêng", "ngoài",
    "ra", "bên", "cạnh", "hiện", "nay", "đến", "từ", "tại", "thì", "là", "được", "cho",
  ]

  /// Gives each indicator its year (the last "năm 2018" named before it on its line) and
  /// what it measures. One walk over the pieces up to the last indicator.
  mutating func attachContext() {
    var cursor = 0
    // Line breaks among the pieces before `cursor`.
    var line = 0
    var currentYear: (year: Int, line: Int)?
    for position in found.indices {
      let span = spans[position]
      while cursor < span.first {
        if pieces[cursor].newLine { line += 1 }
        // What `yearMention(at:)` tests first, without the call.
        if pieces[cursor].kind == .number, let year = yearMention(at: cursor) {
          currentYear = (year, line)
        }
        cursor += 1
      }
      // The line of the indicator's first piece (which may lie before `cursor`).
      var firstLine = line
      for index in span.first..<cursor where pieces[index].newLine { firstLine -= 1 }
      if pieces[span.first].newLine { firstLine += 1 }
      if let currentYear, currentYear.line == firstLine {
        found[position].year = currentYear.year
      }
      found[position].about = about(position)
      if found[position].about == nil, position > 0, sameSentence(spans[position - 1].end, span.first) {
        found[position].about = found[position - 1].about
      }
    }
  }

  /// The year of a "năm 2018", "Năm 2023" at piece `index`, if one stands there.
  func yearMention(at index: Int) -> Int? {
    let piece = pieces[index]
    guard piece.kind == .number, piece.end - piece.start == 4, source.plainDigits(piece) != nil,
      let value = source.numberValue(piece), (1900...2100).contains(value)
    else { return nil }
    var back = index - 1
    // "năm 2017 và 2018": the last year named counts.
    if hash(back) == Cue.và || hash(back) == Cue.dash || hash(back) == Cue.enDash { back -= 2 }
    // "so với (cùng kỳ) năm 2022" names the base of a comparison, not the year measured.
    let comparisonBase =
      hash(back) == Cue.năm
      && (hash(back - 1) == Keys.kỳ || (hash(back - 1) == Keys.với && hash(back - 2) == Keys.so))
    if comparisonBase { return nil }
    if hash(back) == Cue.năm || hash(back) == Keys.học || hash(back) == Keys.đoạn
      || (back >= 0 && pieces[back].kind == .number)
    {
      return Int(value)
    }
    return nil
  }

  /// Whether no sentence boundary lies between pieces `from` and `to`.
  func sameSentence(_ from: Int, _ to: Int) -> Bool {
    guard from <= to, to < pieces.count, from >= 0 else { return false }
    if pieces[from].sentence != pieces[to].sentence { return false }
    for index in from..<to where pieces[index].hash == Keys.semicolon { return false }
    return true
  }

  /// What the quantity at `position` measures, as a short phrase from the text.
  func about(_ position: Int) -> String? {
    let kind = found[position].kind
    let unit = unitSpans[position]
    let span = spans[position]
    let measure: Bool
    switch kind {
    case .mass, .area, .length, .volume: measure = true
    default: measure = false
    }
    let after = phraseAfter(unit.next, measure: measure)
    // A counted noun heads its own phrase: "hộ thoát nghèo", "con bò giống".
    var afterText: String? {
      guard let after else { return nil }
      let from = kind == .count && unit.counted && after.skippedLa == false
        ? unit.first : after.first
      return source.text(pieces[from].start, pieces[after.last].end)
    }
    // "đồng bào Thái chiếm trên 90% dân số": the share belongs to what comes before.
    var verb = span.first - 1
    while verb >= 0, pieces[verb].kind == .word, lexicon.qualifiersByHash[pieces[verb].hash] != nil {
      verb -= 1
    }
    let share = kind == .percent && hash(verb) == Keys.chiếm
    // "94.000 người, chiếm 53,2% dân số": a share of the population is about its part.
    if share, let after,
      Self.populationHashes.contains(source.lowercaseHash(pieces[after.first].start, pieces[after.last].end))
    {
      let previousEnd = position > 0 ? spans[position - 1].end : 0
      if let before = phraseBefore(span.first, previousEnd: previousEnd) { return before }
      if position > 0, sameSentence(spans[position - 1].end, span.first),
        let previous = found[position - 1].about
      {
        return previous
      }
      return afterText
    }
    switch kind {
    case .money, .rate:
      break
    case .percent where share:
      break
    default:
      if let afterText { return afterText }
    }
    let previousEnd = position > 0 ? spans[position - 1].end : 0
    if let before = phraseBefore(span.first, previousEnd: previousEnd) { return before }
    return afterText
  }

  /// The words right after a quantity, up to a stop word or punctuation ("bò giống").
  /// "100% là đồng bào Mông" and "92% dân số là đồng bào Mông" give what follows "là".
  func phraseAfter(_ start: Int, measure: Bool) -> (first: Int, last: Int, skippedLa: Bool)? {
    var index = start
    // The words kept so far: `count` of them, from `first` to `last`.
    var first = -1
    var last = -1
    var count = 0
    var skippedLa = false
    // Statics fetched once (each read of a computed global is a call).
    let stops = Self.afterStopHashes
    let measureStops = Self.afterMeasureStopHashes
    let periodEdges = Keys.periodEdges
    let periods = Keys.periods
    let dateWords = Keys.dateWords
    if hash(index) == Keys.là, index < pieces.count, pieces[index].spaced {
      index += 1
      skippedLa = true
    }
    while index < pieces.count, pieces[index].kind == .word, !pieces[index].newLine,
      count < 10, start == 0 || pieces[index].sentence == pieces[start - 1].sentence
    {
      let word = pieces[index].hash
      if word == Keys.là, count > 0, !skippedLa {
        count = 0
        skippedLa = true
        index += 1
        continue
      }
      if stops.contains(word) { break }
      // "cuối năm 2023" ends the phrase; "đầu tư" does not.
      if periodEdges.contains(word), periods.contains(hash(index + 1)) {
        break
      }
      // "năm 2023" ends the phrase; "kế hoạch năm" keeps its word.
      if dateWords.contains(word), index + 1 < pieces.count,
        pieces[index + 1].kind == .number
      {
        break
      }
      if measure, measureStops.contains(word) { break }
      if count == 0 { first = index }
      last = index
      count += 1
      index += 1
    }
    guard count > 0 else { return nil }
    return (first, last, skippedLa)
  }

  /// The clause before a quantity, trimmed of verbs and function words at its ends
  /// ("tổng sản lượng lương thực đạt" → "tổng sản lượng lương thực").
  func phraseBefore(_ end: Int, previousEnd: Int) -> String? {
    if let phrase = clauseBefore(end, previousEnd: previousEnd) { return phrase }
    // "tỷ lệ doanh nghiệp có tổ chức đảng vẫn còn thấp, chưa đến 2%": the clause before the
    // comma, when it holds no other number.
    let comma = end - 1
    guard comma > max(previousEnd, 0), pieces[comma].hash == Cue.comma,
      pieces[comma].sentence == pieces[end].sentence
    else { return nil }
    var first = comma
    while first - 1 >= max(previousEnd, 0), pieces[first - 1].kind == .word,
      !pieces[first].newLine, pieces[first - 1].sentence == pieces[end].sentence
    {
      first -= 1
    }
    if first - 1 >= 0, pieces[first - 1].kind == .number { return nil }
    return clauseBefore(comma, previousEnd: previousEnd)
  }

  func clauseBefore(_ end: Int, previousEnd: Int) -> String? {
    var first = end
    while first - 1 >= max(previousEnd, 0), !pieces[first].newLine, end - first < 20,
      pieces[first - 1].sentence == pieces[end].sentence
    {
      let piece = pieces[first - 1]
      // A parenthesis inside the clause stays in it: "huyện Sìn Hồ (tỉnh Lai Châu) đạt".
      if piece.hash == Cue.close, let open = (max(previousEnd, 0)..<(first - 1)).last(where: {
        pieces[$0].hash == Cue.open
      }), first - 1 - open < 8 {
        first = open
        continue
      }
      // A year named inside the clause stays in it: "thu nhập … năm 2023 đạt".
      // So does a number that is no quantity (quantities end the walk at `previousEnd`):
      // "tỷ lệ người dân được tiêm mũi 1 đạt 95,1%", "thu nhập … năm 2023 đạt".
      // A place in apposition is no clause of its own: "dư nợ … huyện Quảng Ninh, tỉnh
      // Quảng Bình đạt" reads on past the comma.
      if piece.hash == Cue.comma, first - 2 >= max(previousEnd, 0), pieces[first - 2].kind == .word,
        isPlaceName(first, end)
      {
        first -= 1
        continue
      }
      guard piece.kind == .word || piece.kind == .number else { break }
      first -= 1
    }
    var last = end - 1
    let trailing = Self.beforeTrailingHashes
    let leading = Self.beforeLeadingHashes
    // Trailing verbs and a trailing year ("… năm 2021 xuống còn"); "mũi 1" keeps its number
    // and a name keeps its capitalized syllables ("tỉnh Quảng Bình", not "tỉnh Quảng").
    while last >= first,
      (trailing.contains(pieces[last].hash) && !pieces[last].capitalized)
        || (pieces[last].kind == .number && hash(last - 1) == Cue.năm)
    {
      last -= 1
    }
    while first <= last {
      if leading.contains(pieces[first].hash) || pieces[first].kind == .number
        // "đồng thời" opens a clause; "đồng bào" is what it is about.
        || (pieces[first].hash == Keys.đồng && hash(first + 1) == Keys.thời)
      {
        first += 1
      } else if pieces[first].hash == Cue.năm, first + 1 <= last, pieces[first + 1].kind == .number {
        first += 2
      } else {
        break
      }
    }
    // A long clause keeps its head: "tỷ lệ hộ nghèo … của huyện" → "tỷ lệ hộ nghèo …",
    // "dư nợ … trên địa bàn huyện" → "dư nợ …".
    if last - first >= 4, let owner = (first + 1...last).first(where: {
      pieces[$0].hash == Keys.của
        || (pieces[$0].hash == Keys.trên && hash($0 + 1) == Keys.địa && hash($0 + 2) == Keys.bàn)
    }) {
      last = owner - 1
    }
    guard first <= last else { return nil }
    let phrase = source.text(pieces[first].start, pieces[last].end)
    // "đạt tỷ lệ 92,4%": a bare "tỷ lệ" says nothing of what is measured (no empty head is
    // longer than `emptyHeadLength` scalars, nor is its lowercase form).
    if pieces[last].end - pieces[first].start > Self.emptyHeadLength { return phrase }
    return Self.emptyHeadHashes.contains(source.lowercaseHash(pieces[first].start, pieces[last].end))
      ? nil : phrase
  }

  static let emptyHeadLength = emptyHeads.map(\.unicodeScalars.count).max() ?? 0
  static let emptyHeadHashes = HashKeySet(emptyHeads.map(QuantityPieces.hash))
  static let populationHashes = HashKeySet(populationWords.map(QuantityPieces.hash))
  static let afterStopHashes = HashKeySet(afterStops.map(QuantityPieces.hash))
  static let afterMeasureStopHashes = HashKeySet(afterMeasureStops.map(QuantityPieces.hash))
  static let beforeTrailingHashes = HashKeySet(beforeTrailing.map(QuantityPieces.hash))
  static let beforeLeadingHashes = HashKeySet(beforeLeading.map(QuantityPieces.hash))

  /// Whether the pieces from `first` up to `end` are an administrative unit and its name
  /// ("tỉnh Quảng Bình", "huyện Sìn Hồ"), maybe followed by trailing verbs ("… đạt").
  func isPlaceName(_ first: Int, _ end: Int) -> Bool {
    var index = first
    if hash(index) == Cue.thành || hash(index) == Cue.thị, index + 1 < end { index += 1 }
    guard Keys.placeUnits.contains(hash(index)) else { return false }
    var names = 0
    index += 1
    while index < end, pieces[index].capitalized {
      names += 1
      index += 1
    }
    while index < end, Self.beforeTrailingHashes.contains(pieces[index].hash) { index += 1 }
    return names > 0 && index == end
  }

  /// Phrases too general to say what is measured.
  static let emptyHeads: Set<String> = ["tỷ lệ", "tỉ lệ", "con số", "mức", "số lượng", "tổng số", "tổng"]
}
