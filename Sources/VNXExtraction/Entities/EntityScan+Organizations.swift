/// Organizations by the fullest-form rule of SAMPLES.md: a head from
/// `lexicons/organizations/bodies.tsv`, the bodies it heads ("Ban Thường vụ" + "Huyện ủy"),
/// and its place ("UBND" + "huyện Lắk", "Huyện ủy" + "Ia Grai").
extension EntityScan {
  func findOrganizations() {
    var index = 0
    while index < tokens.count {
      if claims[index] != .cell, claims[index] != .organization,
        let found = organization(at: index)
      {
        // "Tỉnh ủy Quảng Trị" names the province Quảng Trị too (a place inside a longer name).
        if let place = found.barePlace, isUnclaimed(place.range) {
          emit(place.type, place.range, kind: place.kind, claim: .place)
          candidates[entities.count - 1] = place.matches
        }
        emit(.organization, index..<found.end, claim: .organization)
        index = found.end
      } else {
        index += 1
      }
    }
  }

  typealias BarePlace = (range: Range<Int>, type: EntityType, kind: String, matches: [Int32])

  /// The end of the organization whose name starts at `index`, and the place it names
  /// without a prefix ("Huyện ủy Ia Grai").
  func organization(at index: Int) -> (end: Int, barePlace: BarePlace?)? {
    // A head is capitalized, or follows "trưởng" in a role ("Trưởng phòng Nông nghiệp…").
    guard isWord(index), tokens[index].capitalized || tokens[index].allUpper || `is`(index - 1, Cue.trưởng),
      let head = longest(lexicon.bodies, at: index)
    else { return nil }
    // Page headers in capitals ("ỦY BAN NHÂN DÂN HUYỆN…") are no running text.
    if head.length > 1, tokens[index].allUpper, tokens[index + 1].allUpper { return nil }
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
      return nil
    case .body, .named:
      guard end < limit(index) else { return (end, nil) }
      let bodyEnd = end
      if let place = placeComplement(at: end, bare: head.value == .named) { end = place }
      return (end, head.value == .named ? barePlace(head: index, bodyEnd..<end) : nil)
    case .open:
      guard end < limit(index) else { return nil }
      return openName(after: end, lowercaseFirst: head.length > 1).map { ($0, nil) }
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
    default: return nil
    }
    var matches = divisions(match.value, level: level)
    var type: EntityType = level == .province ? .province : .district
    if level == .city {
      let provinces = matches.filter { gazetteer.divisions[Int($0)].level == .province }
      if !provinces.isEmpty { matches = provinces; type = .province }
    }
    guard let first = matches.first else { return nil }
    return (range, type, gazetteer.divisions[Int(first)].kind, matches)
  }

  /// A place after a body: "huyện Lắk", "xã" (the level alone), or for named bodies a bare
  /// gazetteer name ("Huyện ủy Ia Grai").
  func placeComplement(at start: Int, bare: Bool) -> Int? {
    guard start < tokens.count, start < limit(start) else { return nil }
    if let prefix = longest(lexicon.adminPrefixes, at: start), !tokens[start].capitalized
      || tokens[start].allUpper || prefix.value.kind == "thành phố"
    {
      let nameStart = start + prefix.length
      if let place = place(startingAt: nameStart) { return spans[place].upperBound }
      if prefix.value.kind == "thành phố", tokens[start].capitalized, !tokens[start].allUpper {
        return nil
      }
      return nameStart
    }
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

  /// The name after an open head ("Phòng", "Trung tâm", "Hội"…): capitalized words, with
  /// lower-case words only when a place closes the name ("Hội Khuyến học huyện Mỹ Xuyên").
  func openName(after start: Int, lowercaseFirst: Bool = false) -> Int? {
    guard isWord(start), longest(lexicon.adminPrefixes, at: start) == nil else { return nil }
    if !tokens[start].capitalized {
      // "Ban Quản lý rừng phòng hộ Đắk Glei": lower-case words closed by a proper name.
      guard lowercaseFirst else { return nil }
      var end = start
      while end < min(limit(start), start + 4), isWord(end), !tokens[end].capitalized { end += 1 }
      let run = capitalizedRun(from: end, max: 4, allowNumber: true)
      return run > end ? run : nil
    }
    var end = start + 1
    var capitalEnd = end
    while end < min(limit(start), start + 10) {
      if let body = longest(lexicon.bodies, at: end), body.value != .none, body.value != .open,
        tokens[end].capitalized || tokens[end].allUpper
      {
        // "Phòng Giao dịch Ngân hàng Chính sách xã hội huyện Tuy Đức"
        end += body.length
        capitalEnd = end
        if let place = placeComplement(at: end, bare: false) { return place }
        continue
      }
      if longest(lexicon.adminPrefixes, at: end) != nil {
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
      } else if isWord(end) || `is`(end, Cue.dash) {
        end += 1
      } else {
        break
      }
    }
    return capitalEnd
  }
}
