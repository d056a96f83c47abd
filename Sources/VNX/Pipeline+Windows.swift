/// Segmentation and extraction of a long text one window at a time.
///
/// Sentences, tokens, words and the extractors' working buffers take 50 to 60 bytes per byte of
/// text, all alive at once: a 60 MB one-line page peaked at 2.8 GB. A text longer than
/// `Options.windowBytes` is cut at paragraph breaks (else after a full stop, else at a blank), each
/// window is segmented and extracted alone, and the results are joined with their offsets and
/// entity indices shifted; only the entities, indicators and sentence spans of the whole text
/// stay in memory. A news article is far shorter than a window, so its output is unchanged;
/// in a longer text, nothing links a name or a place across a window's edge.
extension Pipeline {
  /// What segmentation and extraction give for one article text.
  struct Extraction {
    var entities: [Entity] = []
    var indicators: [Indicator] = []
    /// Sentence spans `[start, end]` (only when the options include the text).
    var sentences: [[Int]] = []
  }

  /// Segments `text` and extracts its entities and indicators, window by window when it is
  /// longer than `options.windowBytes`.
  func extraction(of text: String, published: String?) -> Extraction {
    let size = text.utf8.count
    let limit = max(options.windowBytes, 64)
    guard size > limit else { return extraction(ofWindow: text, published: published) }
    var whole = Extraction()
    var scalarOffset = 0
    var copy = text
    copy.withUTF8 { bytes in
      var start = 0
      while start < size {
        let end = Self.windowEnd(bytes, from: start, limit: limit)
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        var part = extraction(ofWindow: window, published: published)
        let entityOffset = whole.entities.count
        for index in part.entities.indices {
          part.entities[index].start += scalarOffset
          part.entities[index].end += scalarOffset
          if let parent = part.entities[index].parent { part.entities[index].parent = parent + entityOffset }
        }
        for index in part.indicators.indices {
          part.indicators[index].start += scalarOffset
          part.indicators[index].end += scalarOffset
          if let place = part.indicators[index].place { part.indicators[index].place = place + entityOffset }
          if let subject = part.indicators[index].subject {
            part.indicators[index].subject = subject + entityOffset
          }
        }
        whole.entities += part.entities
        whole.indicators += part.indicators
        whole.sentences += part.sentences.map { $0.map { $0 + scalarOffset } }
        scalarOffset += window.unicodeScalars.count
        start = end
      }
    }
    return whole
  }

  private func extraction(ofWindow text: String, published: String?) -> Extraction {
    let sentences = Self.segmenter.sentences(in: text)
    let entities = Self.entities.extract(from: text, sentences: sentences)
    return Extraction(
      entities: entities,
      indicators: Self.indicators.extract(
        from: text, sentences: sentences, entities: entities, published: published),
      sentences: options.includeText ? sentences.map { [$0.start, $0.end] } : []
    )
  }

  /// Calls `body` with each window of `text`, cut where `windowEnd` says, and the Unicode scalar
  /// offset at which the window starts in `text`; a text of at most `limit` bytes is one window
  /// (`vnx tokenize` goes through long texts this way).
  public static func forEachWindow(
    of text: String, limit: Int, _ body: (String, Int) throws -> Void
  ) rethrows {
    let size = text.utf8.count
    let limit = max(limit, 64)
    guard size > limit else { return try body(text, 0) }
    var copy = text
    try copy.withUTF8 { bytes in
      var start = 0
      var scalarOffset = 0
      while start < size {
        let end = windowEnd(bytes, from: start, limit: limit)
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        try body(window, scalarOffset)
        scalarOffset += window.unicodeScalars.count
        start = end
      }
    }
  }

  /// Where the window that starts at `start` ends: after the last paragraph break (a blank
  /// line) in its second half, else after the last line break, else after the last full
  /// stop, question or exclamation mark followed by a blank, else at the last blank, else at
  /// the last scalar boundary. The text is UTF-8 from a Swift string.
  static func windowEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
    guard bytes.count - start > limit else { return bytes.count }
    let end = start + limit
    let floor = start + limit / 2
    func last(_ matches: (Int) -> Bool) -> Int? {
      var index = end - 1
      while index >= floor {
        if matches(index) { return index + 1 }
        index -= 1
      }
      return nil
    }
    if let cut = last({ bytes[$0] == 0x0A && bytes[$0 - 1] == 0x0A }) { return cut }
    if let cut = last({ bytes[$0] == 0x0A }) { return cut }
    if let cut = last({ index in
      bytes[index] == 0x20 && (bytes[index - 1] == 0x2E || bytes[index - 1] == 0x3F || bytes[index - 1] == 0x21)
    }) {
      return cut
    }
    if let cut = last({ bytes[$0] == 0x20 || bytes[$0] == 0x09 }) { return cut }
    var cut = end
    while bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a scalar's UTF-8
    return cut
  }
}
