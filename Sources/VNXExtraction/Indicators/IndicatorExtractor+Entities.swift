import VNXSegmentation
import VNXText

extension IndicatorExtractor {
  /// The indicators of `text`, each linked to the place and the subject (organization or
  /// party cell) the text makes clear, and given a year from its sentence when the paragraph
  /// names none before it.
  ///
  ///     "Xã Pả Vi có 97 hộ"                      → place "Pả Vi"
  ///     "huyện Tam Bình, tỉnh Vĩnh Long thu 9.860 ha" → place "Tam Bình" (the apposed chain's
  ///                                                     most specific place)
  ///     "Toàn huyện có 214 công trình"           → place: the district the article names
  ///     "Đến ngày 31/12/2024, huyện có 4.286 người" → year 2024
  ///
  /// `entities` is the entity list of the same text (`EntityExtractor`); `place` and
  /// `subject` are indices into it. Entities are listed once however often they occur, so
  /// every occurrence of an entity's text counts as a mention. `published` (ISO 8601) anchors
  /// "năm nay", "năm ngoái", "năm tới".
  ///
  /// A place comes from, in order: the nearest place named before the quantity in its
  /// sentence; a level noun standing alone before it ("toàn huyện", "xã", "tỉnh") read as the
  /// article's place of that level when one dominates; the nearest place named after it in
  /// the sentence; the article's dominant place. The subject is the nearest organization or
  /// cell named before the quantity in its sentence.
  public func extract(
    from text: String, sentences: [Sentence], entities: [Entity], published: String? = nil
  ) -> [Indicator] {
    let pieces = QuantityPieces(text, sentences: sentences)
    var indicators = read(pieces)
    guard !indicators.isEmpty else { return indicators }
    // Only the sentences that hold an indicator are searched for mentions of the entities.
    let holding = indicators.map { Attribution.sentence(containing: $0.start, in: sentences) }
    var regions: [Range<Int>] = []
    for case let sentence? in holding {
      let span = sentences[sentence].start..<sentences[sentence].end
      if let last = regions.last, last.upperBound >= span.lowerBound {
        regions[regions.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
      } else {
        regions.append(span)
      }
    }
    let attribution = Attribution(
      scalars: pieces.scalars, sentences: sentences, entities: entities, published: published,
      regions: regions)
    // The year mentions of the last sentence asked for: its indicators come one after another.
    var years: (sentence: Int, mentions: [Attribution.YearMention])?
    for position in indicators.indices {
      let start = indicators[position].start
      guard let sentence = holding[position] else { continue }
      indicators[position].place = attribution.place(at: start, end: indicators[position].end, in: sentence)
      indicators[position].subject = attribution.subject(before: start, in: sentence)
      if indicators[position].year == nil {
        if years?.sentence != sentence { years = (sentence, attribution.yearMentions(in: sentence)) }
        indicators[position].year = Attribution.year(
          at: start, end: indicators[position].end, mentions: years!.mentions)
      }
    }
    return indicators
  }

  /// Where `needle` occurs in `haystack` as whole words, trying only the positions `starts`
  /// (in order) where `haystack` holds `needle`'s first scalar: what `occurrences(of:in:)`
  /// finds, without walking the whole text.
  static func occurrences(
    of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], at starts: some Sequence<Int>
  ) -> [Range<Int>] {
    var found: [Range<Int>] = []
    appendOccurrences(of: needle[...], in: haystack, at: starts, to: &found)
    return found
  }

  /// `occurrences(of:in:at:)` appended to `found`.
  static func appendOccurrences(
    of needle: ArraySlice<Unicode.Scalar>, in haystack: [Unicode.Scalar], at starts: some Sequence<Int>,
    to found: inout [Range<Int>]
  ) {
    guard !needle.isEmpty, needle.count <= haystack.count else { return }
    var next = 0
    haystack.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        for index in starts where index >= next && index + needle.count <= haystack.count {
          guard rest(of: needle, isAt: index, in: haystack) else { continue }
          let end = index + needle.count
          if isWholeWord(index..<end, in: haystack) { found.append(index..<end) }
          next = end
        }
      }
    }
  }

  /// Where `needle` occurs in `haystack` as whole words starting inside `regions` (sorted,
  /// disjoint). A needle that cannot overlap itself (`overlapsItself`) gives there exactly
  /// what `occurrences(of:in:)` gives over the whole text.
  static func occurrences(
    of needle: ArraySlice<Unicode.Scalar>, in haystack: [Unicode.Scalar], within regions: [Range<Int>]
  ) -> [Range<Int>] {
    guard let first = needle.first, needle.count <= haystack.count else { return [] }
    var found: [Range<Int>] = []
    haystack.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        for region in regions {
          var index = region.lowerBound
          while index < region.upperBound, index + needle.count <= haystack.count {
            guard haystack[index] == first else {
              index += 1
              continue
            }
            guard rest(of: needle, isAt: index, in: haystack) else {
              index += 1
              continue
            }
            let end = index + needle.count
            if isWholeWord(index..<end, in: haystack) { found.append(index..<end) }
            index = end
          }
        }
      }
    }
    return found
  }

  /// Whether `haystack` holds `needle` from `index` on, its first scalar already matched.
  @inline(__always)
  private static func rest(
    of needle: UnsafeBufferPointer<Unicode.Scalar>, isAt index: Int,
    in haystack: UnsafeBufferPointer<Unicode.Scalar>
  ) -> Bool {
    for offset in 1..<needle.count where haystack[index + offset] != needle[offset] { return false }
    return true
  }

  /// Whether no letter touches `range` on either side.
  @inline(__always)
  private static func isWholeWord(_ range: Range<Int>, in haystack: UnsafeBufferPointer<Unicode.Scalar>)
    -> Bool
  {
    (range.lowerBound == 0 || !QuantityPieces.isLetter(haystack[range.lowerBound - 1]))
      && (range.upperBound == haystack.count || !QuantityPieces.isLetter(haystack[range.upperBound]))
  }

  /// Whether two occurrences of `needle` can overlap ("aba" in "ababa"): whether a proper
  /// prefix of it is also its suffix.
  static func overlapsItself(_ needle: [Unicode.Scalar]) -> Bool { overlapsItself(needle[...]) }

  static func overlapsItself(_ needle: ArraySlice<Unicode.Scalar>) -> Bool {
    let needle = needle.startIndex == 0 ? needle : ArraySlice(Array(needle))
    // A border starts where the needle's first scalar comes again.
    guard needle.count > 1, needle.dropFirst().contains(needle[0]) else { return false }
    var border = [Int](repeating: 0, count: needle.count)
    var length = 0
    for index in 1..<needle.count {
      while length > 0, needle[index] != needle[length] { length = border[length - 1] }
      if needle[index] == needle[length] { length += 1 }
      border[index] = length
    }
    return border[needle.count - 1] > 0
  }

  /// Where `needle` occurs in `haystack` as whole words.
  static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Range<Int>] {
    occurrences(of: needle[...], in: haystack, within: [0..<haystack.count])
  }

  static func occurrences(of needle: ArraySlice<Unicode.Scalar>, in haystack: [Unicode.Scalar])
    -> [Range<Int>]
  {
    occurrences(of: needle, in: haystack, within: [0..<haystack.count])
  }
}

/// The mentions of one text's entities and the lookups that link its indicators to them.
/// Words are compared by their case-folded hashes (`PhraseKey`), so no lookup allocates.
struct Attribution {
  typealias Mention = (start: Int, end: Int, entity: Int)

  let scalars: [Unicode.Scalar]
  let sentences: [Sentence]
  let entities: [Entity]
  var places: [Mention] = []
  var subjects: [Mention] = []
  /// Indices into `places` and `subjects` by start: a sentence's mentions by binary search,
  /// so that a long page with many mentions stays near linear.
  var placesByStart: [Int] = []
  var subjectsByStart: [Int] = []
  /// The place entity each level noun refers to when one place of that kind dominates the text.
  /// (Few kinds: a list, searched in turn, costs less than hashing the strings.)
  var placeOfKind: [(kind: String, place: Int)] = []
  /// The place the article is about, when one dominates.
  var mainPlace: Int?
  let publishedYear: Int?

  static func hash(_ word: String) -> UInt64 {
    let keys = word.split(separator: " ").map { Cue.hash(String($0)) }
    return keys.dropFirst().reduce(keys[0]) { PhraseKey.combine($0, $1) }
  }

  /// Level nouns (one or two words, by hash) and the entity kind they stand for alone:
  /// "toàn huyện", "xã", "thị trấn".
  static let levelNounNames = [
    "xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "thôn", "bản",
    "ấp", "buôn", "làng",
  ]
  static let levelNouns = HashKeyTable(levelNounNames.map { (hash($0), $0) })
  /// The last words of the two-word level nouns: only after one is the pair looked up.
  static let levelPairEnds = HashKeySet(
    levelNounNames.filter { $0.contains(" ") }.map { hash(String($0.split(separator: " ").last!)) })
  /// Words before a level noun that make it plural or generic: "các xã", "cấp huyện".
  static let genericBefore = HashKeySet(
    ["các", "những", "mọi", "mỗi", "cấp", "hai", "ba", "bốn", "năm", "nhiều", "từng", "tác"].map(hash))
  /// Words after "xã" that make it another word: "xã hội", "xã viên".
  static let notLevelAfter = HashKeySet(["hội", "viên"].map(hash))
  /// Words before a year that make it a base or a start, not the year measured.
  static let notYearBefore = HashKeySet(["so", "với", "từ", "trước", "sau"].map(hash))
  /// The words after "năm" that name a year relative to the publication.
  static let relativeYears = HashKeySet(["nay", "ngoái", "tới"].map(hash))
  // Literal hashes (checked in `IndicatorAttributionTests`): no `swift_once` at each use.
  static let năm: UInt64 = 0x25de_df19_2965_4821  // "năm"
  static let ngày: UInt64 = 0xf888_bfba_abac_772d  // "ngày"
  static let nay: UInt64 = 0x212b_c719_2567_150b  // "nay"
  static let ngoái: UInt64 = 0x0b47_4d2f_7b58_b0d1  // "ngoái"
  static let tới: UInt64 = 0xae37_ad19_8e84_4833  // "tới"
  /// The lowercase first scalars of the one-word level nouns and of the last words of the
  /// two-word ones: a word starting otherwise is no level noun.
  static let levelAsciiInitials: (low: UInt64, high: UInt64) = levelInitials.reduce(into: (0, 0)) {
    if $1 < 64 { $0.low |= 1 << $1 } else if $1 < 0x80 { $0.high |= 1 << ($1 - 64) }
  }
  static let levelInitials: [UInt32] = Array(
    Set(levelNounNames.compactMap { $0.split(separator: " ").last?.unicodeScalars.first?.value }))

  /// A hash of `text`'s UTF-8 (FNV-1a), for keys that only need to tell texts apart.
  static func utf8Hash(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { bytes in
      var hash = PhraseKey.seed
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash
    }
  }

  init(text: String, sentences: [Sentence], entities: [Entity], published: String?) {
    self.init(
      scalars: QuantityPieces.scalars(of: text), sentences: sentences, entities: entities,
      published: published)
  }

  /// `scalars`: the text's Unicode scalars. Only mentions that start inside `regions` (sorted,
  /// disjoint scalar ranges; the whole text when nil) are found: the queries ask for the
  /// sentences of the indicators only.
  init(
    scalars: [Unicode.Scalar], sentences: [Sentence], entities: [Entity], published: String?,
    regions: [Range<Int>]? = nil
  ) {
    let regions = regions ?? [0..<scalars.count]
    self.scalars = scalars
    self.sentences = sentences
    self.entities = entities
    publishedYear = published.flatMap { Int($0.prefix(4)) }
    // Keys are hashes of the strings they stand for (`QuantityPieces.hash`): no string is built.
    var counts: [(count: Int, first: Int)] = []
    var countIndex = HashKeyTable<Int>()
    // An entity found many times is listed many times: its text is searched once. Its
    // occurrences lie in `ranges`, at the positions its entry of `found` gives.
    var found = HashKeyTable<Range<Int>>()
    var ranges: [Range<Int>] = []
    var listed = HashKeySet()
    // The first scalars of the names, so that the index below holds only the uppercase letters
    // a name can start with.
    var initials = Attribution.Initials()
    for index in entities.indices where Self.isPlaceOrSubject(entities[index].type) {
      if let first = Self.firstScalar(of: entities[index].text), QuantityPieces.isUppercase(first) {
        initials.insert(first)
      }
    }
    places.reserveCapacity(entities.count)
    subjects.reserveCapacity(entities.count)
    ranges.reserveCapacity(entities.count)
    // The scalars of the name being searched: one buffer for all the names.
    var scratch = [Unicode.Scalar](repeating: " ", count: 64)
    // Where those uppercase letters stand in the regions, for the names' searches: scalar value
    // in the high half, offset in the low half, sorted.
    var starts: [UInt64] = []
    var indexed = false
    for index in entities.indices {
      // Fields read one by one: no copy of the whole entity.
      let type = entities[index].type
      let isPlace: Bool
      switch type {
      case .village, .commune, .district, .province: isPlace = true
      default: isPlace = false
      }
      let isSubject = type == .organization || type == .cell
      guard isPlace || isSubject else { continue }
      let text = entities[index].text
      // A name without letters ("phường 1", "thôn 3") is a mention only where it was found.
      // A name with letters is a mention wherever it occurs, under the first entity of its type
      // and text (a later one would never be picked: ties keep the earlier entity), so a name
      // listed n times adds its occurrences once, not n times.
      let named = Self.hasLetter(text)
      let textHash = Self.utf8Hash(text)
      let typeHash = Self.typeKey(type)
      let firstListing = named && !listed.contains(PhraseKey.combine(typeHash, textHash))
      if firstListing { listed.insert(PhraseKey.combine(typeHash, textHash)) }
      let occurrences: Range<Int>
      if !named {
        occurrences = ranges.count..<ranges.count + 1
        ranges.append(entities[index].start..<entities[index].end)
      } else if !firstListing {
        occurrences = 0..<0
      } else if let known = found[textHash] {
        occurrences = known
      } else {
        let before = ranges.count
        let length = Self.decode(text, into: &scratch)
        let needle = scratch[0..<length]
        // Occurrences that may overlap depend on the ones before: such a needle is searched
        // over the whole text.
        if IndicatorExtractor.overlapsItself(needle) {
          ranges += IndicatorExtractor.occurrences(of: needle, in: scalars)
        } else if let first = needle.first, QuantityPieces.isUppercase(first) {
          if !indexed {
            starts = QuantityPieces.uppercaseStarts(scalars, in: regions, initials: initials)
            indexed = true
          }
          let key = UInt64(first.value) << 32
          var low = 0
          var high = starts.count
          while low < high {
            let middle = (low + high) / 2
            if starts[middle] < key { low = middle + 1 } else { high = middle }
          }
          var end = low
          while end < starts.count, starts[end] >> 32 == UInt64(first.value) { end += 1 }
          IndicatorExtractor.appendOccurrences(
            of: needle, in: scalars,
            at: starts[low..<end].lazy.map { Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }, to: &ranges)
        } else {
          ranges += IndicatorExtractor.occurrences(of: needle, in: scalars, within: regions)
        }
        occurrences = before..<ranges.count
        found[textHash] = occurrences
      }
      for range in ranges[occurrences] {
        if isPlace { places.append((range.lowerBound, range.upperBound, index)) }
        if isSubject { subjects.append((range.lowerBound, range.upperBound, index)) }
      }
      if isPlace {
        let key = PhraseKey.combine(
          PhraseKey.combine(typeHash, Self.utf8Hash(entities[index].kind ?? "")),
          QuantityPieces.lowercaseHash(text))
        if let seen = countIndex[key] {
          counts[seen].count += 1
        } else {
          countIndex[key] = counts.count
          counts.append((1, index))
        }
      }
    }
    // The dominant place of each kind, and overall among communes, districts and provinces:
    // named more often than any other.
    var byKind: [(kind: String, list: [(count: Int, entity: Int)])] = []
    var overall: [(count: Int, entity: Int)] = []
    for value in counts {
      let kind = entities[value.first].kind ?? ""
      if let known = byKind.firstIndex(where: { $0.kind == kind }) {
        byKind[known].list.append((value.count, value.first))
      } else {
        byKind.append((kind, [(value.count, value.first)]))
      }
      if entities[value.first].type != .village { overall.append((value.count, value.first)) }
    }
    for (kind, list) in byKind {
      if let place = Self.dominant(list) { placeOfKind.append((kind, place)) }
    }
    mainPlace = Self.dominant(overall)
    placesByStart = places.indices.sorted { (places[$0].start, $0) < (places[$1].start, $1) }
    subjectsByStart = subjects.indices.sorted { (subjects[$0].start, $0) < (subjects[$1].start, $1) }
  }

  static func isPlaceOrSubject(_ type: EntityType) -> Bool {
    switch type {
    case .village, .commune, .district, .province, .organization, .cell: true
    default: false
    }
  }

  /// Decodes the scalars of `text` into the start of `buffer` (grown when too short); returns
  /// their number.
  static func decode(_ text: String, into buffer: inout [Unicode.Scalar]) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      if buffer.count < bytes.count {
        buffer = [Unicode.Scalar](repeating: " ", count: max(bytes.count, 2 * buffer.count))
      }
      return buffer.withUnsafeMutableBufferPointer { buffer in
        var offset = 0
        var written = 0
        while offset < bytes.count {
          let (value, length) = UTF8Scalars.decode(bytes, at: offset)
          // Valid UTF-8 (a `String`'s) decodes to valid scalars.
          buffer[written] = unsafeBitCast(value, to: Unicode.Scalar.self)
          written += 1
          offset += length
        }
        return written
      }
    }
  }

  /// Whether `text` holds a letter (`QuantityPieces.isLetter`): most names tell at their first
  /// byte.
  static func hasLetter(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let (value, length) = UTF8Scalars.decode(bytes, at: offset)
        if QuantityPieces.isLetter(unsafeBitCast(value, to: Unicode.Scalar.self)) { return true }
        offset += length
      }
      return false
    }
  }

  /// The first scalar of `text`.
  static func firstScalar(of text: String) -> Unicode.Scalar? {
    var text = text
    return text.withUTF8 { bytes in
      guard !bytes.isEmpty else { return nil }
      return unsafeBitCast(UTF8Scalars.decode(bytes, at: 0).0, to: Unicode.Scalar.self)
    }
  }

  /// A set of scalars: those below U+2000 as bits, others in a short list.
  struct Initials {
    var bits = [UInt64](repeating: 0, count: 0x2000 / 64)
    var others: [UInt32] = []
    /// The ASCII capitals among them, bit `value - 0x41` (the bitmap's ASCII part).
    var asciiCapitals: UInt32 = 0

    mutating func insert(_ scalar: Unicode.Scalar) {
      let value = scalar.value
      if value &- 0x41 < 26 { asciiCapitals |= 1 << (value - 0x41) }
      if value < 0x2000 {
        bits[Int(value >> 6)] |= 1 << (value & 63)
      } else if !others.contains(value) {
        others.append(value)
      }
    }
  }

  /// A key per entity type (for keys that only need to tell types apart).
  static func typeKey(_ type: EntityType) -> UInt64 {
    switch type {
    case .person: 1
    case .cell: 2
    case .village: 3
    case .commune: 4
    case .district: 5
    case .province: 6
    case .organization: 7
    case .document: 8
    case .date: 9
    }
  }

  static func cached(_ cache: inout HashKeyTable<[Range<Int>]>, _ key: UInt64, _ make: () -> [Range<Int>])
    -> [Range<Int>]
  {
    if let known = cache[key] { return known }
    let value = make()
    cache[key] = value
    return value
  }

  /// The positions in `byStart` of the mentions of `list` that start inside `span`.
  func mentionRange(_ list: [Mention], _ byStart: [Int], in span: Range<Int>) -> Range<Int> {
    var low = 0
    var high = byStart.count
    while low < high {
      let middle = (low + high) / 2
      if list[byStart[middle]].start < span.lowerBound { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < byStart.count, list[byStart[end]].start < span.upperBound { end += 1 }
    return low..<end
  }

  /// The mention of `list` (positions `range` of `byStart`) that `accept` takes and
  /// `better(candidate, best)` prefers; among equals the first listed, as `max(by:)` and
  /// `min(by:)` give over the mentions in listed order.
  @inline(__always)
  func pick(
    _ list: [Mention], _ byStart: [Int], _ range: Range<Int>, where accept: (Mention) -> Bool,
    better: (Mention, Mention) -> Bool
  ) -> Mention? {
    var best: (mention: Mention, index: Int)?
    for position in range {
      let index = byStart[position]
      let mention = list[index]
      guard accept(mention) else { continue }
      if let current = best {
        if better(mention, current.mention) || (!better(current.mention, mention) && index < current.index) {
          best = (mention, index)
        }
      } else {
        best = (mention, index)
      }
    }
    return best?.mention
  }

  static func dominant(_ list: [(count: Int, entity: Int)]) -> Int? {
    let sorted = list.sorted { ($0.count, -$0.entity) > ($1.count, -$1.entity) }
    guard let first = sorted.first else { return nil }
    if sorted.count > 1, sorted[1].count == first.count { return nil }
    return first.entity
  }

  func sentence(containing offset: Int) -> Int? {
    Self.sentence(containing: offset, in: sentences)
  }

  /// The index of the sentence of `sentences` whose span holds `offset`.
  static func sentence(containing offset: Int, in sentences: [Sentence]) -> Int? {
    var low = 0
    var high = sentences.count
    while low < high {
      let middle = (low + high) / 2
      if sentences[middle].end <= offset { low = middle + 1 } else { high = middle }
    }
    guard low < sentences.count, sentences[low].start <= offset else { return nil }
    return low
  }

  static func rank(_ type: EntityType) -> Int {
    switch type {
    case .village: 0
    case .commune: 1
    case .district: 2
    default: 3
    }
  }

  func place(at start: Int, end: Int, in sentence: Int) -> Int? {
    let span = sentences[sentence].start..<sentences[sentence].end
    let range = mentionRange(places, placesByStart, in: span)
    let before = { (mention: Mention) in mention.start >= span.lowerBound && mention.end <= start }
    let later = { (a: Mention, b: Mention) in a.end > b.end }
    if var nearest = pick(places, placesByStart, range, where: before, better: later) {
      // "huyện Tam Bình, tỉnh Vĩnh Long": the chain's most specific place.
      while let inner = pick(
        places, placesByStart, range,
        where: { before($0) && $0.end <= nearest.start && nearest.start - $0.end <= 12 }, better: later),
        Self.rank(entities[inner.entity].type) < Self.rank(entities[nearest.entity].type),
        scalars[inner.end..<nearest.start].contains(where: { $0 == "," || $0 == "(" || $0 == "-" })
      {
        nearest = inner
      }
      return nearest.entity
    }
    if let level = levelNoun(before: start, in: sentence) { return level }
    if let nearest = pick(
      places, placesByStart, range, where: { $0.start >= end && $0.end <= span.upperBound },
      better: { $0.start < $1.start })
    {
      return nearest.entity
    }
    return mainPlace
  }

  func subject(before start: Int, in sentence: Int) -> Int? {
    let span = sentences[sentence].start..<sentences[sentence].end
    return pick(
      subjects, subjectsByStart, mentionRange(subjects, subjectsByStart, in: span),
      where: { $0.start >= span.lowerBound && $0.end <= start }, better: { $0.end > $1.end })?.entity
  }

  /// The case-folded hash of a token's text.
  func hash(_ token: Token) -> UInt64 {
    scalars.withUnsafeBufferPointer {
      $0.withMemoryRebound(to: UInt32.self) {
        PhraseKey.token($0, token.start..<min(token.end, $0.count))
      }
    }
  }

  func hash(_ tokens: [Token], _ index: Int) -> UInt64? {
    index >= 0 && index < tokens.count ? hash(tokens[index]) : nil
  }

  /// "Toàn huyện có 214 công trình": a level noun standing alone before the quantity (not
  /// before a name, not plural or generic) names the article's place of that level.
  func levelNoun(before start: Int, in sentence: Int) -> Int? {
    let tokens = sentences[sentence].tokens
    // The last token that ends by `start` (token ends only grow).
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].end <= start { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return nil }
    var index = low - 1
    let levelNouns = Self.levelNouns
    let pairEnds = Self.levelPairEnds
    let initials = Self.levelInitials
    // The ASCII initials as bits: most words are tested without a search.
    let asciiInitials = Self.levelAsciiInitials
    while index >= 0 {
      defer { index -= 1 }
      guard tokens[index].kind == .word, tokens[index].start < scalars.count else { continue }
      let initial = PhraseKey.lower(scalars[tokens[index].start].value)
      let isInitial =
        initial < 64
        ? asciiInitials.low >> initial & 1 != 0
        : initial < 0x80 ? asciiInitials.high >> (initial - 64) & 1 != 0 : initials.contains(initial)
      guard isInitial else { continue }
      let single = hash(tokens[index])
      var first = index
      var kind = levelNouns[single]
      if index > 0, tokens[index - 1].kind == .word, pairEnds.contains(single),
        let pair = levelNouns[PhraseKey.combine(hash(tokens[index - 1]), single)]
      {
        kind = pair
        first = index - 1
      }
      guard let kind else { continue }
      if index + 1 < tokens.count {
        let next = tokens[index + 1]
        if next.kind == .word, next.start < scalars.count, QuantityPieces.isUppercase(scalars[next.start]) {
          continue  // "huyện Tam Bình": a name follows.
        }
        if Self.notLevelAfter.contains(hash(next)) { continue }
      }
      if first > 0, tokens[first - 1].kind == .number || Self.genericBefore.contains(hash(tokens[first - 1])) {
        continue
      }
      if let place = placeOfKind.first(where: { $0.kind == kind })?.place { return place }
    }
    return nil
  }

  /// The year named in the quantity's sentence: "năm 2023", "tháng 9/2024", "31/12/2024",
  /// before the quantity first, else after it; not a comparison base ("so với năm 2023") nor a
  /// document's date. "Năm nay", "năm ngoái", "năm tới" count from the publication year.
  func year(at start: Int, end: Int, in sentence: Int) -> Int? {
    Self.year(at: start, end: end, mentions: yearMentions(in: sentence))
  }

  /// A token of a sentence that names a year (`yearMention`).
  typealias YearMention = (start: Int, end: Int, year: Int)

  /// The tokens of `sentence` that name a year, in order: what `year(at:end:in:)` chooses
  /// from, found once for all the quantities of the sentence.
  func yearMentions(in sentence: Int) -> [YearMention] {
    let tokens = sentences[sentence].tokens
    var mentions: [YearMention] = []
    for (index, token) in tokens.enumerated() {
      // What `yearMention` tests first, without the call.
      guard mayNameYear(token), let year = yearMention(tokens, index) else { continue }
      mentions.append((token.start, token.end, year))
    }
    return mentions
  }

  /// `year(at:end:in:)` from the sentence's `yearMentions`: the last one before the quantity,
  /// else the first one after it.
  static func year(at start: Int, end: Int, mentions: [YearMention]) -> Int? {
    var before: Int?
    for mention in mentions {
      if mention.end <= start {
        before = mention.year
      } else if mention.start >= end, before == nil {
        return mention.year
      }
    }
    return before
  }

  /// The number made of the last four scalars of a token, if they are digits.
  func trailingYear(_ token: Token) -> Int? {
    guard token.end - token.start >= 4, token.end <= scalars.count else { return nil }
    var year = 0
    for offset in token.end - 4..<token.end {
      let digit = scalars[offset].value &- 0x30
      guard digit < 10 else { return nil }
      year = year * 10 + Int(digit)
    }
    if token.end - token.start > 4, scalars[token.end - 5].value &- 0x30 < 10 { return nil }
    return (1900...2100).contains(year) ? year : nil
  }

  /// Whether a token may name a year (`yearMention`): a date, a four-digit number, or (with a
  /// publication date) "nay", "tới", "ngoái", which have three or five scalars and start with
  /// "n" or "t".
  @inline(__always)
  func mayNameYear(_ token: Token) -> Bool {
    switch token.kind {
    case .date: return true
    case .number: return token.end - token.start == 4
    case .word:
      guard publishedYear != nil, token.end - token.start == 3 || token.end - token.start == 5,
        token.start < scalars.count
      else { return false }
      let first = PhraseKey.lower(scalars[token.start].value)
      return first == 0x6E || first == 0x74
    default: return false
    }
  }

  /// The year a token names, if it names one that a quantity may be of.
  func yearMention(_ tokens: [Token], _ index: Int) -> Int? {
    let token = tokens[index]
    guard mayNameYear(token), index > 0 else { return nil }
    var previous: UInt64 { hash(tokens[index - 1]) }
    // "so với cuối năm 2023", "từ năm 2021": a base or a start.
    func base() -> Bool {
      (max(0, index - 4)..<index).contains { Self.notYearBefore.contains(hash(tokens[$0])) }
    }
    switch token.kind {
    case .number:
      guard previous == Self.năm, let year = trailingYear(token), !base() else { return nil }
      return year
    case .date:
      // A document's date: "Nghị quyết số 07-NQ/HU ngày 12/8/2021".
      if index > 1, previous == Self.ngày, tokens[index - 2].kind == .documentCode { return nil }
      guard let year = trailingYear(token), !base() else { return nil }
      return year
    case .word:
      guard Self.relativeYears.contains(hash(token)), previous == Self.năm,
        let published = publishedYear
      else { return nil }
      switch hash(token) {
      case Self.nay: return published
      case Self.ngoái: return published - 1
      case Self.tới: return published + 1
      default: return nil
      }
    default:
      return nil
    }
  }
}
