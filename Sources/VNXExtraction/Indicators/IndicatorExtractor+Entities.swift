import VNXSegmentation

extension IndicatorExtractor {
  /// The indicators of `text`, each linked to the place and the subject (organization or
  /// party cell) that its sentence names before it: "xã Pả Vi có 97 hộ" → place "Pả Vi".
  ///
  /// `entities` is the entity list of the same text (`EntityExtractor`); `place` and
  /// `subject` are indices into it. Entities are listed once however often they occur, so
  /// every occurrence of an entity's text counts as a mention. The nearest mention before
  /// the quantity in its sentence wins; none in the sentence leaves the link empty.
  public func extract(from text: String, sentences: [Sentence], entities: [Entity]) -> [Indicator] {
    var indicators = extract(from: text, sentences: sentences)
    guard !entities.isEmpty, !indicators.isEmpty else { return indicators }
    let scalars = Array(text.unicodeScalars)
    var places: [(start: Int, end: Int, entity: Int)] = []
    var subjects: [(start: Int, end: Int, entity: Int)] = []
    for (index, entity) in entities.enumerated() {
      let isPlace = [.village, .commune, .district, .province].contains(entity.type)
      let isSubject = entity.type == .organization || entity.type == .cell
      guard isPlace || isSubject else { continue }
      for range in Self.occurrences(of: Array(entity.text.unicodeScalars), in: scalars) {
        if isPlace { places.append((range.lowerBound, range.upperBound, index)) }
        if isSubject { subjects.append((range.lowerBound, range.upperBound, index)) }
      }
    }
    func sentence(containing offset: Int) -> Range<Int>? {
      var low = 0
      var high = sentences.count
      while low < high {
        let middle = (low + high) / 2
        if sentences[middle].end <= offset { low = middle + 1 } else { high = middle }
      }
      guard low < sentences.count, sentences[low].start <= offset else { return nil }
      return sentences[low].start..<sentences[low].end
    }
    func nearest(_ mentions: [(start: Int, end: Int, entity: Int)], before offset: Int, in span: Range<Int>)
      -> Int?
    {
      mentions.filter { $0.start >= span.lowerBound && $0.end <= offset }
        .max(by: { $0.end < $1.end })?.entity
    }
    for position in indicators.indices {
      guard let span = sentence(containing: indicators[position].start) else { continue }
      indicators[position].place = nearest(places, before: indicators[position].start, in: span)
      indicators[position].subject = nearest(subjects, before: indicators[position].start, in: span)
    }
    return indicators
  }

  /// Where `needle` occurs in `haystack` as whole words.
  static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Range<Int>] {
    guard let first = needle.first, needle.count <= haystack.count else { return [] }
    var found: [Range<Int>] = []
    var index = 0
    while index + needle.count <= haystack.count {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
        let end = index + needle.count
        let before = index == 0 || !QuantityPieces.isLetter(haystack[index - 1])
        let after = end == haystack.count || !QuantityPieces.isLetter(haystack[end])
        if before && after { found.append(index..<end) }
        index = end
      } else {
        index += 1
      }
    }
    return found
  }
}
