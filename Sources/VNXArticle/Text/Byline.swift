import VNXText

/// Who wrote an article, read from the lines pages put it in.
///
///     Byline.labeled("Tác giả bài viết: Thanh Sơn")   // "Thanh Sơn"
///     Byline.labeled("Tin, ảnh: Hoàng Thu")           // "Hoàng Thu"
///     Byline.name("TRẦN DUNG")                        // "Trần Dung"
///     Byline.source("Theo baolaichau.vn")             // "baolaichau.vn"
enum Byline {
  /// Newsroom signatures that stand for a person's name ("PV", "BBT"), in capitals
  /// (`lexicons/article/signatures.txt`).
  static var signatures: Set<String> { ArticleLexicon.shared.signatures }

  /// Words that open headings, sources and bodies, never a person's name.
  static let notNameStarts: Set<String> = [
    "theo", "nguồn", "báo", "tin", "xem", "trang", "cổng", "ban", "sở", "ủy", "ubnd", "hđnd", "huyện", "xã",
    "tỉnh", "phòng", "hội", "đảng", "chi", "thôn", "tổ", "trường", "công", "tạp", "đài", "thông",
    "liên", "giới", "chính", "kinh", "thời", "tòa", "bạn", "đọc", "ảnh", "video", "clip", "tags",
  ]

  /// Words that open a person's name ("Văn Miên") but, with the word after them, a common
  /// noun of headings and menus: "Văn hóa", "Văn phòng".
  static let notNameBigrams: Set<String> = [
    "văn hóa", "văn hoá", "văn nghệ", "văn bản", "văn phòng", "văn minh", "văn học", "văn kiện", "văn thư",
    "văn chương", "văn xuôi", "văn thơ", "văn miếu", "văn hiến", "văn nghệ sĩ",
  ]

  /// The name after an author label ("Tác giả:", "Tin, ảnh:", "Bài và ảnh:"…), if the line is one.
  static func labeled(_ text: String, lexicon: ArticleLexicon = .shared) -> String? {
    labeled(text, lowered: LetterCase.lowercased(Array(text.utf8)), lexicon: lexicon)
  }

  /// `labeled(_:)` with the line's lowercased bytes at hand (`LineShape.lowered`).
  static func labeled(_ text: String, lowered bytes: [UInt8], lexicon: ArticleLexicon = .shared) -> String? {
    // Every label is followed by a colon.
    guard text.utf8.count <= 200, bytes.contains(0x3A) else { return nil }
    // Made once a label matches: most lines with a colon open with none.
    var lowered: String?
    for (label, labelBytes) in zip(lexicon.authorLabels, lexicon.authorLabelBytes)
    where UTF8Search.hasPrefix(bytes, labelBytes) {
      if lowered == nil { lowered = String(decoding: bytes, as: UTF8.self) }
      var rest = lowered!.unicodeScalars.dropFirst(label.unicodeScalars.count)
      while let first = rest.first, first == " " { rest.removeFirst() }
      guard let first = rest.first, first == ":" else { continue }
      let offset = text.unicodeScalars.count - rest.count + 1
      let name = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(offset)))
      let trimmed = withoutAffiliation(name).trimming(" .")
      guard !trimmed.isEmpty, trimmed.split(separator: " ").count <= 8 else { return nil }
      return titleCased(trimmed)
    }
    return nil
  }

  /// The line itself when it is a person's name or a newsroom signature: two to five
  /// capitalized Vietnamese syllables ("Cầm Ngọc", "TRẦN DUNG", "Nguyễn Thị Minh Khai"),
  /// maybe two names joined by "-" or ",", or "PV".
  static func name(_ text: String) -> String? {
    guard text.utf8.count <= 120 else { return nil }
    return name(text, readsBytes: UTF8Search.scalarsAreCharacters(text.utf8))
  }

  /// `name(_:)` of a block whose shape is measured: its scalar check is at hand.
  static func name(_ text: String, shape: LineShape) -> String? {
    guard text.utf8.count <= 120 else { return nil }
    return name(text, readsBytes: shape.scalarsAreCharacters)
  }

  /// `name(_:)`, with the shortcuts on bytes when `readsBytes` (the line's scalars are
  /// characters), else on `Character`s only; both give the same answer.
  static func name(_ text: String, readsBytes simple: Bool) -> String? {
    guard text.utf8.count <= 120 else { return nil }
    let trimmed = simple ? simpleTrimmedName(text) : withoutAffiliation(text).trimming(" .")
    if trimmed.utf8.count <= 16, signatures.contains(trimmed.uppercased()) { return trimmed }
    // Every word of a name that is no signature opens with a capital: most lines fail here,
    // before the splits below (a shortcut only; the checks after it decide).
    if simple, !wordsAreCapitalized(trimmed) { return nil }
    // Cheap refusals before the syllable checks: digits, too many words.
    var tokens = 0
    var inToken = false
    for byte in trimmed.utf8 {
      if byte >= 0x30 && byte <= 0x39 { return nil }
      let isSpace = byte == 0x20
      if !isSpace, !inToken { tokens += 1 }
      inToken = !isSpace
    }
    guard tokens <= 17 else { return nil }
    let parts =
      simple
      ? split(trimmed, at: partSeparator)
      : trimmed.split(whereSeparator: { $0 == "-" || $0 == "," || $0 == "–" })
    guard (1...3).contains(parts.count) else { return nil }
    let firstWords =
      simple ? split(trimmed, limit: 2, at: wordSeparator) : Array(trimmed.split(separator: " ").prefix(2))
    let opening = firstWords.map { $0.lowercased() }
    if let first = opening.first, notNameStarts.contains(first) { return nil }
    if opening.count == 2, notNameBigrams.contains(opening.joined(separator: " ")) { return nil }
    var names: [String] = []
    for part in parts {
      let words = part.split(separator: " ")
      guard (2...5).contains(words.count) || (parts.count > 1 && signatures.contains(String(part).trimming(" ").uppercased()))
      else { return nil }
      // Names of Khmer, Jrai, Ê Đê… people hold syllables Vietnamese spelling does not
      // ("Thạch Sô Phal", "Ksor Bloh"): most, not all, words must be Vietnamese syllables,
      // and all of them in a line written in capitals (where site names hide).
      var syllables = 0
      let uppercase = part.unicodeScalars.allSatisfy { !$0.isLetter || $0.isCapital }
      for word in words where !signatures.contains(word.uppercased()) {
        guard let first = word.unicodeScalars.first, first.isCapital,
          word.unicodeScalars.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" || $0 == "." })
        else { return nil }
        if VietnameseSyllable.isValid(word) || isInitials(word) {
          syllables += 1
        } else if uppercase {
          return nil
        }
      }
      // Half is enough in mixed case ("Bríu Quân"); capitals need every syllable (above).
      guard syllables > 0, syllables * 2 >= words.count else { return nil }
      names.append(words.joined(separator: " "))
    }
    return titleCased(names.joined(separator: " - "))
  }

  /// `text.split(whereSeparator:)` for text whose scalars are characters, on its bytes (a
  /// separator's bytes are no other scalar's): `separator` gives the length of the separator
  /// at a byte offset, 0 when there is none. Empty parts are dropped; at most `limit` are made.
  static func split(
    _ text: String, limit: Int = .max, at separator: (UnsafeBufferPointer<UInt8>, Int) -> Int
  ) -> [Substring] {
    var copy = text
    let ranges: [Range<Int>] = copy.withUTF8 { bytes in
      var ranges: [Range<Int>] = []
      var start = 0
      var index = 0
      while index < bytes.count, ranges.count < limit {
        let length = separator(bytes, index)
        if length == 0 {
          index += 1
          continue
        }
        if start < index { ranges.append(start..<index) }
        index += length
        start = index
      }
      if start < bytes.count, ranges.count < limit { ranges.append(start..<bytes.count) }
      return ranges
    }
    let utf8 = text.utf8
    return ranges.map { range in
      text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }
  }

  /// The length of the word separator (" ") at `index`, 0 when there is none.
  static func wordSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    bytes[index] == 0x20 ? 1 : 0
  }

  /// The length of the part separator ("-", ",", "–") at `index`, 0 when there is none.
  static func partSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    switch bytes[index] {
    case 0x2D, 0x2C: 1
    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x93: 3
    default: 0
    }
  }

  /// `withoutAffiliation(text).trimming(" .")` for text whose scalars are characters
  /// (`UTF8Search.scalarsAreCharacters`): a line with no dash, comma or bracket closing it
  /// has no affiliation to cut, and its spaces and dots are trimmed on the bytes.
  static func simpleTrimmedName(_ text: String) -> String {
    var copy = text
    // Most lines: no separator, no closing bracket; trimmed on the bytes.
    let trimmed: String? = copy.withUTF8 { bytes in
      var end = bytes.count
      while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2E { end -= 1 }
      if end > 0, bytes[end - 1] == 0x29 { return nil }
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x2D || byte == 0x2C { return nil }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 { return nil }
        index += 1
      }
      var start = 0
      while start < end, bytes[start] == 0x20 || bytes[start] == 0x2E { start += 1 }
      if start == 0, end == bytes.count { return text }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    if let trimmed { return trimmed }
    return simpleTrimmedNameWithSeparator(text)
  }

  /// `simpleTrimmedName` the way it was written first, for lines with a separator or a
  /// closing bracket (and tests).
  static func simpleTrimmedNameWithSeparator(_ text: String) -> String {
    let utf8 = text.utf8
    var previous: (UInt8, UInt8) = (0, 0)
    let hasSeparator = utf8.contains { byte in
      defer { previous = (previous.1, byte) }
      return byte == 0x2D || byte == 0x2C || byte == 0x93 && previous == (0xE2, 0x80)  // '-', ',', '–'
    }
    var end = utf8.endIndex
    while end > utf8.startIndex, case let byte = utf8[utf8.index(before: end)], byte == 0x20 || byte == 0x2E {
      end = utf8.index(before: end)
    }
    guard !hasSeparator, end == utf8.startIndex || utf8[utf8.index(before: end)] != 0x29 else {
      return withoutAffiliation(text, readsBytes: true).trimming(" .")
    }
    var start = utf8.startIndex
    while start < end, utf8[start] == 0x20 || utf8[start] == 0x2E { start = utf8.index(after: start) }
    return String(text[start..<end])
  }

  /// Whether each word of a name line (split at spaces, dashes and commas) opens with a
  /// capital or is a newsroom signature, for text whose scalars are characters: read on the
  /// bytes (a continuation byte is never a separator's), a string made only for a word that
  /// opens with no capital.
  private static func wordsAreCapitalized(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes in
      // The length of the separator at `index` (" ", "-", ",", "–"), 0 when there is none.
      func separator(at index: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x2D, 0x2C: return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x93: return 3
        default: return 0
        }
      }
      var index = 0
      while index < bytes.count {
        let skipped = separator(at: index)
        if skipped > 0 {
          index += skipped
          continue
        }
        var end = index + 1
        while end < bytes.count, separator(at: end) == 0 { end += 1 }
        let first = UTF8Scalars.decode(bytes, at: index).0
        if !LetterCase.of(first).contains(.uppercase),
          !signatures.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).uppercased())
        {
          return false
        }
        index = end
      }
      return true
    }
  }

  /// The words a source line opens with, lowercase; each starts with an ASCII letter, so the
  /// line's first byte with ASCII capitals lowered is one of `sourcePrefixInitials`.
  private static let sourcePrefixes = ["theo ", "nguồn:", "nguồn "]
  private static let sourcePrefixInitials = Set(sourcePrefixes.map { $0.utf8.first! })

  /// "Theo baolaichau.vn", "Nguồn: Báo Lai Châu" → the source, when the line is only that.
  static func source(_ text: String) -> String? {
    // A line whose first byte, ASCII capitals lowered, starts no prefix stops here, before
    // lowercasing (most lines).
    guard text.utf8.count <= 160, let first = text.utf8.first,
      sourcePrefixInitials.contains(first >= 0x41 && first <= 0x5A ? first | 0x20 : first)
    else { return nil }
    let lowered = text.lowercased()
    for prefix in sourcePrefixes where lowered.hasPrefix(prefix) {
      let rest = String(text.dropFirst(prefix.count)).trimming(" .:")
      let words = rest.split(separator: " ")
      guard (1...6).contains(words.count), let first = rest.unicodeScalars.first,
        first.isCapital || rest.contains(".")
      else { return nil }
      if rest.contains(",") { return nil }
      return withoutAffiliation(rest)
    }
    return nil
  }

  /// "Hoàng Thu (TTXVN)" → "Hoàng Thu", "Điểu Thị Hạnh - Ban Dân tộc tỉnh" → "Điểu Thị Hạnh":
  /// the newsroom or office after a name, in brackets or after a dash or comma.
  static func withoutAffiliation(_ text: String) -> String {
    withoutAffiliation(text, readsBytes: UTF8Search.scalarsAreCharacters(text.utf8))
  }

  /// `withoutAffiliation(_:)`, on the bytes when `readsBytes` (the text's scalars are
  /// characters: its marks are ASCII bytes, its dash one scalar), else on `Character`s; both
  /// give the same answer.
  static func withoutAffiliation(_ text: String, readsBytes: Bool) -> String {
    guard readsBytes else { return withoutAffiliationByCharacters(text) }
    let utf8 = text.utf8
    func offset(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    var copy = text
    // Byte offsets of the name's end and of the separator an office's name follows, if any.
    let (end, cut): (Int, Int?) = copy.withUTF8 { bytes in
      var end = bytes.count
      while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x2E { end -= 1 }
      if end > 0, bytes[end - 1] == 0x29, let open = bytes[..<end].lastIndex(of: 0x28), open > 0 {
        end = open
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
      }
      var index = 1
      while index < end {
        let byte = bytes[index]
        var after = 0
        if byte == 0x2D || byte == 0x2C {
          after = index + 1
        } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 {
          after = index + 3  // "–"
        }
        if after > 0, opensWithOfficeWord(UnsafeBufferPointer(rebasing: bytes[after..<end])),
          isAffiliation(text[offset(after)..<offset(end)])
        {
          return (end, index)
        }
        index += 1
      }
      return (end, nil)
    }
    if let cut { return String(text[..<offset(cut)]).trimming(" ") }
    return String(text[..<offset(end)])
  }

  private static func withoutAffiliationByCharacters(_ text: String) -> String {
    var text = Substring(text)
    while let last = text.last, last == " " || last == "." { text.removeLast() }
    if text.last == ")", let open = text.lastIndex(of: "("), open > text.startIndex {
      text = text[..<open]
      while let last = text.last, last == " " { text.removeLast() }
    }
    // The first part after a separator that names an office ends the name.
    for index in text.indices where text[index] == "-" || text[index] == "–" || text[index] == "," {
      if index > text.startIndex, isAffiliation(text[text.index(after: index)...]) {
        return String(text[..<index]).trimming(" ")
      }
    }
    return String(text)
  }

  /// Whether the first space-separated word of `part` is an office word (`isAffiliation`'s
  /// first test), read on the bytes of text whose scalars are characters: most parts after a
  /// separator fail here, before `isAffiliation` splits them into strings.
  static func opensWithOfficeWord(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    while start < part.count, part[start] == 0x20 { start += 1 }
    var end = start
    while end < part.count, part[end] != 0x20 { end += 1 }
    guard start < end else { return false }
    let word = LetterCase.lowercased(UnsafeBufferPointer(rebasing: part[start..<end]))
    return ArticleLexicon.shared.affiliationWordBytes.contains(word[...])
  }

  /// "Ban Dân tộc tỉnh", "Báo Lai Châu", "TTVH huyện": an office's name — an office word
  /// first, then a lowercase word, three words or more, or an acronym. "Văn Miên" is a name.
  static func isAffiliation(_ part: Substring) -> Bool {
    // The first word decides most parts: split the rest only when it is an office word.
    guard let first = part.split(separator: " ", maxSplits: 1).first,
      ArticleLexicon.shared.affiliationWords.contains(first.lowercased())
    else {
      return false
    }
    let words = part.split(separator: " ")
    if words.count >= 3 { return true }
    return words.contains { word in
      guard let initial = word.unicodeScalars.first else { return false }
      if initial.properties.isLowercase { return true }
      var letters = 0
      for scalar in word.unicodeScalars where scalar.isLetter {
        guard scalar.isCapital else { return false }
        letters += 1
      }
      return letters >= 2
    }
  }

  /// "T.D", "H." — initials some photo credits and bylines use.
  static func isInitials(_ word: some StringProtocol) -> Bool {
    word.contains(".") && word.unicodeScalars.allSatisfy { $0 == "." || $0.isCapital }
  }

  /// "TRẦN DUNG" → "Trần Dung"; names already mixed-case are kept as written.
  static func titleCased(_ name: String) -> String {
    var hasLetters = false
    for scalar in name.unicodeScalars where scalar.isLetter {
      guard scalar.isCapital else { return name }
      hasLetters = true
    }
    guard hasLetters else { return name }
    if signatures.contains(name.uppercased()) { return name }
    return name.split(separator: " ", omittingEmptySubsequences: false).map { word in
      let lowered = word.lowercased()
      return lowered.prefix(1).uppercased() + lowered.dropFirst()
    }.joined(separator: " ")
  }
}

extension String {
  func trimming(_ marks: String) -> String {
    var result = Substring(self)
    while let first = result.first, marks.contains(first) { result.removeFirst() }
    while let last = result.last, marks.contains(last) { result.removeLast() }
    return String(result)
  }
}

extension Unicode.Scalar {
  /// `properties.isAlphabetic`, from `LetterCase`'s table (no property search for the
  /// scalars of Vietnamese text).
  fileprivate var isLetter: Bool { LetterCase.of(value).contains(.letter) }
  /// `properties.isUppercase`, from `LetterCase`'s table.
  fileprivate var isCapital: Bool { LetterCase.of(value).contains(.uppercase) }
}
