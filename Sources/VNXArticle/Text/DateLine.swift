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

  init?(_ shape: LineShape, lexicon: ArticleLexicon = .shared) {
    guard shape.digits >= 4, shape.wordCount <= 16, let date = PublishedDate(lowercased: shape.lowered) else {
      return nil
    }
    self.date = date
    var remainder: [Substring] = []
    var standalone: [Int] = []
    var counterLabelAt: Int?
    var pastTime = false
    // "Nguồn: Báo Kiên Giang | 14:32 05/06/2023": the source named after "Nguồn" runs to the
    // next separator or date and is no byline.
    var inSource = false
    let tokens = shape.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    for (position, token) in tokens.enumerated() {
      let word = Self.trimmed(token)
      if word.isEmpty {
        if token.contains("|") { inSource = false }
        continue
      }
      let lowered = word.lowercased()
      if lowered == "xem" || lowered == "views" || lowered == "đọc" { counterLabelAt = position }
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
          comments = number
          continue
        }
        if pastTime || counterLabelAt != nil { standalone.append(number) }
        continue
      }
      if lexicon.dateWords.contains(lowered) || lowered.utf8.starts(with: "gmt".utf8)
        || lowered.utf8.starts(with: "utc".utf8)
      {
        continue
      }
      remainder.append(word)
    }
    guard remainder.count <= 1 || (remainder.count <= 5 && Byline.name(remainder.joined(separator: " ")) != nil)
    else { return nil }
    self.remainder = remainder
    if !standalone.isEmpty {
      views = standalone[0]
      if standalone.count > 1, counterLabelAt == nil, comments == nil { comments = standalone[1] }
    }
  }

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

  private static let marks: Set<Character> = [",", ";", "|", "-", "–", "(", ")", "[", "]", "•", "·"]
}

/// A line that only counts views: "Lượt xem: 1.356", "Số lượt xem: 642".
struct CounterLine: Sendable, Hashable {
  var views: Int

  init?(_ shape: LineShape) {
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
