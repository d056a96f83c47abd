import VNXText

/// Tells article lines from the rest of a page by their shape, the way jusText does:
/// long lines dense in Vietnamese function words are prose; lines made of separators,
/// counters, dates, labels of widgets, or that end with the date of a listed article are
/// boilerplate; the rest is short and decided by its neighbours (`ArticleAssembler`).
struct BoilerplateFilter: Sendable {
  var lexicon: ArticleLexicon = .shared

  func classify(_ block: PageBlock, _ shape: LineShape) -> BlockKind {
    if case .boilerplate(let reason) = block.hint { return .boilerplate(reason) }
    if block.hint == .caption { return .caption }
    if let name = Byline.labeled(block.text, lowered: shape.lowered, lexicon: lexicon) { return .author(name) }
    if let line = DateLine(shape, lexicon: lexicon) { return .date(line) }
    if let counter = CounterLine(shape) { return .counter(counter.views) }
    if let category = phraseCategory(shape) { return .boilerplate(category) }
    if isMenu(shape) { return .boilerplate("navigation") }
    if isListedItem(shape) { return .boilerplate("related") }
    if block.linkDensity >= 0.5, shape.wordCount < 40 { return .boilerplate("links") }
    // A line in capitals is a site banner or a heading ("BÁO CAO BẰNG ĐIỆN TỬ - CƠ QUAN CỦA
    // ĐẢNG BỘ, …"), never the article's prose, however many function words it has.
    if shape.isProse, !shape.isUppercase { return .prose }
    return .short
  }

  /// The category of the first lexicon phrase the line matches where it must sit.
  ///
  /// One trie walk from the start of the line finds the `line` and `prefix` phrases, one
  /// from each byte the `within` phrases; the first phrase in lexicon order whose rule holds
  /// wins, as if every phrase were tried in turn.
  func phraseCategory(_ shape: LineShape) -> String? {
    // Widgets, menus and footers are short; long prose never is one of them.
    guard shape.wordCount <= 60 else { return nil }
    let lowered = shape.lowered
    let longProse = shape.wordCount > 25 && shape.endsSentence
    var candidates: [Int] = []
    let text = Self.trimmedForPhrases(lowered)
    lexicon.startPhrases.forEachMatch(in: text, from: text.startIndex) { candidates.append($0) }
    if !longProse {
      lexicon.withinPhrases.forEachMatchAnywhere(in: lowered) { candidates.append($0) }
    }
    guard !candidates.isEmpty else { return nil }
    candidates.sort()
    for index in candidates {
      let phrase = lexicon.phrases[index]
      switch phrase.placement {
      case .line:
        guard !shape.endsSentence || shape.wordCount <= phrase.words + 1 else { continue }
        let extra = shape.words.count - phrase.words
        var wordy = 0
        if phrase.words < shape.words.count {
          for word in phrase.words..<shape.words.count where UTF8Search.integer(shape.word(word)) == nil {
            wordy += 1
          }
        }
        if extra <= 3 && wordy <= 2 { return phrase.category }
      case .prefix, .within:
        if !longProse { return phrase.category }
      }
    }
    return nil
  }

  /// The lowercased line without the separators and marks around it (" .:-–|>»›•·*").
  private static func trimmedForPhrases(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    bytes.withUnsafeBufferPointer { buffer in
      func isMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x2E, 0x3A, 0x2D, 0x2013, 0x7C, 0x3E, 0xBB, 0x203A, 0x2022, 0xB7, 0x2A: true
        default: false
        }
      }
      return bytes[UTF8Scalars.trimmed(0..<buffer.count, in: buffer, isMark)]
    }
  }

  /// "Trang chủ | Giới thiệu | Liên hệ", "Trang chủ » Tin tức » Xây dựng Đảng":
  /// several separators between short items, no sentence.
  func isMenu(_ shape: LineShape) -> Bool {
    guard shape.separators >= 1, !shape.endsSentence else { return false }
    if shape.separators >= 2 { return shape.wordCount <= (shape.separators + 1) * 6 }
    return shape.wordCount <= 10 && shape.stopWordDensity < 0.15
  }

  /// A line that ends with the date (and maybe counter) of a listed article or document:
  /// "Kbang: Nông dân thu lãi 80 triệu đồng/ha từ mía   13/05/2022",
  /// "Trao Huy hiệu 30 năm tuổi Đảng cho 12 đảng viên (15/02/2024)".
  func isListedItem(_ shape: LineShape) -> Bool {
    // The date it ends with is written with slashes.
    guard shape.wordCount <= 40, shape.digits >= 4, shape.lowered.contains(0x2F) else { return false }
    if shape.scalarsAreCharacters, shape.loweredInPlace { return isListedItemByBytes(shape) }
    if UTF8Search.scalarsAreCharacters(shape.text.utf8) { return isListedItemBySpaces(shape) }
    var tokens = shape.text.split(separator: " ")[...]
    var sawDate = false
    var stripped = 0
    while let last = tokens.last {
      let word = DateLine.trimmed(last).lowercased()
      if word.isEmpty || DateLine.integer(word) != nil || ["lượt", "xem", "view", "views"].contains(word) {
        tokens.removeLast()
        stripped += 1
        continue
      }
      let slash = word.utf8.contains(0x2F)
      if DateLine.isDateToken(word), slash || word.utf8.contains(0x3A) {
        if slash, PublishedDate(in: word) != nil || word.split(separator: "/").count == 2 {
          sawDate = true
        }
        tokens.removeLast()
        stripped += 1
        continue
      }
      break
    }
    guard sawDate, tokens.count >= 3 else { return false }
    // A sentence that happens to end with a date keeps its final punctuation before it.
    let before = String(tokens.last!)
    return !(before.utf8.last == 0x2E && shape.endsSentence)
  }

  /// `isListedItem(_:)` over the bytes of the lowercased line, for a line whose scalars are
  /// characters and whose lowercase keeps its byte offsets: its words are the runs between
  /// space bytes, read from the end and trimmed of marks without making strings.
  func isListedItemByBytes(_ shape: LineShape) -> Bool {
    shape.lowered.withUnsafeBufferPointer { bytes in
      var sawDate = false
      var end = bytes.count
      var last: Range<Int>?
      while true {
        var wordEnd = end
        while wordEnd > 0, bytes[wordEnd - 1] == 0x20 { wordEnd -= 1 }
        guard wordEnd > 0 else { break }
        var wordStart = wordEnd - 1
        while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
        last = wordStart..<wordEnd
        let word = DateLine.trimmed(wordStart..<wordEnd, in: bytes)
        let slice = UnsafeBufferPointer(rebasing: bytes[word])
        if word.isEmpty || UTF8Search.integer(slice) != nil || Self.counterWords.contains(slice) {
          end = wordStart
          last = nil
          continue
        }
        let slash = slice.contains(0x2F)
        if DateLine.isDateToken(slice), slash || slice.contains(0x3A) {
          if slash, PublishedDate(lowercased: Array(slice)) != nil || Self.pieces(slice, between: 0x2F) == 2 {
            sawDate = true
          }
          end = wordStart
          last = nil
          continue
        }
        break
      }
      guard sawDate, let last else { return false }
      // At least three words left, the last one included.
      var words = 1
      var inWord = false
      for byte in bytes[..<last.lowerBound] {
        let isSpace = byte == 0x20
        if !isSpace, !inWord { words += 1 }
        inWord = !isSpace
      }
      guard words >= 3 else { return false }
      return !(bytes[last.upperBound - 1] == 0x2E && shape.endsSentence)
    }
  }

  private static let counterWords = ByteStringSet(["lượt", "xem", "view", "views"])

  /// The non-empty pieces of `bytes` between `separator` bytes (`split(separator:).count`).
  private static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, between separator: UInt8) -> Int {
    var count = 0
    var inPiece = false
    for byte in bytes {
      if byte == separator {
        inPiece = false
      } else if !inPiece {
        inPiece = true
        count += 1
      }
    }
    return count
  }

  /// `isListedItem(_:)` for a line whose scalars are characters (`UTF8Search
  /// .scalarsAreCharacters`): its words are the runs between space bytes, found from the end
  /// until the first that is no date, counter or number, instead of splitting the whole line.
  func isListedItemBySpaces(_ shape: LineShape) -> Bool {
    let text = shape.text
    let utf8 = text.utf8
    /// The space-separated word ending at `end` (spaces before `end` skipped), if any.
    func word(before end: String.Index) -> Range<String.Index>? {
      var end = end
      while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
      guard end > utf8.startIndex else { return nil }
      var start = utf8.index(before: end)
      while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x20 { start = utf8.index(before: start) }
      return start..<end
    }
    var sawDate = false
    var end = utf8.endIndex
    var last: Range<String.Index>?
    while let range = word(before: end) {
      last = range
      let word = DateLine.trimmed(text[range]).lowercased()
      if word.isEmpty || DateLine.integer(word) != nil || ["lượt", "xem", "view", "views"].contains(word) {
        end = range.lowerBound
        last = nil
        continue
      }
      let slash = word.utf8.contains(0x2F)
      if DateLine.isDateToken(word), slash || word.utf8.contains(0x3A) {
        if slash, PublishedDate(in: word) != nil || word.split(separator: "/").count == 2 {
          sawDate = true
        }
        end = range.lowerBound
        last = nil
        continue
      }
      break
    }
    guard sawDate, let last else { return false }
    // At least three words left, the last one included.
    var words = 1
    var inWord = false
    for byte in utf8[utf8.startIndex..<last.lowerBound] {
      let isSpace = byte == 0x20
      if !isSpace, !inWord { words += 1 }
      inWord = !isSpace
    }
    guard words >= 3 else { return false }
    return !(utf8[utf8.index(before: last.upperBound)] == 0x2E && shape.endsSentence)
  }
}
