import VNXSegmentation
import VNXText

/// Hashes of the function words the recognizers test for.
enum Cue {
  static func hash(_ word: String) -> UInt64 {
    let scalars = word.unicodeScalars.map(\.value)
    return scalars.withUnsafeBufferPointer { PhraseKey.token($0, 0..<$0.count) }
  }
  static let chi = hash("chi"), bộ = hash("bộ"), trường = hash("trường"), số = hash("số")
  static let ngày = hash("ngày"), tháng = hash("tháng"), năm = hash("năm")
  static let các = hash("các"), những = hash("những"), hai = hash("hai"), ba = hash("ba")
  static let và = hash("và"), viên = hash("viên"), kiêm = hash("kiêm")
  static let comma = hash(","), dash = hash("-"), enDash = hash("–"), open = hash("(")
  static let close = hash(")"), slash = hash("/"), colon = hash(":")
  static let đường = hash("đường"), phố = hash("phố"), trung = hash("trung"), ương = hash("ương")
  static let trưởng = hash("trưởng"), huyện = hash("huyện"), quận = hash("quận"), thị = hash("thị")
  static let tỉnh = hash("tỉnh"), thành = hash("thành"), phòng = hash("phòng"), chống = hash("chống")
  static let công = hash("công"), ty = hash("ty"), việt = hash("việt"), nam = hash("nam")
  static let dayParts: Set<UInt64> = Set(
    ["ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "rạng", "từ", "đến", "trước", "sau"]
      .map(hash))
  /// Honorifics that introduce any capitalized name; the others need a known surname.
  static let strongHonorifics: Set<UInt64> = Set(
    ["đồng", "ông", "bà", "già", "quần", "đại", "thượng", "hòa", "hoà", "nghệ", "người"].map(hash))
}

/// One extraction over one text: token features, claims and the entities found so far.
/// A class because it owns the working buffers of one run, which every recognizer reads and
/// extends; a struct would be copied into each helper call in unoptimized builds.
final class EntityScan {
  struct TokenInfo {
    var kind: TokenKind
    var start: Int
    var end: Int
    var utf8Start: Int
    var utf8End: Int
    /// Index one past the last token of this token's sentence.
    var sentenceEnd: Int
    var sentenceStart: Int
    var capitalized: Bool
    var allUpper: Bool
  }

  enum Claim: UInt8 { case none, place, cell, organization, person, other }

  let lexicon: EntityLexicon
  let gazetteer: Gazetteer
  /// The text's UTF-8; tokens address it by `utf8Start..<utf8End`.
  let bytes: [UInt8]
  let tokens: [TokenInfo]
  let hashes: [UInt64]
  /// For each token, the tables with an entry starting there (`FirstWordMask`).
  let masks: [UInt16]
  /// What each token already belongs to. A buffer this scan owns, so that the recognizers'
  /// many reads and writes cost no exclusivity checks.
  let claims: UnsafeMutableBufferPointer<Claim>
  var entities: [Entity] = []
  /// Gazetteer candidates of each admin entity (by entity index).
  var candidates: [[Int32]] = []
  /// Token span of each person's role (by entity index), for person → organization links.
  var roleSpans: [Int: Range<Int>] = [:]
  /// Token spans of entities (by entity index).
  var spans: [Range<Int>] = []
  /// Communes, districts and provinces by the token their name starts at.
  var placeAt: [Int32] = []

  init(
    text: String, sentences: [Sentence], lexicon: EntityLexicon, gazetteer: Gazetteer,
    firstWords: FirstWordMask
  ) {
    self.lexicon = lexicon
    self.gazetteer = gazetteer
    let bytes = Array(text.utf8)
    self.bytes = bytes
    let count = sentences.reduce(0) { $0 + $1.tokens.count }
    var tokens: [TokenInfo] = []
    var hashes: [UInt64] = []
    var masks: [UInt16] = []
    tokens.reserveCapacity(count)
    hashes.reserveCapacity(count)
    masks.reserveCapacity(count)
    let lowerTable = PhraseKey.lowerTable
    bytes.withUnsafeBufferPointer { buffer in
      for sentence in sentences {
        var first = tokens.count
        let last = first + sentence.tokens.count
        for token in sentence.tokens {
          // A line break ends a name as surely as a full stop does (titles, captions).
          if tokens.count > first,
            Self.hasLineBreak(buffer, tokens[tokens.count - 1].utf8End..<token.utf8Start)
          {
            for index in first..<tokens.count { tokens[index].sentenceEnd = tokens.count }
            first = tokens.count
          }
          // One pass over the token's UTF-8: the case-folded hash and the letter case.
          var hash = PhraseKey.seed
          var upper = 0
          var lower = 0
          var capitalized = false
          var offset = token.utf8Start
          let end = min(token.utf8End, buffer.count)
          while offset < end {
            let first = offset == token.utf8Start
            let value = Self.decode(buffer, &offset)
            let folded = PhraseKey.lower(value, lowerTable)
            if folded != value {
              if first { capitalized = true }
              upper += 1
            } else if value &- 0x61 < 26 || (value >= 0xDF && value < 0x1F00) {
              lower += 1
            }
            hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
          }
          tokens.append(
            TokenInfo(
              kind: token.kind, start: token.start, end: token.end, utf8Start: token.utf8Start,
              utf8End: token.utf8End, sentenceEnd: last, sentenceStart: first,
              capitalized: capitalized, allUpper: upper >= 2 && lower == 0))
          hashes.append(hash)
          masks.append(firstWords.mask(hash))
        }
      }
    }
    self.tokens = tokens
    self.hashes = hashes
    self.masks = masks
    claims = .allocate(capacity: tokens.count)
    claims.initialize(repeating: .none)
    placeAt = Array(repeating: -1, count: tokens.count)
    entities.reserveCapacity(tokens.count / 8)
    spans.reserveCapacity(tokens.count / 8)
    candidates.reserveCapacity(tokens.count / 8)
  }

  deinit { claims.deallocate() }

  /// The scalar whose UTF-8 starts at `offset`; moves `offset` past it.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
    let (value, length) = UTF8Scalars.decode(bytes, at: offset)
    offset += length
    return value
  }

  static func hasLineBreak(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    for index in range where index < buffer.count && (buffer[index] == 0x0A || buffer[index] == 0x0D) {
      return true
    }
    return false
  }

  func run() -> [Entity] {
    findDatesAndDocuments()
    findPlaces()
    resolvePlaces()
    findOrganizations()
    findPeople()
    findContextPlaces()
    resolvePlaces()
    return finish()
  }

  // MARK: Token helpers

  /// The village, commune, district or province entity whose name starts at token `index`.
  func place(startingAt index: Int) -> Int? {
    index < placeAt.count && placeAt[index] >= 0 ? Int(placeAt[index]) : nil
  }

  func isWord(_ index: Int) -> Bool {
    index < tokens.count && (tokens[index].kind == .word || tokens[index].kind == .abbreviation)
  }

  func isCapitalizedWord(_ index: Int) -> Bool { isWord(index) && tokens[index].capitalized }

  func isNumber(_ index: Int) -> Bool {
    guard index < tokens.count, tokens[index].kind == .number else { return false }
    for offset in tokens[index].utf8Start..<tokens[index].utf8End where bytes[offset] &- 0x30 >= 10 {
      return false
    }
    return true
  }

  func isUnclaimed(_ range: Range<Int>) -> Bool {
    for index in range where claims[index] != .none { return false }
    return true
  }

  func `is`(_ index: Int, _ cue: UInt64) -> Bool {
    index >= 0 && index < hashes.count && hashes[index] == cue
  }

  func limit(_ index: Int) -> Int { tokens[index].sentenceEnd }

  func string(_ range: Range<Int>) -> String {
    guard !range.isEmpty else { return "" }
    let span = tokens[range.lowerBound].utf8Start..<tokens[range.upperBound - 1].utf8End
    return bytes.withUnsafeBufferPointer { String(decoding: $0[span], as: UTF8.self) }
  }

  /// Whether the token's UTF-8 contains an ASCII byte.
  func contains(_ index: Int, byte: UInt8) -> Bool {
    for offset in tokens[index].utf8Start..<tokens[index].utf8End where bytes[offset] == byte {
      return true
    }
    return false
  }

  func lowercased(_ range: Range<Int>) -> String { string(range).lowercased() }

  func longest<V>(_ table: PhraseTable<V>, at index: Int) -> (length: Int, value: V)? {
    guard index < tokens.count, masks[index] & table.bit != 0 else { return nil }
    return table.longestMatch(hashes, at: index, limit: tokens[index].sentenceEnd)
  }

  /// The end of a run of capitalized words from `start` (words of a name).
  func capitalizedRun(from start: Int, max length: Int = 6, allowNumber: Bool = false) -> Int {
    var end = start
    let stop = start < tokens.count ? min(limit(start), start + length) : start
    while end < stop, isCapitalizedWord(end), !tokens[end].allUpper {
      end += 1
    }
    if allowNumber, end > start, end < limit(start), isNumber(end),
      tokens[end].end - tokens[end].start <= 3
    {
      end += 1
    }
    return end
  }

  /// Whether a surname (one or two syllables, or a Central Highlands "H'"/"Y" name) starts at `index`.
  func startsWithSurname(_ index: Int) -> Bool {
    guard isCapitalizedWord(index) else { return false }
    if longest(lexicon.surnames, at: index) != nil { return true }
    return isApostropheName(index)
  }

  /// "H'Hen", "H’Liên", "K'Brèo": the Central Highlands name prefixes written with an apostrophe.
  func isApostropheName(_ index: Int) -> Bool {
    guard tokens[index].end - tokens[index].start > 2 else { return false }
    return bytes.withUnsafeBufferPointer { buffer in
      var offset = tokens[index].utf8Start
      let first = Self.decode(buffer, &offset)
      let apostrophe = Self.decode(buffer, &offset)
      let third = Self.decode(buffer, &offset)
      return (first == 0x48 || first == 0x4B) && PhraseKey.lower(apostrophe) == 0x27
        && PhraseKey.isUpper(third)
    }
  }

  /// Cuts a name run where a person's name of three words starts: "thôn Bình Giang Phạm Đức Thọ".
  func cutBeforePerson(_ start: Int, _ end: Int) -> Int {
    guard end - start >= 4 else { return end }
    for split in start + 1...end - 3 where end - split <= 4 && startsWithSurname(split) {
      if longest(gazetteer.names, at: start).map({ start + $0.length > split }) == true { continue }
      return split
    }
    return end
  }

  @discardableResult
  func emit(
    _ type: EntityType, _ range: Range<Int>, kind: String? = nil, claim: Claim? = nil
  ) -> Int {
    var text = string(range)
    var end = tokens[range.upperBound - 1].end
    // "ấp Song Phú B." at a sentence's end: the full stop belongs to the sentence.
    if type != .organization, type != .document, range.count > 1, text.hasSuffix("."),
      tokens[range.upperBound - 1].end - tokens[range.upperBound - 1].start == 2
    {
      text.removeLast()
      end -= 1
    }
    entities.append(
      Entity(type: type, text: text, start: tokens[range.lowerBound].start, end: end, kind: kind))
    spans.append(range)
    candidates.append([])
    if type == .village || type == .commune || type == .district || type == .province {
      placeAt[range.lowerBound] = Int32(entities.count - 1)
    }
    if let claim { for index in range where claims[index] == .none { claims[index] = claim } }
    return entities.count - 1
  }
}
