/// Party cells, villages, communes, districts and provinces led by their prefix words
/// ("Chi bộ 4", "bản Đông Pao", "xã Bản Hon", "TP. Lai Châu"), and bare names the gazetteer
/// places under a district or province the text names.
extension EntityScan {
  func findPlaces() {
    // Every place here starts at a prefix ("Chi bộ", a village or an admin prefix).
    let triggers = lexicon.villagePrefixes.bit | lexicon.adminPrefixes.bit
    var index = next(Interest.places, from: 0)
    while index < tokens.count {
      if claims[index] == .none, masks[index] & triggers != 0 || hashes[index] == Cue.chi {
        if let end = cell(at: index) { index = next(Interest.places, from: end); continue }
        if let end = adminPlace(at: index) { index = next(Interest.places, from: end); continue }
        if let end = village(at: index) { index = next(Interest.places, from: end); continue }
      }
      index = next(Interest.places, from: index + 1)
    }
  }

  /// Whether the words before `index` make the next prefix plural ("các xã", "2 bản").
  func isPluralBefore(_ index: Int) -> Bool {
    let before = index - 1
    guard before >= sentenceStart(index) else { return false }
    return `is`(before, Cue.các) || `is`(before, Cue.những) || `is`(before, Cue.hai)
      || `is`(before, Cue.ba) || isNumber(before)
  }

  // MARK: Cells

  /// "Chi bộ 4 (bản Đông Pao)", "Chi bộ bản Thẳm", "Chi bộ Trường THCS Ẳng Tở".
  func cell(at index: Int) -> Int? {
    guard `is`(index, Cue.chi), `is`(index + 1, Cue.bộ), index + 2 < limit(index) else { return nil }
    let next = index + 2
    var end = next
    var village: (name: Range<Int>, kind: String, end: Int)?
    // "Chi bộ số 3" is numbered as "Chi bộ 3" is.
    let number = `is`(next, Cue.số) && next + 1 < limit(index) && isNumber(next + 1) ? next + 1 : next
    if isNumber(number) {
      end = number + 1
      if `is`(end, Cue.open), let inner = villageName(at: end + 1), `is`(inner.end, Cue.close) {
        village = inner
      }
    } else if let inner = villageName(at: next) {
      village = inner
      end = inner.end
    } else if `is`(next, Cue.trường) {
      end = next + 1
      while end < limit(index), let kind = longest(lexicon.schoolKinds, at: end) { end += kind.length }
      while end < limit(index), isCapitalizedWord(end) { end += 1 }
      if end < limit(index), isNumber(end) || (isWord(end) && tokens[end].end - tokens[end].start == 1 && facts[end].capitalized) { end += 1 }
      guard end > next + 1 else { return nil }
    } else if isCapitalizedWord(next), !facts[next].allUpper || longest(lexicon.bodies, at: next) != nil {
      // "Bí thư Chi bộ Siu Blung chia sẻ": the cell's secretary, named after the role.
      if index >= 1, `is`(index - 1, Cue.thư), startsWithSurname(next) { return nil }
      end = capitalizedRun(from: next, max: 4, allowNumber: true)
      // "Chi bộ Trạm Y tế xã": the cell of a body, named as the body is.
      if let body = organization(at: next), body.end > end { end = body.end }
      // "Chi bộ Công ty TNHH Dệt may Phú Thịnh": an enterprise's name runs on after "ty".
      if end == next + 1, `is`(next, Cue.công), `is`(end, Cue.ty) { end = openName(after: next) ?? end }
      if end == next { end = next + (longest(lexicon.bodies, at: next)?.length ?? 0) }
      guard end > next else { return nil }
    } else {
      return nil
    }
    let cell = emit(.cell, index..<end, claim: .cell)
    if let village {
      entities[cell].village = string(village.name)
      let parent = emit(.village, village.name, kind: village.kind, claim: .place)
      entities[cell].parent = parent
      for index in village.name.lowerBound - 1..<village.end where claims[index] == .none {
        claims[index] = .cell
      }
    }
    return end
  }

  // MARK: Villages

  /// Whether a run after a village prefix is a person's name: three or four words from a
  /// surname, with a middle name ("Hà Văn Lực") or right after a role ("Trưởng bản …").
  func isPersonName(_ run: Range<Int>, afterRole: Bool) -> Bool {
    guard run.count >= 3, run.count <= 4, startsWithSurname(run.lowerBound) else { return false }
    return afterRole || lexicon.middleNames.contains(hashes[run.lowerBound + 1])
  }

  /// A village prefix and its name at `index`: ("Đông Pao", "bản", end of the name).
  func villageName(at index: Int) -> (name: Range<Int>, kind: String, end: Int)? {
    guard index < tokens.count, let prefix = longest(lexicon.villagePrefixes, at: index) else {
      return nil
    }
    let start = index + prefix.length
    guard start < limit(index) else { return nil }
    var end = cutBeforePerson(start, capitalizedRun(from: start, max: 6, allowNumber: true))
    // "Trưởng thôn Hà Văn Lực", "thôn Lò Thị Mai": a person's name, not a village's.
    if isPersonName(start..<end, afterRole: `is`(index - 1, Cue.trưởng)) { return nil }
    if end == start {
      guard isNumber(start), Self.numberedVillageKinds.contains(prefix.value) else { return nil }
      end = start + 1
    } else if `is`(index - 1, Cue.open) {
      // Inside parentheses a name may go on in lower case: "(bản Chăn nuôi)".
      var probe = end
      while probe < min(end + 2, limit(index)), isWord(probe), !facts[probe].capitalized {
        probe += 1
      }
      if `is`(probe, Cue.close) { end = probe }
    }
    return (start..<end, prefix.value, end)
  }

  static let numberedVillageKinds: Set<String> = [
    "tổ dân phố", "khu phố", "tổ dân cư", "khối", "thôn", "xóm", "ấp", "khóm", "bản", "tổ",
  ]

  func village(at index: Int) -> Int? {
    guard let found = villageName(at: index) else { return nil }
    // "buôn làng Ê Đê", "thôn bản": two prefixes make a common noun, the villages in general.
    if index > sentenceStart(index), let before = longest(lexicon.villagePrefixes, at: index - 1),
      before.length == 1
    {
      return nil
    }
    // "làng Cơ Tu Hòa Bắc", "bản Mông": the people living there, no village's name.
    if let ethnic = longest(lexicon.ethnicGroups, at: found.name.lowerBound),
      ethnic.length >= 2 || ethnic.length == found.name.count
    {
      return nil
    }
    // "già làng Y Bhiăr Rơ Ô": the prefix word belongs to an honorific.
    if index > sentenceStart(index), let honorific = longest(lexicon.honorifics, at: index - 1),
      honorific.length > 1
    {
      return nil
    }
    if facts[index].capitalized {
      // "Bản Hon", "Buôn Triết" are commune names; a capitalized prefix leads a village only
      // at the start of a sentence or a bracket, and never when the whole is a known place.
      let opensClause = index == sentenceStart(index) || `is`(index - 1, Cue.open)
      if !opensClause { return nil }
      if let match = longest(gazetteer.names, at: index), match.length >= found.end - index {
        return nil
      }
    }
    if found.name.count == 1, isNumber(found.name.lowerBound), facts[index].capitalized == false,
      `is`(index - 1, Cue.các)
    {
      return nil
    }
    emit(.village, found.name, kind: found.kind, claim: .place)
    claims[index] = .place
    var end = found.end
    if isPluralBefore(index) {
      // "các bản Nà Khum, Pa Pe và Nậm Lò"
      while end + 1 < limit(index), `is`(end, Cue.comma) || `is`(end, Cue.và) {
        let next = end + 1
        let nameEnd = capitalizedRun(from: next, max: 4, allowNumber: true)
        guard nameEnd > next, adminPrefix(at: next) == nil,
          longest(lexicon.villagePrefixes, at: next) == nil
        else { break }
        emit(.village, next..<nameEnd, kind: found.kind, claim: .place)
        end = nameEnd
      }
    }
    return end
  }

  // MARK: Communes, districts, provinces

  /// The gazetteer divisions at `level` (and their indices) among `matches`.
  func divisions(_ matches: [Int32], level: AdminLevel) -> [Int32] {
    let levels = gazetteer.levels
    func isAt(_ match: Int32) -> Bool {
      switch level {
      case .commune: levels[Int(match)] == .commune
      case .district: levels[Int(match)] == .district
      case .province: levels[Int(match)] == .province
      case .city: levels[Int(match)] != .commune && gazetteer.kinds[Int(match)] == "thành phố"
      }
    }
    // Most names are at one level: then the matches themselves or none, no new array.
    var kept = 0
    for match in matches where isAt(match) { kept += 1 }
    if kept == matches.count { return matches }
    if kept == 0 { return [] }
    // At its size at once: `filter` grew its result by appending, an allocation per doubling.
    var atLevel: [Int32] = []
    atLevel.reserveCapacity(kept)
    for match in matches where isAt(match) { atLevel.append(match) }
    return atLevel
  }

  /// A name after an admin prefix: the gazetteer's longest match, else a capitalized run.
  func adminName(at start: Int, level: AdminLevel) -> (end: Int, matches: [Int32])? {
    guard start < tokens.count, isCapitalizedWord(start) || isNumber(start) else { return nil }
    // "đặc khu 10 tháng", "thị trấn Tràm Chim, 19 hộ": a number before a lower-case word counts
    // something; it names no place.
    if isNumber(start), start + 1 < limit(start), isWord(start + 1), !facts[start + 1].capitalized { return nil }
    let run =
      isNumber(start) ? start + 1 : cutBeforePerson(start, capitalizedRun(from: start, max: 6, allowNumber: true))
    if let match = longest(gazetteer.names, at: start) {
      let atLevel = divisions(match.value, level: level)
      let end = start + match.length
      if !atLevel.isEmpty, end == run || startsWithSurname(end) || !isCapitalizedWord(end) {
        return (end, atLevel)
      }
    }
    return run > start ? (run, []) : nil
  }

  func adminPlace(at index: Int) -> Int? {
    guard let prefix = adminPrefix(at: index) else { return nil }
    let start = index + prefix.length
    guard start < limit(index), let name = adminName(at: start, level: prefix.value.level) else {
      return nil
    }
    // "Chủ tịch UBND huyện Đoàn Văn Sơn": a person's name after a role's level, no place.
    if name.matches.isEmpty, isPersonName(start..<name.end, afterRole: false) { return nil }
    // "Huyện Đoàn", "Tỉnh Đoàn": the prefix word starts a body's name.
    if let body = longest(lexicon.bodies, at: index), body.length > prefix.length { return nil }
    // "các tỉnh Tây Bắc": a name the gazetteer has for no province, after a plural, is a region.
    if prefix.value.level == .province, name.matches.isEmpty, isPluralBefore(index) { return nil }
    var level = prefix.value.level
    var matches = name.matches
    if level == .city {
      let provinces = matches.filter { gazetteer.levels[Int($0)] == .province }
      if !provinces.isEmpty {
        level = .province
        matches = provinces
      } else {
        level = .district
      }
    }
    let type: EntityType =
      switch level {
      case .commune: .commune
      case .district: .district
      case .province, .city: .province
      }
    let entity = emit(type, start..<name.end, kind: prefix.value.kind, claim: .place)
    claims[index] = .place
    candidates[entity] = matches
    var end = name.end
    let plural = isPluralBefore(index)
    var knownItems = 0
    // "các xã Nậm Tha, Nậm Xây và Dương Quỳ": further names of the same level.
    while end + 1 < limit(index), `is`(end, Cue.comma) || `is`(end, Cue.và) {
      let next = end + 1
      guard adminPrefix(at: next) == nil, let more = adminName(at: next, level: level)
      else { break }
      // "xã Đắk Ring, Măng Bút, Ngọc Tem": after a singular prefix, a list goes on with names
      // the gazetteer knows, and with others once one of them was known.
      guard plural || !more.matches.isEmpty || knownItems > 0 else { break }
      if !more.matches.isEmpty { knownItems += 1 }
      let item = emit(type, next..<more.end, kind: prefix.value.kind, claim: .place)
      candidates[item] = more.matches
      end = more.end
    }
    return end
  }

  // MARK: Context

  /// Bare names: a name the text already gives a place with its prefix ("Quảng Ninh" after
  /// "huyện Quảng Ninh"), a province name ("ở Đà Nẵng và Bình Dương", "(Nghệ An)"), and names
  /// ("Hòa Tú 1, Ngọc Đông và Tham Đôn") that the gazetteer places under a district or
  /// province this text already names with its prefix. Not after a noun that makes the name
  /// something else's ("sông Đồng Nai", "sâm Ngọc Linh").
  func findContextPlaces() {
    resolvedKeys.removeAll(keepingCapacity: true)
    resolvedKeys.reserveCapacity(32)
    for entity in candidates.indices where candidates[entity].count == 1 && entities[entity].code != nil {
      addLineage(candidates[entity][0], to: &resolvedKeys)
    }
    // The places named so far by their case-folded text (`foldedHash`), the first of each;
    // every hit is checked on the lowercase strings, and a mismatch (a hash shared by two
    // texts) falls back to a dictionary of them.
    var namedByText: [String: Int]?
    let namedCount = entities.count
    let isAdmin = { (type: EntityType) in type == .commune || type == .district || type == .province }
    // None made for a text that names no place yet: nothing to find in it.
    let adminCount = types.lazy.filter(isAdmin).count
    var named: HashKeyTable<Int>?
    if adminCount > 0 {
      var table = HashKeyTable<Int>(minimumCapacity: adminCount)
      for place in 0..<namedCount where isAdmin(types[place]) {
        var text = entities[place].text
        let key = text.withUTF8 { Self.foldedHash($0, 0..<$0.count) }
        if table[key] == nil { table[key] = place }
      }
      named = table
    }
    let gazetteerBit = gazetteer.names.bit
    var index = next(Interest.contextPlaces, from: 0)
    while index < tokens.count {
      guard isCapitalizedWord(index), masks[index] & gazetteerBit != 0, claims[index] == .none,
        index == sentenceStart(index) || !isCapitalizedWord(index - 1),
        let match = longest(gazetteer.names, at: index)
      else {
        index = next(Interest.contextPlaces, from: index + 1)
        continue
      }
      let end = index + match.length
      let run = capitalizedRun(from: index, max: 6, allowNumber: true)
      guard run == end, isUnclaimed(index..<end), !followsNameNoun(index) else {
        index = next(Interest.contextPlaces, from: max(end, index + 1))
        continue
      }
      var same: Int?
      if let named,
        let first = named[Self.foldedHash(bytes, tokens[index].utf8Start..<tokens[end - 1].utf8End)]
      {
        if lowercasedEquals(entities[first].text, index..<end) {
          same = first
        } else {
          let text = lowercased(index..<end)
          if namedByText == nil {
            var places: [String: Int] = [:]
            for place in 0..<namedCount
            where types[place] == .commune || types[place] == .district
              || types[place] == .province
            {
              let key = entities[place].text.lowercased()
              if places[key] == nil { places[key] = place }
            }
            namedByText = places
          }
          same = namedByText![text]
        }
      }
      if let same {
        let entity = emit(types[same], index..<end, kind: entities[same].kind, claim: .place)
        candidates[entity] = candidates[same]
      } else if case let provinces = divisions(match.value, level: .province), !provinces.isEmpty {
        let kind = gazetteer.kinds[Int(provinces[0])]
        let entity = emit(.province, index..<end, kind: kind, claim: .place)
        candidates[entity] = provinces
      } else if !resolvedKeys.isEmpty {
        let inContext = match.value.filter { candidate in
          guard gazetteer.levels[Int(candidate)] != .province else { return false }
          return gazetteer.hasAncestor(candidate, in: resolvedKeys)
        }
        if !inContext.isEmpty {
          let first = Int(inContext[0])
          let type: EntityType = gazetteer.levels[first] == .commune ? .commune : .district
          let entity = emit(type, index..<end, kind: gazetteer.kinds[first], claim: .place)
          candidates[entity] = inContext
        }
      }
      index = next(Interest.contextPlaces, from: max(end, index + 1))
    }
  }

  /// A hash of the text's scalars lowercased (`PhraseKey.lower`, the full Unicode mapping
  /// beyond its table), so that texts equal after `lowercased()` hash alike.
  static func foldedHash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var hash = PhraseKey.seed
    let table = PhraseKey.lowerTable
    var offset = range.lowerBound
    while offset < range.upperBound {
      // An ASCII byte is its scalar: no decoding, lowercased by arithmetic.
      if bytes[offset] < 0x80 {
        hash = (hash ^ UInt64(PhraseKey.lower(UInt32(bytes[offset])))) &* 0x100_0000_01b3
        offset += 1
        continue
      }
      let value = decode(bytes, &offset)
      if value < 0x2000, value != 0x130 {
        hash = (hash ^ UInt64(PhraseKey.lower(value, table))) &* 0x100_0000_01b3
      } else if let scalar = Unicode.Scalar(value) {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          hash = (hash ^ UInt64(PhraseKey.lower(lower.value))) &* 0x100_0000_01b3
        }
      }
    }
    return hash
  }

  /// Whether a noun that names rivers, roads, products… stands right before `index`.
  func followsNameNoun(_ index: Int) -> Bool {
    for start in max(sentenceStart(index), index - 2)..<index {
      if let noun = longest(lexicon.nameNouns, at: start), start + noun.length == index { return true }
    }
    return false
  }

  /// An administrative prefix at `index`, unless the word is part of a longer word that is
  /// no prefix ("hợp tác xã", "xã hội").
  func adminPrefix(at index: Int) -> (length: Int, value: (level: AdminLevel, kind: String))? {
    guard let prefix = longest(lexicon.adminPrefixes, at: index) else { return nil }
    for start in max(0, index - 3)...index where masks[start] & lexicon.notPrefixes.bit != 0 {
      if let word = longest(lexicon.notPrefixes, at: start), start + word.length > index {
        // "xã Hội An": a capitalized word after the prefix starts a name.
        if start == index, index + 1 < tokens.count, facts[index + 1].capitalized { continue }
        return nil
      }
    }
    return prefix
  }

  /// The structure the text is written in: before the 2025 reform when it names a district,
  /// after it when more of its places exist (with their kind) only in the new structure.
  func preferredStructure() -> Division.Structure {
    if types.contains(.district) { return .before2025 }
    var votes = 0
    for entity in candidates.indices where !candidates[entity].isEmpty {
      let kind = entities[entity].kind
      var before = false
      var after = false
      for match in candidates[entity] where kind == nil || gazetteer.kinds[Int(match)] == kind {
        if gazetteer.structures[Int(match)] == .after2025 { after = true } else { before = true }
      }
      if after, !before { votes += 1 }
      if before, !after { votes -= 1 }
    }
    return votes > 0 ? .after2025 : .before2025
  }

  /// Gives each place its gazetteer code when its candidates narrow to one, using the other
  /// places of the text to choose (a commune under a district the text names).
  func resolvePlaces() {
    guard candidates.contains(where: { !$0.isEmpty }) else { return }
    context.removeAll(keepingCapacity: true)
    context.reserveCapacity(32)
    pool.reserveCapacity(16)
    let structure = preferredStructure()
    for _ in 0..<2 {
      for entity in candidates.indices where !candidates[entity].isEmpty {
        let resolved: Int32
        if candidates[entity].count == 1 {
          // One candidate stays one whatever the filters keep.
          resolved = candidates[entity][0]
          if appliedDivision[entity] == resolved {
            // Code and name were given before (a later round or call gives the same).
            addLineage(resolved, to: &context)
            continue
          }
        } else {
          pool.removeAll(keepingCapacity: true)
          pool.append(contentsOf: candidates[entity])
          if let kind = entities[entity].kind {
            Self.narrow(&pool) { gazetteer.kinds[Int($0)] == kind }
          }
          Self.narrow(&pool) { gazetteer.structures[Int($0)] == structure }
          if pool.count > 1, !context.isEmpty {
            Self.narrow(&pool) { gazetteer.hasAncestor($0, in: context) }
          }
          guard pool.count == 1 else { continue }
          resolved = pool[0]
          candidates[entity] = [resolved]
        }
        let name = gazetteer.divisionNames[Int(resolved)]
        entities[entity].code = gazetteer.codes[Int(resolved)]
        if name != entities[entity].text, !name.isEmpty {
          entities[entity].canonical = name
        }
        appliedDivision[entity] = resolved
        addLineage(resolved, to: &context)
      }
    }
  }

  /// Keeps the divisions of `pool` that pass `test`, in their order, unless none does (then
  /// all stay): in place, where a `filter` made a new array for each test.
  ///
  ///     var pool: [Int32] = [4, 7, 9]
  ///     EntityScan.narrow(&pool) { $0 > 5 }    // [7, 9]
  ///     EntityScan.narrow(&pool) { $0 > 100 }  // [7, 9]
  @inline(__always)
  static func narrow(_ pool: inout [Int32], _ test: (Int32) -> Bool) {
    var kept = 0
    for index in pool.indices where test(pool[index]) {
      // Only slots already read are written: when nothing passes, nothing is written.
      pool[kept] = pool[index]
      kept += 1
    }
    if kept > 0 { pool.removeLast(pool.count - kept) }
  }

  /// Adds a division and its ancestors to `context`, each once.
  ///
  /// `context` holds only what this function added (it is emptied before use), so a member
  /// already there came with all its ancestors: the walk stops at the first one found, and
  /// `context` ends up as the full walk would leave it, in the same order.
  func addLineage(_ division: Int32, to context: inout [Int32]) {
    var member = division
    while member >= 0, !context.contains(member) {
      context.append(member)
      member = gazetteer.parents[Int(member)]
    }
  }
}
