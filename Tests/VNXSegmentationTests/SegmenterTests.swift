import Foundation
import Testing
@testable import VNXSegmentation

/// The words of each sentence of `text`, syllables joined by "_".
func segment(_ text: String, segmenter: Segmenter = Segmenter()) -> [String] {
  let scalars = Array(text.unicodeScalars)
  return segmenter.sentences(in: text).map { sentence in
    sentence.words.map { word in
      var string = String.UnicodeScalarView()
      for index in word.tokenStart..<word.tokenEnd {
        if index > word.tokenStart { string.append("_") }
        let token = sentence.tokens[index]
        string.append(contentsOf: scalars[token.start..<token.end])
      }
      return String(string)
    }.joined(separator: " ")
  }
}

@Test("The shipped model loads")
func modelLoads() {
  #expect(WordSegmentationModel.standard != nil)
}

@Test(
  "Multi-syllable words are joined",
  arguments: [
    ("Tỉnh có 2.343 đảng viên.", "đảng_viên"),
    ("Sản lượng lúa tăng.", "Sản_lượng"),
    ("Xã đạt chuẩn nông thôn mới.", "nông_thôn"),
    ("Ông Lò Văn Phà dự họp.", "Lò_Văn_Phà"),
    ("Xã Đông Pao có nhiều hộ nghèo.", "Đông_Pao"),
    ("Huyện ủy ban hành nghị quyết.", "ban_hành"),
  ])
func joinsWords(_ text: String, _ word: String) throws {
  let words = try #require(segment(text).first).split(separator: " ").map(String.init)
  #expect(words.contains(word), "\(words)")
}

@Test("Numbers, dates, codes and punctuation stay words of their own")
func nonSyllablesStayApart() {
  #expect(
    segment("Ngày 22/9/2017, tỉnh ban hành Kết luận 18-KL/TW về 100,5% hộ.")
      == ["Ngày 22/9/2017 , tỉnh ban_hành Kết_luận 18-KL/TW về 100,5% hộ ."])
}

@Test("Words carry offsets and token ranges consistent with their tokens")
func wordOffsets() throws {
  let text = "Đảng viên Lò Văn Phà, 100,5%."
  let sentence = try #require(Segmenter().sentences(in: text).first)
  var next = 0
  for word in sentence.words {
    #expect(word.tokenStart == next)
    #expect(word.start == sentence.tokens[word.tokenStart].start)
    #expect(word.end == sentence.tokens[word.tokenEnd - 1].end)
    #expect(word.utf8End == sentence.tokens[word.tokenEnd - 1].utf8End)
    next = word.tokenEnd
  }
  #expect(next == sentence.tokens.count)
  #expect(Segmenter().words(in: sentence, of: text) == sentence.words)
}

@Test("Sentences with words survive a JSON round trip")
func codable() throws {
  let sentences = Segmenter().sentences(in: "Tỉnh có 2.343 đảng viên. Xã họp.")
  let data = try JSONEncoder().encode(sentences)
  #expect(try JSONDecoder().decode([Sentence].self, from: data) == sentences)
}

@Test("Without a model every token is a word")
func noModel() {
  let segmenter = Segmenter(abbreviations: .standard, model: nil)
  #expect(segment("đảng viên", segmenter: segmenter) == ["đảng viên"])
}

@Test("--lines mode: every line is one sentence")
func lines() {
  let sentences = Segmenter().sentences(lines: "Một câu. Vẫn câu đó\n\nCâu hai")
  #expect(sentences.count == 2)
}

@Test(
  "Words are the same with the next sentence's slots asked for ahead as sentence by sentence",
  arguments: [
    "Đảng viên về nông thôn mới. Lò Văn Phà tăng sản lượng. Xã",
    "TP. Hà Giang có 2.343 đảng viên. Ngày 22/9/2017, tỉnh họp.\n\nHà Nội",
    "Một. Hai. Ba.",
  ])
func prefetchedSentences(_ text: String) throws {
  let segmenter = Segmenter()
  let sentences = segmenter.sentences(in: text)
  #expect(sentences.count >= 2)
  for sentence in sentences {
    #expect(sentence.words == segmenter.words(in: sentence, of: text))
  }
  // Asking for any range's slots, the last one and single tokens included, reads nothing
  // out of range and changes no table.
  let model = try #require(segmenter.model)
  let tokens = segmenter.tokens(in: text)
  let scalars = ScalarBuffer.scalars(of: text)
  scalars.withUnsafeBufferPointer { buffer in
    let syllables = TokenSyllables(tokens, buffer, offset: 0)
    for start in 0...tokens.count {
      for end in start...tokens.count { model.prefetch(syllables, start..<end) }
    }
  }
  #expect(segmenter.sentences(in: text).map(\.words) == sentences.map(\.words))
}
