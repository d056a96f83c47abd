import Testing

@testable import VNXExtraction

@Test(
  "Digits with thousand dots, decimal commas and leading zeros",
  arguments: [
    ("2.343", 2343.0), ("100,5", 100.5), ("1.234.567,89", 1_234_567.89), ("05", 5),
    ("01", 1), ("0,42", 0.42), ("112.380", 112_380), ("1.246,5", 1246.5), ("18.600", 18600),
    ("1,10", 1.1), ("01,10", 1.1), (",77", 0.77), ("100.000", 100_000), ("3.000.000", 3e6),
  ])
func readsVietnameseDigits(_ text: String, _ value: Double) {
  #expect(VietnameseNumber(text)?.value == value)
}

@Test(
  "English separators where they cannot be Vietnamese",
  arguments: [("1,234,567", 1_234_567.0), ("1,123.56", 1123.56), ("40.1", 40.1)])
func readsEnglishDigits(_ text: String, _ value: Double) {
  #expect(VietnameseNumber(text)?.value == value)
}

@Test(
  "Not numbers: dates, Roman numerals, codes, words",
  arguments: ["7.3.2014", "XII", "V", "18-KL/TW", "COVID-19", "1.23.4", "abc", ""])
func rejectsNonNumbers(_ text: String) {
  #expect(VietnameseNumber(text) == nil)
}

@Test(
  "Spelled-out numerals",
  arguments: [
    ("bảy", 7.0), ("mười lăm", 15), ("hai mươi mốt", 21), ("một trăm linh năm", 105),
    ("ba nghìn không trăm hai mươi", 3020), ("bốn mươi tư", 44), ("hai mươi lăm", 25),
    ("mười hai", 12), ("một trăm lẻ tư", 104), ("năm trăm tư", 540), ("tám trăm rưỡi", 850),
    ("một ngàn mốt", 1100), ("một nghìn hai sáu", 1026), ("mười triệu tư", 10_400_000),
    ("một tỷ rưỡi", 1.5e9), ("mười tám vạn", 180_000), ("hai chục", 20),
    ("một nghìn tỷ", 1e12), ("hai triệu ba trăm nghìn bốn trăm lẻ hai", 2_300_402),
    ("không phẩy hai triệu", 200_000), ("hai phẩy năm", 2.5), ("âm sáu mươi", -60),
    ("mười một", 11), ("chín mươi chín", 99), ("bẩy mươi", 70),
  ])
func readsWords(_ text: String, _ value: Double) {
  #expect(VietnameseNumber(text)?.value == value)
}

@Test(
  "Digits with scale words fold the scale in",
  arguments: [
    ("1,2 tỷ", 1.2e9), ("3 nghìn", 3000.0), ("112.380 triệu", 112_380_000_000),
    ("5 ngàn", 5000), ("2 vạn", 20000), ("-1200000", -1_200_000), ("âm 1.200.000", -1_200_000),
  ])
func readsDigitsWithScale(_ text: String, _ value: Double) {
  #expect(VietnameseNumber(text)?.value == value)
}
