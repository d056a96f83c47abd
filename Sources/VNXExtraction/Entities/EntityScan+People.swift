/// People: names after honorifics ("đồng chí", "bà", "già làng"), after roles ("Bí thư Huyện
/// ủy Hướng Hóa Trần Đình Hòa"), and bare names of three or more syllables that start with a
/// surname ("phong cách Hồ Chí Minh"); each with the role written beside it.
extension EntityScan {
  func findPeople() {
    // A name follows an honorific or a degree, or starts capitalized (after a role or bare).
    let triggers = lexicon.honorifics.bit | lexicon.qualifications.bit
    var index = next(Interest.people, from: 0)
    while index < tokens.count {
      if claims[index] == .none, facts[index].capitalized || masks[index] & triggers != 0,
        let end = person(at: index)
      {
        index = next(Interest.people, from: end)
      } else {
        index = next(Interest.people, from: index + 1)
      }
    }
  }

  /// A name of 2–5 capitalized words starting at `start`.
  func nameEnd(at start: Int) -> Int? {
    guard isCapitalizedWord(start), claims[start] == .none else { return nil }
    var end = start
    while end < min(limit(start), start + 5), isCapitalizedWord(end), !facts[end].allUpper,
      claims[end] == .none,
      end == start || (longest(lexicon.roles, at: end) == nil && longest(lexicon.bodies, at: end) == nil)
    {
      end += 1
    }
    return end - start >= 2 || (end > start && isApostropheName(start)) ? end : nil
  }

  func person(at index: Int) -> Int? {
    // After an honorific: "đồng chí Lò Văn Phà", "anh Ksor Bloh".
    if let honorific = longest(lexicon.honorifics, at: index) {
      var start = index + honorific.length
      // "Bác sĩ CKI Nguyễn Văn Tâm": a degree between title and name.
      while start < limit(index), let degree = longest(lexicon.qualifications, at: start) {
        start += degree.length
      }
      if let end = nameEnd(at: start),
        Cue.strongHonorifics.contains(hashes[index]) || startsWithSurname(start)
          || hasMiddleName(start..<end)
      {
        addPerson(start..<end, roleBefore: nil)
        return end
      }
    }
    // After a degree alone: "PGS.TS Trần Văn Minh".
    if longest(lexicon.qualifications, at: index) != nil, facts[index].capitalized {
      var start = index
      while start < limit(index), let degree = longest(lexicon.qualifications, at: start) {
        start += degree.length
      }
      if let end = nameEnd(at: start), startsWithSurname(start) || hasMiddleName(start..<end) {
        addPerson(start..<end, roleBefore: nil)
        return end
      }
    }
    // After a role and its body: "Bí thư Huyện ủy Hướng Hóa Trần Đình Hòa".
    if facts[index].capitalized, let role = longest(lexicon.roles, at: index) {
      var start = index + role.length
      while start < limit(index), claims[start] == .organization || claims[start] == .place
        || claims[start] == .cell
      {
        start += 1
      }
      // "Bí thư Chi bộ Siu Blung": the cell the role serves, named by the text elsewhere.
      if start == index + role.length, `is`(start, Cue.chi), `is`(start + 1, Cue.bộ) { start += 2 }
      if startsWithSurname(start), let end = nameEnd(at: start) {
        addPerson(start..<end, roleBefore: index..<start)
        return end
      }
      return nil
    }
    // A bare name: three or more words from a surname, or two before an apposed role.
    // The name's end found once (every test here only reads): without one, no middle name
    // can be found either.
    guard let end = nameEnd(at: index), startsWithSurname(index) || hasMiddleName(index..<end),
      index == sentenceStart(index) || !isCapitalizedWord(index - 1),
      !`is`(index - 1, Cue.đường), !`is`(index - 1, Cue.phố), !`is`(index - 1, Cue.số)
    else { return nil }
    // "Hoàng Su Phì" is a district: a bare run that is a district or commune name is no person.
    if let match = longest(gazetteer.names, at: index), index + match.length == end,
      match.value.contains(where: { gazetteer.levels[Int($0)] != .province })
    {
      return nil
    }
    // "Câu lạc bộ Hà Giang Xanh": a run led by a province's name names a thing, not a person.
    if let match = longest(gazetteer.names, at: index), match.length >= 2, index + match.length < end,
      !hasMiddleName(index..<end),
      !divisions(match.value, level: .province).isEmpty, roleAfter(end) == nil
    {
      return nil
    }
    if end - index >= 3 || roleAfter(end) != nil {
      addPerson(index..<end, roleBefore: nil)
      return end
    }
    return nil
  }

  /// Whether a name of three or four words has a middle name that marks a person: "Kăn Thị Hoa".
  func hasMiddleName(_ name: Range<Int>) -> Bool {
    name.count >= 3 && name.count <= 4 && lexicon.middleNames.contains(hashes[name.lowerBound + 1])
  }

  /// A role apposed after a name: ", Bí thư Đảng ủy xã Bản Hon", " - Phó Chủ tịch UBND tỉnh".
  func roleAfter(_ end: Int) -> Range<Int>? {
    guard end + 1 < tokens.count, end < limit(end),
      `is`(end, Cue.comma) || `is`(end, Cue.dash) || `is`(end, Cue.enDash)
    else { return nil }
    var roleEnd = end + 1
    guard roleSegment(at: roleEnd) != nil else { return nil }
    while let segment = roleSegment(at: roleEnd) {
      roleEnd = segment
      // "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Mèo Vạc"; "Bí thư Chi bộ kiêm Trưởng làng Kte"
      if `is`(roleEnd, Cue.comma) || `is`(roleEnd, Cue.kiêm), roleSegment(at: roleEnd + 1) != nil {
        roleEnd += 1
      } else {
        break
      }
    }
    return end + 1..<roleEnd
  }

  /// One role: its head and the bodies, cells and places right after it.
  func roleSegment(at start: Int) -> Int? {
    guard start < tokens.count, start < limit(start), facts[start].capitalized,
      let role = longest(lexicon.roles, at: start)
    else { return nil }
    var end = start + role.length
    while end < limit(start), claims[end] == .organization || claims[end] == .place
      || claims[end] == .cell
    {
      end += 1
    }
    if end == start + role.length, `is`(end, Cue.chi), `is`(end + 1, Cue.bộ), !startsWithSurname(end) { end += 2 }
    // A role ends with the level it serves: "Bí thư Đảng ủy xã", "Trưởng bản Pú Súa".
    if end < limit(start), !facts[end].capitalized, claims[end] == .none,
      let prefix = adminPrefix(at: end) ?? longest(lexicon.villagePrefixes, at: end)
        .map({ ($0.length, (AdminLevel.commune, $0.value)) })
    {
      if end + prefix.0 >= limit(start) || !isCapitalizedWord(end + prefix.0) { end += prefix.0 }
    }
    return end
  }

  func addPerson(_ range: Range<Int>, roleBefore: Range<Int>?) {
    let person = emit(.person, range, claim: .person)
    if let role = roleAfter(range.upperBound) ?? roleBefore {
      entities[person].role = string(role)
      roleSpans.append((person, role))
    }
  }
}
