import Testing
import VNXSegmentation

@testable import VNXExtraction

@Test(
  "A number piece reads as VietnameseNumber.digits reads its text",
  arguments: [
    "5", "2024", "1.250", "12.345.678", "40.1", "1.2345", "12.34.567", "1,5", "2.343,5", "1,234,567",
    "100,5", "0,05", "1234,5", "12.34,5", "1.2345,6", "1.234.567,89", "1234.567,8", "1,2,3", "1,234.5",
    "99999999999999999999,5",
  ])
func numberPiecesReadLikeDigits(_ number: String) {
  let text = "Có \(number) hộ."
  let pieces = QuantityPieces(text, sentences: Segmenter().sentences(in: text))
  let piece = pieces.pieces.first { $0.kind == .number }
  #expect(piece.map { pieces.text($0.start, $0.end) } == number)
  #expect(piece.flatMap(pieces.numberValue) == VietnameseNumber.digits(number))
}
