/// A line that carries the publication date and maybe counters and a byline:
/// "Chủ nhật - 27/01/2019 17:44 489 0", "Ngày đăng: 18/09/2023 | 10:25 | Lượt xem: 2.041",
/// "22/08/2024 16:45 GMT+7   Thanh Lê".
///
/// A line is a date line when, once its date, time, numbers and the words pages put around
/// dates (weekdays, "Cập nhật", "GMT+7", "lượt xem"…) are taken away, at most a short name
/// is left. Long lines that merely mention a date are prose, not date lines.
struct DateLine: Sendable, Hashable {
  var date: PublishedDate
  var views: Int?
  var comments: Int?
  /// What is left once the date words are gone: a byline such as "Thanh Lê", if any.
  var remainder: [Substring]

  // `borrowing`: an initializer owns its arguments by default, and the assembler then copied
  // (retained and released) the shape's three buffers for each line it classified.
  init?(_ shape: borrowing LineShape, lexicon: ArticleLexicon = .shared) {
    // A line of separated fields may be longer when one of them is a labeled byline (a colon).
    guard shape.digits >= 4,
      shape.wordCount <= 16 || shape.wordCount <= 24 && shape.separators > 0 && shape.lowered.contains(0x3A),
      let date = PublishedDate(lowercased: shape.lowered)
    else {
      return nil
    }
    let tokens = shape.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    var reading = shape.wordCount <= 16 ? Self.read(tokens, skipping: 0..<0, lexicon) : nil
    if reading.map({ !Self.isByline($0.remainder) }) ?? true {
      // "· Tin: Chau Sóc Pha (Phòng GD&ĐT) ·", "| Người đăng: Ban biên tập |": a field opened
      // by an author label is the byline; its office is no remainder.
      guard shape.separators > 0, shape.lowered.contains(0x3A), let field = Self.labeledField(tokens, lexicon)
      else { return nil }
      reading = Self.read(tokens, skipping: field.tokens, lexicon)
      if reading!.remainder.isEmpty, let name = field.name { reading!.remainder = name.split(separator: " ") }
      guard Self.isByline(reading!.remainder) else { return nil }
    }
    guard let reading else { return nil }
    self.date = date
    self.remainder = reading.remainder
    self.comments = reading.comments
    if !reading.standalone.isEmpty {
      views = reading.standalone[0]
      if reading.standalone.count > 1, reading.counterLabelAt == nil, comments == nil {
        comments = reading.standalone[1]
      }
    }
  }

  /// What is left of a date line once its date words go: the remainder, counters, a comment count.
  private struct Reading {
    var remainder: [Substring] = []
    var standalone: [Int] = []
    var counterLabelAt: Int?
    var comments: Int?
  }

  /// At most one word, or a short person's name: what a date line may keep besides its date.
  private static func isByline(_ remainder: [Substring]) -> Bool {
    remainder.count <= 1 || (remainder.count <= 5 && Byline.name(remainder.joined(separator: " ")) != nil)
  }

  /// Reads the tokens of a date line but those in `skipped` (a labeled byline field).
  private static func read(_ tokens: [Substring], skipping skipped: Range<Int>, _ lexicon: ArticleLexicon) -> Reading {
    var reading = Reading()
    var pastTime = false
    // "Nguồn: Báo Kiên Giang | 14:32 05/06/2023": the source named after "Nguồn" runs to the
    // next separator or date and is no byline.
    var inSource = false
    for (position, token) in tokens.enumerated() where !skipped.contains(position) {
      let word = Self.trimmed(token)
      if word.isEmpty {
        if token.contains("|") { inSource = false }
        continue
      }
      let lowered = word.lowercased()
      if lowered == "xem" || lowered == "views" || lowered == "đọc" { reading.counterLabelAt = position }
      if Self.isDateToken(lowered) {
        inSource = false
        if lowered.utf8.contains(0x3A) || lowered.utf8.contains(0x68) { pastTime = true }
        continue
      }
      if lowered == "nguồn" {
        inSource = true
        continue
      }
      if inSource { continue }
      if let number = Self.integer(lowered) {
        // "0 bình luận", "3 phản hồi", "5 comments": a labeled comment count.
        let next = position + 1 < tokens.count ? Self.trimmed(tokens[position + 1]).lowercased() : ""
        if next == "bình" || next == "phản" || next == "comments" || next == "comment" {
          reading.comments = number
          continue
        }
        if pastTime || reading.counterLabelAt != nil { reading.standalone.append(number) }
        continue
      }
      if lexicon.dateWords.contains(lowered) || lowered.utf8.starts(with: "gmt".utf8)
        || lowered.utf8.starts(with: "utc".utf8)
      {
        continue
      }
      reading.remainder.append(word)
    }
    return reading
  }

  /// The first field between separators (`|`, `·`, `•`) that opens with an author label and a
  /// colon ("Tin:", "Tác giả:", "Người đăng:"): its tokens, and the person it names if any.
  static func labeledField(_ tokens: [Substring], _ lexicon: ArticleLexicon) -> (tokens: Range<Int>, name: String?)? {
    var start = 0
    for end in 0...tokens.count {
      guard end == tokens.count || trimmed(tokens[end]).isEmpty else { continue }
      defer { start = end + 1 }
      guard end > start else { continue }
      let field = tokens[start..<end].joined(separator: " ")
      let lowered = field.lowercased()
      guard let label = lexicon.authorLabels.first(where: { lowered.hasPrefix($0) })
        ?? posterLabels.first(where: { lowered.hasPrefix($0) })
      else { continue }
      let rest = lowered.dropFirst(label.count).drop(while: { $0 == " " })
      guard rest.first == ":" else { continue }
      let name = Byline.labeled(field, lexicon: lexicon).flatMap(Byline.name)
      return (start..<end, name)
    }
    return nil
  }

  /// Labels of who put the article online, not who wrote it.
  static let posterLabels = ["người đăng", "người đưa tin"]

  /// A token made of digits and date/time punctuation: "27/01/2019", "17:44", "17h44".
  static func isDateToken(_ word: String) -> Bool {
    var hasDigit = false
    var hasMark = false
    for scalar in word.unicodeScalars {
      switch scalar {
      case "0"..."9": hasDigit = true
      case "/", ":", "-", "h": hasMark = true
      default: return false
      }
    }
    return hasDigit && hasMark
  }

  /// "1.247", "489" → integers; "2,5" is not a counter.
  static func integer(_ word: String) -> Int? {
    UTF8Search.integer(Array(word.utf8)[...])
  }

  static func trimmed(_ token: Substring) -> Substring {
    var word = token
    while let first = word.first, marks.contains(first) { word.removeFirst() }
    while let last = word.last, marks.contains(last) || last == ":" { word.removeLast() }
    return word
  }

  /// `trimmed(_:)` over UTF-8 bytes whose scalars are characters: the marks at both ends
  /// (`:` at the end too) go, as byte ranges.
  static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      let length = markLength(at: start, in: bytes, end: end)
      guard length > 0 else { break }
      start += length
    }
    while end > start {
      if bytes[end - 1] == 0x3A {
        end -= 1
        continue
      }
      // A mark ends here when one starts 1, 2 or 3 bytes before.
      var found = 0
      for length in 1...3 where end - length >= start && markLength(at: end - length, in: bytes, end: end) == length {
        found = length
        break
      }
      guard found > 0 else { break }
      end -= found
    }
    return start..<end
  }

  /// The length of the mark (`marks`) starting at `index`, 0 when none does.
  @inline(__always)
  private static func markLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
    switch bytes[index] {
    case 0x2C, 0x3B, 0x7C, 0x2D, 0x28, 0x29, 0x5B, 0x5D: return 1
    case 0xC2: return index + 1 < end && bytes[index + 1] == 0xB7 ? 2 : 0  // ·
    case 0xE2:  // – U+2013, • U+2022
      guard index + 2 < end, bytes[index + 1] == 0x80 else { return 0 }
      return bytes[index + 2] == 0x93 || bytes[index + 2] == 0xA2 ? 3 : 0
    default: return 0
    }
  }

  /// `isDateToken(_:)` over UTF-8 bytes.
  static func isDateToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var hasDigit = false
    var hasMark = false
    for byte in bytes {
      switch byte {
      case 0x30...0x39: hasDigit = true
      case 0x2F, 0x3A, 0x2D, 0x68: hasMark = true
      default: return false
      }
    }
    return hasDigit && hasMark
  }

  private static let marks: Set<Character> = [",", ";", "|", "-", "–", "(", ")", "[", "]", "•", "·"]
}

/// A line that only counts views: "Lượt xem: 1.356", "Số lượt xem: 642".
struct CounterLine: Sendable, Hashable {
  var views: Int

  // `borrowing`: see `DateLine.init`.
  init?(_ shape: borrowing LineShape) {
    let lowered = shape.lowered
    guard shape.wordCount <= 6,
      UTF8Search.contains(lowered, "lượt xem") || UTF8Search.contains(lowered, "lượt đọc")
        || UTF8Search.hasPrefix(lowered, "xem:") || UTF8Search.contains(lowered, "views")
    else { return nil }
    var found: Int?
    for index in shape.words.indices {
      let word = shape.word(index)
      if let value = UTF8Search.integer(word) {
        guard found == nil else { return nil }
        found = value
      } else if !Self.labels.contains(word) {
        return nil
      }
    }
    guard let found else { return nil }
    views = found
  }

  private static let labels = ByteStringSet(["số", "lượt", "xem", "đọc", "views"])
}
