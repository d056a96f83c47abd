/// Groups tokens into sentences.
///
/// A sentence ends after `.`, `!`, `?`, an ellipsis or the article terminator `./.` (with the
/// closing quotes and brackets stuck to it) when the next token opens a sentence: a capital,
/// a digit, an opening quote or bracket, a bullet. Dotted titles (`TP.`, `PGS.TS.`) never end
/// one; numbers, dates and codes are single tokens, so their dots never do either. A line break
/// ends a sentence (headings, bullets, paragraphs without a final stop) unless the text is
/// hard-wrapped: a line of wrapping width goes on in lowercase after a word or a comma.
struct SentenceSplitter {
  let scalars: UnsafeBufferPointer<UInt32>
  let tokens: [Token]
  let breaksBefore: [UInt8]
  let abbreviations: AbbreviationTable

  /// Token index ranges, one per sentence.
  func split() -> [Range<Int>] {
    var sentences: [Range<Int>] = []
    let count = tokens.count
    var start = 0
    var index = 0
    while index < count {
      if index > start, breaksBefore[index] > 0, lineBreakEnds(before: index) {
        sentences.append(start..<index)
        start = index
      }
      if isTerminal(index, sentenceStart: start) {
        var last = index
        while last + 1 < count, breaksBefore[last + 1] == 0,
          tokens[last + 1].start == tokens[last].end, isCloser(last + 1)
        {
          last += 1
        }
        if endsSentence(terminal: index, last: last) {
          sentences.append(start..<(last + 1))
          start = last + 1
          index = last + 1
          continue
        }
      }
      index += 1
    }
    if start < count { sentences.append(start..<count) }
    return sentences
  }

  @inline(__always)
  private func first(_ index: Int) -> UInt32 { scalars[tokens[index].start] }

  private func isTerminal(_ index: Int, sentenceStart: Int) -> Bool {
    let token = tokens[index]
    switch token.kind {
    case .punctuation:
      let value = first(index)
      guard value == 0x2E || value == 0x21 || value == 0x3F || value == 0x2026 else { return false }
      if value == 0x2E, token.end - token.start == 1, index == sentenceStart + 1,
        isEnumerator(index - 1)
      {
        return false  // "1. Nội dung", "a. Mục tiêu", "II. Nhiệm vụ"
      }
      return true
    case .abbreviation:
      guard scalars[token.end - 1] == 0x2E else { return false }
      return abbreviations.role(scalars, token.start..<token.end) != .title
        && abbreviations.role(scalars, lastRun(of: token)..<token.end) != .title
    default:
      return false
    }
  }

  /// Where the last dotted part of an abbreviation starts ("TS." in "PGS.TS.").
  private func lastRun(of token: Token) -> Int {
    var position = token.end - 1
    while position > token.start, scalars[position - 1] == 0x2E { position -= 1 }
    while position > token.start, scalars[position - 1] != 0x2E { position -= 1 }
    return position
  }

  /// A list marker at the head of a line: a short number, one letter, a Roman numeral.
  private func isEnumerator(_ index: Int) -> Bool {
    let token = tokens[index]
    let length = token.end - token.start
    if token.kind == .number { return length <= 3 }
    guard token.kind == .word, length <= 4 else { return false }
    if length == 1 { return true }
    for position in token.start..<token.end {
      switch scalars[position] {
      case 0x49, 0x56, 0x58: continue  // I V X
      default: return false
      }
    }
    return true
  }

  private func isCloser(_ index: Int) -> Bool {
    guard tokens[index].kind == .punctuation else { return false }
    switch first(index) {
    case 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB, 0x203A, 0x22, 0x27: return true
    default: return false
    }
  }

  private func isOpener(_ value: UInt32) -> Bool {
    switch value {
    case 0x28, 0x5B, 0x7B, 0x201C, 0x2018, 0xAB, 0x2039, 0x22, 0x27, 0x2D, 0x2013, 0x2014, 0x2022,
      0x2026:
      return true
    default: return false
    }
  }

  private func endsSentence(terminal: Int, last: Int) -> Bool {
    let token = tokens[terminal]
    if token.end - token.start == 3, scalars[token.start + 1] == 0x2F { return true }  // ./.
    let next = last + 1
    guard next < tokens.count, breaksBefore[next] == 0 else { return true }
    let value = first(next)
    let attached = tokens[next].start == tokens[last].end
    if attached {
      // "phát triển.Tuy nhiên": a missing blank after a full stop between two words
      return tokens[next].kind == .word && LetterCase.isUpper(value) && terminal > 0
        && tokens[terminal - 1].kind == .word && terminal == last
        && tokens[next].end - tokens[next].start > 1
    }
    switch tokens[next].kind {
    case .word, .abbreviation, .documentCode, .url, .email:
      return LetterCase.isUpper(value) || ScalarClass(value) == .digit
    case .number, .percent, .date, .time:
      return true
    case .symbol:
      return true
    case .punctuation:
      return isOpener(value)
    }
  }

  /// Whether a single or double line break before `index` ends the sentence.
  private func lineBreakEnds(before index: Int) -> Bool {
    if breaksBefore[index] >= 2 { return true }
    if index + 1 < tokens.count, isEnumerator(index), breaksBefore[index + 1] == 0 {
      let mark = first(index + 1)
      if mark == 0x2E || mark == 0x29 { return true }  // "a. …", "b) …" at the head of a line
    }
    let previous = tokens[index - 1]
    let value = first(index)
    guard tokens[index].kind == .word, ScalarClass(value) == .letter, !LetterCase.isUpper(value)
    else { return true }
    switch previous.kind {
    case .word, .number, .abbreviation: return lineIsShort(endingAt: index - 1)
    case .punctuation:
      let mark = scalars[previous.start]
      return !(mark == 0x2C || mark == 0x2D || mark == 0x2013 || mark == 0x28)
    default: return true
    }
  }

  /// Text wrapped at a fixed width has lines of 65 to 100 characters; a shorter line is a
  /// heading or a label, a longer one a paragraph of its own.
  private func lineIsShort(endingAt index: Int) -> Bool {
    var position = index
    while position > 0, breaksBefore[position] == 0 { position -= 1 }
    let length = tokens[index].end - tokens[position].start
    return !(65...100).contains(length)
  }
}
