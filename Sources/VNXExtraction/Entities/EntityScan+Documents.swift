/// Documents by their number code ("Kết luận số 18-KL/TW, ngày 22/9/2017") and dates in the
/// common styles ("22/9/2017", "25-10-2017", "tháng 5/2019", "05 tháng 12 năm 2023", "chiều 21/8").
extension EntityScan {
  func findDatesAndDocuments() {
    var index = next(Interest.dates, from: 0)
    while index < tokens.count {
      switch facts[index].kind {
      case .documentCode: document(at: index)
      case .date: numericDate(at: index)
      case .word where `is`(index, Cue.tháng) || `is`(index, Cue.ngày): spelledDate(at: index)
      default: break
      }
      index = next(Interest.dates, from: index + 1)
    }
  }

  /// `DateValue.numeric` of a token, read from the text's bytes.
  func dateValue(_ index: Int) -> String? {
    DateValue.numeric(
      utf8: UnsafeBufferPointer(rebasing: bytes[tokens[index].utf8Start..<tokens[index].utf8End]))
  }

  /// The numbers of a token as an integer (digits only).
  func integer(_ index: Int) -> Int? {
    guard isNumber(index), tokens[index].end - tokens[index].start <= 4 else { return nil }
    var value = 0
    for offset in tokens[index].utf8Start..<tokens[index].utf8End {
      value = value * 10 + Int(bytes[offset] - 0x30)
    }
    return value
  }

  func numericDate(at index: Int) {
    guard claims[index] == .none, let value = dateValue(index) else {
      return
    }
    let first = sentenceStart(index)
    if value.hasPrefix("--") {
      // A day and month alone is a date only after a day word: "ngày 5/9", "chiều 21/8".
      // So is one in brackets after a named day: "Ngày Thương binh - Liệt sĩ (27/7)".
      guard index > first,
        Cue.dayParts.contains(hashes[index - 1]) || (`is`(index - 1, Cue.open) && `is`(index + 1, Cue.close))
      else { return }
    } else if value.count == 7 {
      // Month and year are written "tháng 5/2019".
      guard index > first, `is`(index - 1, Cue.tháng) else { return }
      let entity = emit(.date, index - 1..<index + 1, claim: .other)
      entities[entity].value = value
      return
    }
    let entity = emit(.date, index..<index + 1, claim: .other)
    entities[entity].value = value
  }

  /// "05 tháng 12 năm 2023" (after "ngày"), "5 tháng 6", "tháng 12 năm 2023".
  func spelledDate(at index: Int) {
    let end = limit(index)
    if `is`(index, Cue.ngày), let day = integer(index + 1), `is`(index + 2, Cue.tháng),
      let month = integer(index + 3)
    {
      var last = index + 4
      var year: Int?
      if `is`(last, Cue.năm), let value = integer(last + 1), last + 1 < end {
        year = value
        last += 2
      } else if `is`(last, Cue.slash), let value = integer(last + 1), last + 1 < end {
        year = value
        last += 2
      }
      if let value = DateValue.iso(day: day, month: month, year: year) {
        let entity = emit(.date, index + 1..<last, claim: .other)
        entities[entity].value = value
      }
    } else if `is`(index, Cue.tháng), let month = integer(index + 1), `is`(index + 2, Cue.năm),
      let year = integer(index + 3), index + 3 < end, year >= 1000,
      index == sentenceStart(index) || !isNumber(index - 1)
    {
      if let value = DateValue.iso(day: nil, month: month, year: year) {
        let entity = emit(.date, index..<index + 4, claim: .other)
        entities[entity].value = value
      }
    }
  }

  func document(at index: Int) {
    // Codes open with their number: "18-KL/TW", "1234/QĐ-UBND"; "quý IV/2025" is a period.
    guard contains(index, byte: 0x2F), bytes[tokens[index].utf8Start] &- 0x30 < 10 else { return }
    let code = string(index..<index + 1)
    guard code.unicodeScalars.contains(where: { PhraseKey.isUpper($0.value) }) else { return }
    var kind: String?
    var before = index - 1
    if `is`(before, Cue.số) { before -= 1 }
    let first = sentenceStart(index)
    for length in 1...3 where kind == nil && before - length + 1 >= first {
      let start = before - length + 1
      if let match = longest(lexicon.documentKinds, at: start), match.length == length {
        kind = match.value
      }
    }
    if kind == nil { kind = abbreviationKind(code) }
    let entity = emit(.document, index..<index + 1, kind: kind, claim: .other)
    // "…, ngày 22/9/2017" or "ngày 22/9/2017" right after the code.
    var next = index + 1
    if `is`(next, Cue.comma) { next += 1 }
    if `is`(next, Cue.ngày), next + 1 < limit(index), facts[next + 1].kind == .date,
      let value = dateValue(next + 1), value.count == 10
    {
      entities[entity].date = value
    } else if `is`(next, Cue.ngày), let day = integer(next + 1), `is`(next + 2, Cue.tháng),
      let month = integer(next + 3), `is`(next + 4, Cue.năm), let year = integer(next + 5),
      let value = DateValue.iso(day: day, month: month, year: year)
    {
      entities[entity].date = value
    }
  }

  /// The kind a code's abbreviation names: "18-KL/TW" → Kết luận, "1234/QĐ-UBND" → Quyết định.
  func abbreviationKind(_ code: String) -> String? {
    let parts = code.split(whereSeparator: { $0 == "/" || $0 == "-" })
    for part in parts where part.first?.isLetter == true {
      if let kind = lexicon.documentAbbreviations[String(part)] { return kind }
    }
    return nil
  }
}
