import Foundation
import Testing
import VNXSegmentation

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
