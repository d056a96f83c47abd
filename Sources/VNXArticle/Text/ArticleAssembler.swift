import VNXText

/// Builds an article out of the blocks of a page, text dump or HTML alike.
///
/// 1. Each block is classified by its shape (`BoilerplateFilter`); a block repeated right
///    after itself is a photo caption shown twice.
/// 2. The body is the run of blocks richest in prose that no two boilerplate blocks in a row
///    interrupt (jusText's context rule); short blocks inside it stay, boilerplate goes.
/// 3. The header before it gives the date line (the last one before the body), the title
///    (the longest plain line just above the date) and bylines; the lines right after the
///    body give the author.
struct ArticleAssembler: Sendable {
  var filter = BoilerplateFilter()
  var keepsBoilerplate = false

  /// What markup or metadata already said (HTML `<meta>`, JSON-LD, `<h1>`), preferred when set.
  struct Metadata: Sendable {
    var title: String?
    var published: String?
    var author: String?
    var url: String?
  }

  func assemble(_ blocks: [PageBlock], metadata: Metadata = Metadata(), format: InputFormat)
    -> Article
  {
    assemble(blocks, shapes: blocks.map { LineShape($0.text, lexicon: filter.lexicon) }, metadata: metadata, format: format)
  }

  /// `assemble(_:metadata:format:)` with the blocks' shapes already measured.
  func assemble(_ blocks: [PageBlock], shapes: [LineShape], metadata: Metadata = Metadata(), format: InputFormat)
    -> Article
  {
    // By index: a zip hands each block and shape over as a copied pair (retains, releases).
    var kinds = blocks.indices.map { filter.classify(blocks[$0], shapes[$0]) }
    var dropped: [Int: String] = [:]
    markCaptions(blocks, shapes, &kinds, &dropped)
    markRelatedLists(shapes, &kinds)
    // A brief with no long paragraph: its full sentences count as prose.
    if !kinds.contains(.prose) {
      for index in kinds.indices
      where kinds[index] == .short && shapes[index].endsSentence && shapes[index].wordCount >= 8 {
        kinds[index] = .prose
      }
    }

    var article = Article(format: format)
    article.url = metadata.url
    guard let found = bodyRange(blocks, shapes, kinds), !found.isEmpty else {
      article.title = metadata.title ?? fallbackTitle(blocks, shapes, kinds)
      article.published = metadata.published
      article.author = metadata.author
      article.warnings.append("no article text found")
      if keepsBoilerplate {
        article.boilerplate = blocks.indices.map { DroppedLine(text: blocks[$0].text, reason: kinds[$0].reason) }
      }
      return article
    }

    // A heading long enough to read as prose may open the run; the date line under it shows
    // where the header ends.
    var body = found
    if let inner = body.prefix(4).first(where: { if case .date = kinds[$0] { true } else { false } }) {
      body = (inner + 1)..<body.upperBound
    }
    // A byline between the header and the text ("Bríu Quân (TTVH huyện)") is no lead.
    while body.count > 1, kinds[body.lowerBound] == .short,
      Byline.name(blocks[body.lowerBound].text, shape: shapes[body.lowerBound]) != nil
    {
      body = (body.lowerBound + 1)..<body.upperBound
    }
    // Header: date line, title, byline.
    let dateIndex = lastIndex(in: 0..<body.lowerBound, of: kinds) { if case .date = $0 { true } else { false } }
      ?? firstIndex(in: body.upperBound..<blocks.count, of: kinds) { if case .date = $0 { true } else { false } }
    var titleIndex: Int?
    if let title = metadata.title {
      article.title = title
      titleIndex = blocks.indices.first { blocks[$0].text == title }
    }
    var lastResort: Int?
    if metadata.title == nil {
      let found = findTitle(before: dateIndex.map { min($0, body.lowerBound) } ?? body.lowerBound,
                            blocks, shapes, kinds)
      titleIndex = found.title
      lastResort = found.lastResort
      // "Thứ Ba, 18/06/2024 | 08:45" over the headline: the line between the date and the text.
      if titleIndex == nil, let dateIndex, dateIndex < body.lowerBound {
        titleIndex = headlineBelowDate(dateIndex + 1..<body.lowerBound, blocks, shapes, kinds)
      }
      article.title = titleIndex.map { blocks[$0].text }
    }
    var bodyStart = body.lowerBound
    if article.title == nil, bodyStart + 1 < body.upperBound, kinds[bodyStart] == .short
      || kinds[bodyStart] == .prose && shapes[bodyStart].wordCount <= 35,
      !shapes[bodyStart].endsSentence
    {
      titleIndex = bodyStart
      article.title = blocks[bodyStart].text
      bodyStart += 1
    }
    if article.title == nil, let lastResort {
      titleIndex = lastResort
      article.title = blocks[lastResort].text
    }
    if let dateIndex, case .date(let line) = kinds[dateIndex] {
      article.published = line.date.iso
      article.views = line.views
      article.comments = line.comments
    }
    if let published = metadata.published { article.published = published }
    if article.views == nil {
      let nearStart = max(0, (titleIndex ?? body.lowerBound) - 3)
      // A title repeated below the body (found by fuzzing) leaves nothing near.
      let near = nearStart..<max(nearStart, min(blocks.count, body.upperBound + 4))
      for index in near where !body.contains(index) || index == body.lowerBound {
        if case .counter(let views) = kinds[index] {
          article.views = views
          break
        }
      }
    }
    article.author = metadata.author
      ?? findAuthor(body: bodyStart..<body.upperBound, titleIndex: titleIndex, dateIndex: dateIndex,
                    blocks, shapes, kinds, &dropped)

    // Body: prose and short blocks, captions once, boilerplate out.
    var paragraphs: [String] = []
    var captions: [String] = []
    var seenCaptions: Set<String> = []
    var lead: String?
    for index in bodyStart..<body.upperBound where dropped[index] == nil {
      let text = blocks[index].text
      switch kinds[index] {
      case .caption:
        if seenCaptions.insert(text).inserted { captions.append(text) }
      case .prose, .short:
        if text == article.title { dropped[index] = "title"; continue }
        if lead == nil, paragraphs.isEmpty, blocks[index].hint == .lead || format == .text || format == .jsonl {
          lead = text
        } else if blocks[index].hint == .lead, lead == nil {
          lead = text
        } else {
          paragraphs.append(text)
        }
      default:
        continue
      }
    }
    if lead == nil, let sapo = blocks.indices.first(where: { blocks[$0].hint == .lead && !body.contains($0) }) {
      lead = blocks[sapo].text
    }
    if lead == nil, !paragraphs.isEmpty { lead = paragraphs.removeFirst() }
    article.lead = lead
    article.paragraphs = paragraphs
    article.captions = captions
    if keepsBoilerplate {
      article.boilerplate = blocks.indices.compactMap { index -> DroppedLine? in
        if index == titleIndex { return nil }
        if let reason = dropped[index] { return DroppedLine(text: blocks[index].text, reason: reason) }
        if (bodyStart..<body.upperBound).contains(index), !kinds[index].isBoilerplate { return nil }
        let reason = (bodyStart..<body.upperBound).contains(index) || kinds[index].isBoilerplate
          ? kinds[index].reason : "outside"
        return DroppedLine(text: blocks[index].text, reason: reason)
      }
    }
    return article
  }

  /// Captions shown twice (the image's caption, then its copy) become one caption; lines
  /// that credit a photo ("Ảnh: T.D", "Ảnh minh họa") are captions too.
  private func markCaptions(
    _ blocks: [PageBlock], _ shapes: [LineShape], _ kinds: inout [BlockKind], _ dropped: inout [Int: String]
  ) {
    var index = 0
    while index + 1 < blocks.count {
      let repeatable: Bool
      switch kinds[index] {
      case .prose, .short, .caption: repeatable = true
      default: repeatable = false
      }
      if repeatable, shapes[index].wordCount >= 3, blocks[index].text == blocks[index + 1].text {
        kinds[index] = .caption
        kinds[index + 1] = .caption
        dropped[index + 1] = "repeated caption"
        index += 2
        continue
      }
      if kinds[index] == .short, isPhotoCredit(shapes[index]) { kinds[index] = .caption }
      index += 1
    }
  }

  private func isPhotoCredit(_ shape: LineShape) -> Bool {
    let lowered = shape.lowered
    if UTF8Search.hasPrefix(lowered, "ảnh:") || UTF8Search.hasPrefix(lowered, "ảnh minh họa")
      || UTF8Search.hasPrefix(lowered, "ảnh minh hoạ")
    {
      return true
    }
    guard let start = UTF8Search.lastIndex(of: "ảnh:", in: lowered) else { return false }
    return String(decoding: lowered[start...], as: UTF8.self).count <= 30
  }

  /// The run of blocks with the most prose that no two boilerplate blocks in a row break.
  private func bodyRange(_ blocks: [PageBlock], _ shapes: [LineShape], _ kinds: [BlockKind]) -> Range<Int>? {
    var best: (range: Range<Int>, score: Int)?
    var start: Int?
    var lastGood: Int?
    var score = 0
    var badRun = 0
    func close() {
      if let start, let lastGood, score > 0, score > (best?.score ?? 0) {
        best = (start..<(lastGood + 1), score)
      }
      start = nil
      lastGood = nil
      score = 0
    }
    for index in blocks.indices {
      guard blocks[index].inContent else {
        close()
        continue
      }
      switch kinds[index] {
      case .prose:
        if start == nil { start = index }
        lastGood = index
        score += shapes[index].scalars
        badRun = 0
      case .caption:
        if start != nil { lastGood = index }
        badRun = 0
      case .short:
        if start != nil, badRun == 0 { lastGood = max(lastGood ?? index, index) }
        badRun = 0
      default:
        badRun += 1
        if badRun >= 2 { close() }
      }
    }
    close()
    guard var range = best?.range else { return nil }
    // A short opening sentence just before the first prose line (a short sapo) belongs in.
    while range.lowerBound > 0, kinds[range.lowerBound - 1] == .short || kinds[range.lowerBound - 1] == .caption,
      blocks[range.lowerBound - 1].inContent,
      shapes[range.lowerBound - 1].endsSentence || kinds[range.lowerBound - 1] == .caption
    {
      range = (range.lowerBound - 1)..<range.upperBound
    }
    // Trim trailing short lines that are not sentences (bylines, signatures, stray labels).
    var upper = range.upperBound
    while upper > range.lowerBound + 1, kinds[upper - 1] == .short,
      !shapes[upper - 1].endsSentence
    {
      upper -= 1
    }
    return range.lowerBound..<upper
  }

  /// The longest plain line among the few just above `end` (the date line or the body). A
  /// line in capitals (a site banner) or a menu is only the `lastResort`, taken when neither
  /// a line under the date nor the body's first line reads as the headline; a summary
  /// (`class="sapo"`) is never the title.
  private func findTitle(before end: Int, _ blocks: [PageBlock], _ shapes: [LineShape], _ kinds: [BlockKind])
    -> (title: Int?, lastResort: Int?)
  {
    if let heading = blocks.indices.first(where: { blocks[$0].hint == .title && shapes[$0].wordCount >= 3 }) {
      return (heading, nil)
    }
    var best: Int?
    var lastResort: Int?
    var index = end - 1
    var seen = 0
    while index >= 0, seen < 5 {
      defer { index -= 1 }
      switch kinds[index] {
      case .date, .counter, .author: continue
      case .boilerplate:
        if best != nil { return (best, lastResort) }
        continue
      default: break
      }
      seen += 1
      let shape = shapes[index]
      if shape.wordCount < 3 || blocks[index].hint == .lead { continue }
      if Byline.name(blocks[index].text, shape: shapes[index]) != nil { continue }
      // Vietnamese headlines are in sentence case; a line with most words capitalized is a
      // menu whose separators were only spaces ("Thời sự  Kinh tế  Xã hội  Pháp luật").
      if shape.isUppercase || Self.isTitleCased(blocks[index].text, shape) {
        if lastResort == nil { lastResort = index }
        continue
      }
      if let current = best, shape.scalars <= shapes[current].scalars { continue }
      best = index
    }
    return (best, lastResort)
  }

  /// A headline written under the date line: the last plain line of three words or more
  /// between the date and the text, not a sentence, a byline, capitals or a menu.
  private func headlineBelowDate(
    _ range: Range<Int>, _ blocks: [PageBlock], _ shapes: [LineShape], _ kinds: [BlockKind]
  ) -> Int? {
    range.last { index in
      let shape = shapes[index]
      return kinds[index] == .short && shape.wordCount >= 3 && !shape.endsSentence && !shape.isUppercase
        && blocks[index].hint != .lead && Byline.name(blocks[index].text, shape: shape) == nil
        && !Self.isTitleCased(blocks[index].text, shape)
    }
  }

  /// The titles listed under a heading of other articles ("Tin liên quan", "Tin cùng chuyên
  /// mục", "Đọc nhiều"): the short lines that follow it, none a sentence, are the list.
  private func markRelatedLists(_ shapes: [LineShape], _ kinds: inout [BlockKind]) {
    var index = 0
    while index < kinds.count {
      defer { index += 1 }
      guard case .boilerplate("related") = kinds[index], shapes[index].wordCount <= 6,
        !shapes[index].endsSentence
      else { continue }
      var next = index + 1
      while next < kinds.count {
        if kinds[next] == .short, !shapes[next].endsSentence {
          kinds[next] = .boilerplate("related")
        } else if kinds[next] != .boilerplate("related") {
          break
        }
        next += 1
      }
      index = next - 1
    }
  }

  /// A navigation bar's shape: more than half of 14 or more words capitalized, the line not in
  /// capitals (headlines with many names are shorter).
  static func isTitleCased(_ text: String, _ shape: LineShape) -> Bool {
    // Fewer than 14 words in the shape is fewer than 14 words with a letter.
    guard !shape.isUppercase, shape.wordCount >= 14 else { return false }
    return isTitleCased(text, readsBytes: UTF8Search.scalarsAreCharacters(text.utf8))
  }

  /// `isTitleCased(_:_:)`'s count of words, over the scalars of the space-separated words
  /// when `readsBytes` (the text's scalars are characters), else over `Character` splits;
  /// both give the same answer.
  static func isTitleCased(_ text: String, readsBytes: Bool) -> Bool {
    guard readsBytes else { return isTitleCasedByCharacters(text) }
    var words = 0
    var capitalized = 0
    var copy = text
    copy.withUTF8 { bytes in
      var index = 0
      var found = false  // the word's first letter was seen
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x20 {
          found = false
          index += 1
          continue
        }
        if found {
          index += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
          continue
        }
        let (value, length) = UTF8Scalars.decode(bytes, at: index)
        index += length
        let letter: Bool
        let uppercase: Bool
        if value < 0x80 {
          letter = (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
          uppercase = value >= 0x41 && value <= 0x5A
        } else {
          let properties = Unicode.Scalar(value)!.properties
          letter = properties.isAlphabetic
          uppercase = letter && properties.isUppercase
        }
        if letter {
          found = true
          words += 1
          if uppercase { capitalized += 1 }
        }
      }
    }
    return words >= 14 && capitalized * 2 > words
  }

  private static func isTitleCasedByCharacters(_ text: String) -> Bool {
    var words = 0
    var capitalized = 0
    for word in text.split(separator: " ") {
      guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { continue }
      words += 1
      if first.properties.isUppercase { capitalized += 1 }
    }
    return words >= 14 && capitalized * 2 > words
  }

  private func fallbackTitle(_ blocks: [PageBlock], _ shapes: [LineShape], _ kinds: [BlockKind]) -> String? {
    if let heading = blocks.first(where: { $0.hint == .title }) { return heading.text }
    return blocks.indices.first { kinds[$0] == .short && shapes[$0].wordCount >= 4 }.map { blocks[$0].text }
  }

  /// The author: a labeled byline anywhere near the body, else a name line right after the
  /// body, else a name line in the header or on the date line, else "Theo …" after the body.
  private func findAuthor(
    body: Range<Int>, titleIndex: Int?, dateIndex: Int?, _ blocks: [PageBlock], _ shapes: [LineShape],
    _ kinds: [BlockKind], _ dropped: inout [Int: String]
  ) -> String? {
    let headerStart = min(titleIndex ?? body.lowerBound, dateIndex ?? body.lowerBound)
    let trailer = body.upperBound..<min(blocks.count, body.upperBound + 6)
    // Empty when the title and the date line both come after the body's start (fuzzing).
    let header = headerStart..<max(headerStart, body.lowerBound)
    // Labeled bylines: after the body, inside it, in the header.
    for index in Array(trailer) + Array(body) + Array(header) {
      if case .author(let name) = kinds[index] { return name }
    }
    // A name line closing the body or right after it.
    var index = body.upperBound
    while index < trailer.upperBound {
      if blocks[index].hint == .author, let name = Byline.name(blocks[index].text, shape: shapes[index]) ?? Byline.source(blocks[index].text) {
        return name
      }
      if let name = Byline.name(blocks[index].text, shape: shapes[index]) {
        dropped[index] = "author"
        return name
      }
      if kinds[index] == .caption || kinds[index] == .short && shapes[index].wordCount <= 6 {
        index += 1
        continue
      }
      break
    }
    // A name line or an author element in the header, or a name on the date line.
    for index in header {
      if blocks[index].hint == .author, let name = Byline.name(blocks[index].text, shape: shapes[index]) { return name }
      if index != titleIndex, kinds[index] == .short, let name = Byline.name(blocks[index].text, shape: shapes[index]) { return name }
      // "Theo Hồng Nhung (Báo Kiên Giang)": a person's name credited with its newspaper.
      if index != titleIndex, let name = Byline.source(blocks[index].text).flatMap(Byline.name) { return name }
      if case .date(let line) = kinds[index], !line.remainder.isEmpty,
        let name = Byline.name(line.remainder.joined(separator: " "))
      {
        return name
      }
    }
    for index in trailer {
      if let source = Byline.source(blocks[index].text) {
        dropped[index] = "author"
        return source
      }
    }
    if let last = body.last, let source = Byline.source(blocks[last].text) {
      dropped[last] = "author"
      return source
    }
    return nil
  }

  private func lastIndex(in range: Range<Int>, of kinds: [BlockKind], where match: (BlockKind) -> Bool) -> Int? {
    range.last { match(kinds[$0]) }
  }

  private func firstIndex(in range: Range<Int>, of kinds: [BlockKind], where match: (BlockKind) -> Bool) -> Int? {
    range.first { match(kinds[$0]) }
  }
}
