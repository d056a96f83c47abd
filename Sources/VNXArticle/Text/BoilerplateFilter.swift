/// Tells article lines from the rest of a page by their shape, the way jusText does:
/// long lines dense in Vietnamese function words are prose; lines made of separators,
/// counters, dates, labels of widgets, or that end with the date of a listed article are
/// boilerplate; the rest is short and decided by its neighbours (`ArticleAssembler`).
struct BoilerplateFilter: Sendable {
  var lexicon: ArticleLexicon = .shared

  func classify(_ block: PageBlock, _ shape: LineShape) -> BlockKind {
    if case .boilerplate(let reason) = block.hint { return .boilerplate(reason) }
    if block.hint == .caption { return .caption }
    if let name = Byline.labeled(block.text, lexicon: lexicon) { return .author(name) }
    if let line = DateLine(shape, lexicon: lexicon) { return .date(line) }
    if let counter = CounterLine(shape) { return .counter(counter.views) }
    if let category = phraseCategory(shape) { return .boilerplate(category) }
    if isMenu(shape) { return .boilerplate("navigation") }
    if isListedItem(shape) { return .boilerplate("related") }
    if block.linkDensity >= 0.5, shape.wordCount < 40 { return .boilerplate("links") }
    if shape.isProse { return .prose }
    return .short
  }

  /// The category of the first lexicon phrase the line matches where it must sit.
  func phraseCategory(_ shape: LineShape) -> String? {
    // Widgets, menus and footers are short; long prose never is one of them.
    guard shape.wordCount <= 60 else { return nil }
    let text = Array(shape.lowered.trimming(" .:-–|>»›•·*").utf8)
    let lowered = Array(shape.lowered.utf8)
    let longProse = shape.wordCount > 25 && shape.endsSentence
    for phrase in lexicon.phrases {
      switch phrase.placement {
      case .line:
        guard !shape.endsSentence || shape.wordCount <= phrase.words + 1,
          UTF8Search.hasPrefix(text, phrase.bytes)
        else { continue }
        let extra = shape.words.count - phrase.words
        let wordy = shape.words.dropFirst(phrase.words).filter { DateLine.integer(String($0)) == nil }
        if extra <= 3 && wordy.count <= 2 { return phrase.category }
      case .prefix:
        if !longProse, UTF8Search.hasPrefix(text, phrase.bytes) { return phrase.category }
      case .within:
        if !longProse, UTF8Search.firstIndex(of: phrase.bytes, in: lowered) != nil { return phrase.category }
      }
    }
    return nil
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
    guard shape.wordCount <= 40, shape.digits >= 4 else { return false }
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
      if DateLine.isDateToken(word), word.contains("/") || word.contains(":") {
        if word.contains("/"), PublishedDate(in: word) != nil || word.split(separator: "/").count == 2 {
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
    return !(before.hasSuffix(".") && shape.endsSentence)
  }
}
