/// Sentences with gold word boundaries, read from CoNLL-U files whose FORM column holds one
/// word with its syllables separated by spaces (UD Vietnamese VTB).
public struct SegmentedCorpus: Sendable {
  /// One sentence: its text (the words joined by single spaces) and each word's span in
  /// Unicode scalars.
  public struct Sentence: Sendable, Hashable {
    public var text: String
    public var words: [Range<Int>]

    public init(text: String, words: [Range<Int>]) {
      self.text = text
      self.words = words
    }

    /// A sentence from its words.
    public init<Words: Sequence>(words forms: Words) where Words.Element: StringProtocol {
      var text = ""
      var spans: [Range<Int>] = []
      var offset = 0
      for form in forms {
        if !text.isEmpty {
          text += " "
          offset += 1
        }
        let length = form.unicodeScalars.count
        text += form
        spans.append(offset..<(offset + length))
        offset += length
      }
      self.init(text: text, words: spans)
    }
  }

  public var sentences: [Sentence]

  public init(sentences: [Sentence]) { self.sentences = sentences }

  /// Parses CoNLL-U text: comment lines, multiword ranges (`1-2`) and empty nodes (`1.1`)
  /// are skipped; a blank line ends a sentence.
  public init(conllu text: String) {
    var sentences: [Sentence] = []
    var forms: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.isEmpty {
        if !forms.isEmpty { sentences.append(Sentence(words: forms)) }
        forms.removeAll(keepingCapacity: true)
        continue
      }
      if line.hasPrefix("#") { continue }
      let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard columns.count >= 2, !columns[0].contains("-"), !columns[0].contains(".") else {
        continue
      }
      let form = columns[1].split(separator: " ").joined(separator: " ")
      if !form.isEmpty { forms.append(Substring(form)) }
    }
    if !forms.isEmpty { sentences.append(Sentence(words: forms)) }
    self.sentences = sentences
  }
}
