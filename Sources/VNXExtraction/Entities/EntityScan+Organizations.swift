/// Organizations by the fullest-form rule of SAMPLES.md: a head from
/// `lexicons/organizations/bodies.tsv`, the bodies it heads ("Ban Thường vụ" + "Huyện ủy"),
/// and its place ("UBND" + "huyện Lắk", "Huyện ủy" + "Ia Grai").
extension EntityScan {
  func findOrganizations() {
    var index = next(Interest.organizations, from: 0)
    while index < tokens.count {
      // A head word inside a place's name is no head: "xã Trường Sơn".
      if masks[index] & lexicon.bodies.bit != 0, claims[index] != .cell,
        claims[index] != .organization, claims[index] != .place,
        let found = organization(at: index)
      {
        // "Tỉnh ủy Quảng Trị" names the province Quảng Trị too (a place inside a longer name).
        if let place = found.barePlace, isUnclaimed(place.range) {
          emit(place.type, place.range, kind: place.kind, claim: .place)
          candidates[entities.count - 1] = place.matches
        }
        emit(.organization, index..<found.end, claim: .organization)
        index = next(Interest.organizations, from: found.end)
      } else {
        index = next(Interest.organizations, from: index + 1)
      }
    }
  }

  typealias BarePlace = (range: Range<Int>, type: EntityType, kind: String, matches: [Int32])

  /// The end of the organization whose name starts at `index`, and the place it names
  /// without a prefix ("Huyện ủy Ia Grai").
  func organization(at index: Int) -> (end: Int, barePlace: BarePlace?)? {
    // A head is capitalized, or follows "trưởng" in a role ("Trưởng phòng Nông nghiệp…").
    guard isWord(index), facts[index].capitalized || facts[index].allUpper || `is`(index - 1, Cue.trưởng)
      || isSchool(index),
      let head = longest(lexicon.bodies, at: index)
    else { return nil }
    // "Trường" heads a school's name only before a school kind ("Trường THCS Ẳng Tở"); "Trường
    // Sơn", "Trường Xuân" are places.
    if head.length == 1, hashes[index] == Cue.trường, !isSchool(index) { return nil }
    // Page headers in capitals ("ỦY BAN NHÂN DÂN HUYỆN…") are no running text.
    if head.length > 1, facts[index].allUpper, facts[index + 1].allUpper { return nil }
    var end = index + head.length
    // "Huyện ủy viên", "Đảng ủy viên" are roles, not bodies.
    if `is`(end, Cue.viên) { return nil }
    switch head.value {
    case .none:
      return nil
    case .national:
      return (end, nil)
    case .leader:
      guard end < limit(index) else { return nil }
      if let inner = organization(at: end) { return inner }
      // "Ban Tổ chức Trung ương"
      if `is`(end, Cue.trung), `is`(end + 1, Cue.ương), end + 1 < limit(index) { return (end + 2, nil) }
      // "Ban Dân tộc tỉnh Bình Phước"; "Ban Chỉ đạo chuyển đổi số huyện".
      if let place = placeComplement(at: end, bare: false) ?? taskComplement(at: end) {
        return (place, barePlace(head: index, end..<place))
      }
      // A long leader is a body's name by itself: "Ban Quản lý dự án".
      return head.length >= 4 ? (end, nil) : nil
    case .body, .named:
      guard end < limit(index) else { return (end, nil) }
      // "Trạm Khuyến nông - Khuyến lâm huyện": a second field of the body's work after a dash
      // (not a second body: "Phòng Nông nghiệp - Hội Nông dân").
      if head.length > 1, `is`(end, Cue.dash) || `is`(end, Cue.enDash), end + 1 < limit(index),
        isCapitalizedWord(end + 1), longest(lexicon.bodies, at: end + 1) == nil, adminPrefix(at: end + 1) == nil,
        let more = openName(after: end + 1), more > end + 1
      {
        return (more, nil)
      }
      // "Đội Quản lý thị trường số 3"
      if `is`(end, Cue.số), isNumber(end + 1), end + 1 < limit(index) { end += 2 }
      let bodyEnd = end
      if let place = placeComplement(at: end, bare: head.value == .named) { end = place }
      return (end, barePlace(head: index, bodyEnd..<end))
    case .branch:
      guard end < limit(index), let place = placeComplement(at: end, bare: false), place > end else {
        return nil
      }
      return (place, nil)
    case .open:
      guard end < limit(index) else { return nil }
      return openName(after: end, lowercaseFirst: head.length > 1, lowercaseToPlace: head.length >= 3)
        .map { ($0, nil) }
    }
  }

  /// The place a party committee names bare: "Huyện ủy Ia Grai" → district, "Tỉnh ủy Lào Cai"
  /// → province, by the committee's level.
  func barePlace(head: Int, _ range: Range<Int>) -> BarePlace? {
    guard !range.isEmpty, isCapitalizedWord(range.lowerBound), place(startingAt: range.lowerBound) == nil,
      let match = longest(gazetteer.names, at: range.lowerBound), match.length == range.count
    else { return nil }
    let level: AdminLevel
    switch hashes[head] {
    case Cue.huyện, Cue.quận, Cue.thị: level = .district
    case Cue.tỉnh: level = .province
    case Cue.thành: level = .city
    default:
      return otherBarePlace(range, match.value)
    }
    var matches = divisions(match.value, level: level)
    var type: EntityType = level == .province ? .province : .district
    if level == .city {
      let provinces = matches.filter { gazetteer.levels[Int($0)] == .province }
      if !provinces.isEmpty { matches = provinces; type = .province }
    }
    guard let first = matches.first else { return nil }
    return (range, type, gazetteer.kinds[Int(first)], matches)
  }

  /// The place named bare after a body that is no party committee: a province ("Sở Công Thương
  /// Bắc Kạn"), else the name as the text gives it elsewhere, else a commune or district when
  /// the gazetteer knows it at one level only ("Đồn Biên phòng Lũng Cú").
  func otherBarePlace(_ range: Range<Int>, _ matches: [Int32]) -> BarePlace? {
    let provinces = divisions(matches, level: .province)
    if let first = provinces.first {
      return (range, .province, gazetteer.kinds[Int(first)], provinces)
    }
    if let same = entities.indices.first(where: {
      (types[$0] == .commune || types[$0] == .district) && lowercasedEquals(entities[$0].text, range)
    }) {
      return (range, types[same], entities[same].kind ?? "", candidates[same])
    }
    let communes = divisions(matches, level: .commune)
    let districts = divisions(matches, level: .district)
    if !communes.isEmpty, districts.isEmpty {
      return (range, .commune, gazetteer.divisions[Int(communes[0])].kind, communes)
    }
    if !districts.isEmpty, communes.isEmpty {
      return (range, .district, gazetteer.divisions[Int(districts[0])].kind, districts)
    }
    return nil
  }

  /// A place after a body: "huyện Lắk", "xã" (the level alone), or for named bodies a bare
  /// gazetteer name ("Huyện ủy Ia Grai").
  func placeComplement(at start: Int, bare: Bool) -> Int? {
    guard start < tokens.count, start < limit(start) else { return nil }
    if let prefix = adminPrefix(at: start), !facts[start].capitalized
      || facts[start].allUpper || prefix.value.kind == "thành phố"
    {
      let nameStart = start + prefix.length
      if let place = place(startingAt: nameStart) { return spans[place].upperBound }
      if prefix.value.kind == "thành phố", facts[start].capitalized, !facts[start].allUpper {
        return nil
      }
      return nameStart
    }
    // "Hội Nông dân Việt Nam": the national level.
    if `is`(start, Cue.việt), `is`(start + 1, Cue.nam), start + 1 < limit(start), facts[start].capitalized {
      return start + 2
    }
    // "Chi hội CCB thôn Suối Rua": a village the scan has found.
    if let prefix = longest(lexicon.villagePrefixes, at: start), !facts[start].capitalized,
      let village = place(startingAt: start + prefix.length), types[village] == .village
    {
      return spans[village].upperBound
    }
    if !bare, let end = bareProvince(at: start) { return end }
    if bare, isCapitalizedWord(start) {
      if let place = place(startingAt: start) { return spans[place].upperBound }
      if let match = longest(gazetteer.names, at: start) { return start + match.length }
      let run = capitalizedRun(from: start, max: 3)
      if run > start, !startsWithSurname(start), longest(lexicon.bodies, at: start) == nil {
        return run
      }
    }
    return nil
  }

  /// "Trường"/"trường" before a school kind: "trường Mầm non xã Nậm Tăm".
  func isSchool(_ index: Int) -> Bool {
    `is`(index, Cue.trường) && index + 1 < limit(index) && facts[index + 1].capitalized
      && longest(lexicon.schoolKinds, at: index + 1) != nil
  }

  /// The end of a province's name written bare after a body: "Sở Y tế Lai Châu".
  func bareProvince(at start: Int) -> Int? {
    guard isCapitalizedWord(start) else { return nil }
    if let place = place(startingAt: start) {
      return types[place] == .province ? spans[place].upperBound : nil
    }
    guard let match = longest(gazetteer.names, at: start),
      capitalizedRun(from: start, max: 6) == start + match.length,
      !divisions(match.value, level: .province).isEmpty
    else { return nil }
    return start + match.length
  }

  /// The task a committee is named by, closed by its level or place: "Ban Chỉ huy phòng,
  /// chống thiên tai và tìm kiếm cứu nạn huyện", "Ban Chỉ đạo giải phóng mặt bằng huyện".
  func taskComplement(at start: Int) -> Int? {
    var end = start
    while end < min(limit(start), start + 12) {
      if adminPrefix(at: end) != nil { return end > start ? placeComplement(at: end, bare: false) : nil }
      if isWord(end), !facts[end].capitalized {
        end += 1
      } else if isPhòngChống(end) {
        end += 1
      } else {
        return nil
      }
    }
    return nil
  }

  /// The comma of "phòng, chống" (prevention and control), which names many bodies' tasks.
  func isPhòngChống(_ index: Int) -> Bool {
    `is`(index, Cue.comma) && `is`(index - 1, Cue.phòng) && `is`(index + 1, Cue.chống)
  }

  /// The name after an open head ("Phòng", "Trung tâm", "Hội"…): capitalized words, with
  /// lower-case words only when a place closes the name ("Hội Khuyến học huyện Mỹ Xuyên").
  func openName(after start: Int, lowercaseFirst: Bool = false, lowercaseToPlace: Bool = false) -> Int? {
    guard isWord(start), adminPrefix(at: start) == nil else { return nil }
    if `is`(start, Cue.vì), facts[start].capitalized { return forName(after: start) }
    if !facts[start].capitalized {
      // "Ban Quản lý rừng phòng hộ Đắk Glei": lower-case words closed by a proper name, or by
      // a place for a long head ("Ban Quản lý các khu công nghiệp tỉnh").
      guard lowercaseFirst else { return nil }
      var end = start
      while end < min(limit(start), start + 5), isWord(end), !facts[end].capitalized {
        if lowercaseToPlace, adminPrefix(at: end) != nil { return placeComplement(at: end, bare: false) }
        end += 1
      }
      let run = capitalizedRun(from: end, max: 4, allowNumber: true)
      return run > end ? run : nil
    }
    var end = start
    var capitalEnd = start + 1
    while end < min(limit(start), start + 10) {
      if let body = longest(lexicon.bodies, at: end), body.value != .none, body.value != .open,
        facts[end].capitalized || facts[end].allUpper
      {
        // "Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Tuy Đức"
        end += body.length
        capitalEnd = end
        if let place = placeComplement(at: end, bare: false) { return place }
        continue
      }
      if adminPrefix(at: end) != nil {
        if let place = placeComplement(at: end, bare: false) { return place }
        break
      }
      // "Trường Tiểu học Phong Thạnh A và Trường THCS…": two bodies, not one.
      if `is`(end, Cue.và), end + 1 < limit(start), longest(lexicon.bodies, at: end + 1) != nil {
        break
      }
      if isCapitalizedWord(end) {
        end += 1
        capitalEnd = end
      } else if isWord(end) || `is`(end, Cue.dash) || isPhòngChống(end) {
        end += 1
      } else {
        break
      }
    }
    // "Viện Khoa học Nông nghiệp, …": the lower-case syllable of the last word before a stop.
    if capitalEnd < limit(start), capitalEnd == end || capitalEnd + 1 == end, isWord(capitalEnd),
      !facts[capitalEnd].capitalized,
      capitalEnd + 1 >= limit(start) || facts[capitalEnd + 1].kind == .punctuation
    {
      return capitalEnd + 1
    }
    return capitalEnd
  }

  /// "Quỹ Vì người nghèo", "Quỹ Vì trẻ em tỉnh …": a name that opens with "Vì" (for) goes on
  /// in lower case with what it is for, up to a function word, punctuation or its place.
  func forName(after start: Int) -> Int? {
    var end = start + 1
    while end < min(limit(start), start + 5), isWord(end), !facts[end].capitalized,
      !Self.closesForName.contains(hashes[end])
    {
      if adminPrefix(at: end) != nil { return end > start + 1 ? placeComplement(at: end, bare: false) ?? end : nil }
      end += 1
    }
    return end > start + 1 ? end : nil
  }

  /// Function words that end the lower-case part of a "Vì …" name.
  static let closesForName: Set<UInt64> = Set(
    ["để", "của", "và", "với", "cho", "đã", "được", "trong", "tại", "từ", "theo", "nhằm", "là", "có"].map(Cue.hash))
}
