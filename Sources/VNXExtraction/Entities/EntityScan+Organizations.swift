/// Organizations by the fullest-form rule of SAMPLES.md: a head from
/// `lexicons/organizations/bodies.tsv`, the bodies it heads ("Ban Thường vụ" + "Huyện ủy"),
/// and its place ("UBND" + "huyện Lắk", "Huyện ủy" + "Ia Grai").
extension EntityScan {
  mutating func findOrganizations() {
    var index = 0
    while index < tokens.count {
      if claims[index] != .cell, claims[index] != .organization,
        let end = organization(at: index)
      {
        emit(.organization, index..<end, claim: .organization)
        index = end
      } else {
        index += 1
      }
    }
  }

  /// The end of the organization whose name starts at `index`.
  func organization(at index: Int) -> Int? {
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
      return end
    case .leader:
      if let inner = organization(at: end) { return inner }
      // "Ban Tổ chức Trung ương"
      if `is`(end, Cue.trung), `is`(end + 1, Cue.ương), end + 1 < limit(index) { return end + 2 }
      return nil
    case .body, .named:
      if let place = placeComplement(at: end, bare: head.value == .named) { end = place }
      return end
    case .open:
      return openName(after: end)
    }
  }

  /// A place after a body: "huyện Lắk", "xã" (the level alone), or for named bodies a bare
  /// gazetteer name ("Huyện ủy Ia Grai").
  func placeComplement(at start: Int, bare: Bool) -> Int? {
    guard start < tokens.count, start < limit(start) else { return nil }
    if let prefix = longest(lexicon.adminPrefixes, at: start), !tokens[start].capitalized
      || tokens[start].allUpper || prefix.value.kind == "thành phố"
    {
      let nameStart = start + prefix.length
      if let place = placeStarts[nameStart] { return spans[place].upperBound }
      if prefix.value.kind == "thành phố", tokens[start].capitalized, !tokens[start].allUpper {
        return nil
      }
      return nameStart
    }
    if bare, isCapitalizedWord(start) {
      if let place = placeStarts[start] { return spans[place].upperBound }
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
  func openName(after start: Int) -> Int? {
    guard isCapitalizedWord(start), longest(lexicon.adminPrefixes, at: start) == nil else {
      return nil
    }
    var end = start + 1
    var capitalEnd = end
    while end < min(limit(start), start + 7) {
      if longest(lexicon.adminPrefixes, at: end) != nil {
        if let place = placeComplement(at: end, bare: false) { return place }
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
