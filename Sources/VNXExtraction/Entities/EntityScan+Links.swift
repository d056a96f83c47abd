/// The last step: the fullest-form rule for organizations, links between entities, text order.
extension EntityScan {
  func finish() -> [Entity] {
    let count = entities.count
    // Scratch buffers of one slot per entity, freed on return: no array through the generic
    // allocator, no growth.
    let keep = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
    keep.initialize(repeating: true)
    // Three lists of entity indices in one allocation: `fuller`, `newIndex` and `byType`.
    let indices = UnsafeMutableBufferPointer<Int>.allocate(capacity: 3 * count)
    let fuller = UnsafeMutableBufferPointer(rebasing: indices[0..<count])
    fuller.initialize(repeating: -1)
    let newIndex = UnsafeMutableBufferPointer(rebasing: indices[count..<2 * count])
    newIndex.initialize(repeating: -1)
    // The organizations' indices from the front, the people's from the back.
    let byType = UnsafeMutableBufferPointer(rebasing: indices[2 * count..<3 * count])
    defer {
      keep.deallocate()
      indices.deallocate()
    }
    var organizationCount = 0
    var peopleStart = count
    var words: [UInt64] = []
    var wordCount = 0
    for index in 0..<count {
      switch types[index] {
      case .organization:
        byType[organizationCount] = index
        organizationCount += 1
        wordCount += spans[index].count
      case .person:
        peopleStart -= 1
        byType[peopleStart] = index
      default: break
      }
    }
    // An organization named more fully elsewhere ("Đảng ủy xã" after "Đảng ủy xã Bản Hon")
    // is not listed again.
    // Abbreviations count as the words they stand for: "Hội CCB huyện" after "Hội Cựu chiến
    // binh huyện Bác Ái", "BHXH" after "Bảo hiểm xã hội huyện Bình Sơn".
    let organizations = UnsafeMutableBufferPointer(rebasing: byType[0..<organizationCount])
    // Every organization's words in one array, `words[bounds[i]]` those of the i-th; none
    // made for a text of fewer than two organizations, which have nothing to compare.
    if organizations.count > 1 {
      words.reserveCapacity(wordCount + 16)
      var bounds: [Range<Int>] = []
      bounds.reserveCapacity(organizations.count)
      for organization in organizations {
        let start = words.count
        appendExpandedWords(spans[organization], to: &words)
        bounds.append(start..<words.count)
      }
      for (position, short) in organizations.enumerated() {
        let a = bounds[position]
        // Fuller as written too: "NHCSXH huyện" is no fuller form of "Ngân hàng Chính sách xã hội".
        for (other, long) in organizations.enumerated()
        where bounds[other].count > a.count && spans[long].count > spans[short].count {
          let b = bounds[other].lowerBound
          if a.allSatisfy({ words[$0] == words[b + $0 - a.lowerBound] }) {
            keep[short] = false
            fuller[short] = long
            break
          }
        }
      }
    }
    // A person named again by part of the name ("bà Sa Vane" after "bà Néang Sa Vane", "Y
    // Thông nói" after "Ông Y Thông Mlô") is the same person.
    // In the order found, as the people were listed from the back.
    var people = UnsafeMutableBufferPointer(rebasing: byType[peopleStart..<count])
    people.reverse()
    for short in people where keep[short] {
      let a = spans[short]
      for long in people where spans[long].count > a.count {
        let b = spans[long]
        if (0...(b.count - a.count)).contains(where: { offset in
          a.indices.allSatisfy { hashes[$0] == hashes[b.lowerBound + offset + ($0 - a.lowerBound)] }
        }) {
          keep[short] = false
          break
        }
      }
    }
    linkPeople()
    linkPlaces()
    let order = textOrder(keep)
    for (position, index) in order.enumerated() { newIndex[index] = position }
    // Each entity moved straight into the result's memory, its parent renumbered there.
    return [Entity](unsafeUninitializedCapacity: order.count) { result, initialized in
      for (position, index) in order.enumerated() {
        let slot = result.baseAddress! + position
        entities.take(index, into: slot)
        initialized = position + 1
        slot.pointee.parent = slot.pointee.parent.flatMap { parent in
          let target = newIndex[fuller[parent] >= 0 ? fuller[parent] : parent]
          return target >= 0 ? target : nil
        }
      }
    }
  }

  /// The indices of the entities kept, in text order (start, then end), ties in the order
  /// found (the index breaks them). Each entity is one integer key, start, end and index
  /// packed, when they fit (they do below 16M scalars and 64K entities): one comparison
  /// where the tuple took up to three.
  func textOrder(_ keep: UnsafeMutableBufferPointer<Bool>) -> [Int] {
    let count = keep.count
    var packable = count <= 0xFFFF
    var keys: [UInt64] = []
    if packable {
      keys.reserveCapacity(count)
      for index in 0..<count where keep[index] {
        let start = entities[index].start
        let end = entities[index].end
        guard start >= 0, end >= 0, start < 1 << 24, end < 1 << 24 else {
          packable = false
          break
        }
        keys.append(UInt64(start) << 40 | UInt64(end) << 16 | UInt64(index))
      }
    }
    if packable {
      keys.sort()
      return keys.map { Int($0 & 0xFFFF) }
    }
    var keyed: [(start: Int, end: Int, index: Int)] = []
    keyed.reserveCapacity(count)
    for index in 0..<count where keep[index] {
      keyed.append((entities[index].start, entities[index].end, index))
    }
    keyed.sort { ($0.start, $0.end, $0.index) < ($1.start, $1.end, $1.index) }
    return keyed.map(\.index)
  }

  /// Appends the token hashes of a span with each abbreviation replaced by the words it
  /// stands for.
  func appendExpandedWords(_ span: Range<Int>, to words: inout [UInt64]) {
    for index in span {
      if let long = lexicon.abbreviations[hashes[index]] {
        words.append(contentsOf: long)
      } else {
        words.append(hashes[index])
      }
    }
  }

  func linkPeople() {
    for (person, role) in roleSpans {
      entities[person].parent = entities.indices.first { index in
        types[index] == .organization && spans[index].lowerBound >= role.lowerBound
          && spans[index].upperBound <= role.upperBound
      }
    }
  }

  /// Commune → district → province, by gazetteer codes, else by the text's own nesting
  /// ("xã Bản Hon, huyện Tam Đường", "huyện Mường Ảng (tỉnh Điện Biên)").
  func linkPlaces() {
    func rank(_ type: EntityType) -> Int? {
      switch type {
      case .village: 0
      case .commune: 1
      case .district: 2
      case .province: 3
      default: nil
      }
    }
    let found = UnsafeMutableBufferPointer<Int>.allocate(capacity: entities.count)
    defer { found.deallocate() }
    var placeCount = 0
    for index in entities.indices where rank(types[index]) != nil {
      found[placeCount] = index
      placeCount += 1
    }
    guard placeCount > 0 else { return }
    var byDivision = HashKeyTable<Int>(minimumCapacity: placeCount)
    for entity in candidates.indices where candidates[entity].count == 1 {
      let key = UInt64(candidates[entity][0])
      if byDivision[key] == nil { byDivision[key] = entity }
    }
    var places = UnsafeMutableBufferPointer(rebasing: found[0..<placeCount])
    // Places that start at one token keep the order found, as the stable `sorted` kept them:
    // sorted as one key each, first token and index packed (both below 2^31: token offsets
    // are `Int32`, entity indices far fewer), then unpacked in place.
    for position in places.indices {
      places[position] = spans[places[position]].lowerBound << 32 | places[position]
    }
    places.sort()
    for position in places.indices { places[position] &= 0xFFFF_FFFF }
    for (position, place) in places.enumerated() {
      let level = rank(types[place])!
      if candidates[place].count == 1, case let matches = candidates[place],
        let parent = gazetteer.parent(of: Int(matches[0])),
        let index = byDivision[UInt64(parent)]
      {
        entities[place].parent = index
        continue
      }
      guard position + 1 < places.count else { continue }
      let next = places[position + 1]
      let gap = spans[next].lowerBound - spans[place].upperBound
      if let nextLevel = rank(types[next]), nextLevel > level, gap >= 1, gap <= 3,
        `is`(spans[place].upperBound, Cue.comma) || `is`(spans[place].upperBound, Cue.open)
      {
        entities[place].parent = next
      }
    }
  }
}
