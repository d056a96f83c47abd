import Testing

@testable import VNXExtraction

// The indicator rules added after the first measurement of corpus/heldout4 (see its README),
// one table per rule, each with cases written for the rule rather than taken from an article.

private func indicators(_ text: String) -> [Indicator] { IndicatorExtractor().extract(from: text) }

@Test(
  "A share per period keeps its divisor as a rate does",
  arguments: [
    ("Thu ngân sách tăng bình quân 8,4%/năm.", "%/năm", Indicator.Trend.increase),
    ("Giá trị sản xuất tăng 12%/năm.", "%/năm", .increase),
  ])
func percentRates(_ text: String, _ unit: String, _ trend: Indicator.Trend) {
  let found = indicators(text)
  #expect(found.map(\.unit) == [unit])
  #expect(found.first?.trend == trend)
}

@Test(
  "\"X đến Y\" before a unit is a range, with or without \"từ\"",
  arguments: [
    ("Mỗi đảng viên phụ trách 3 đến 4 hộ.", 3.0, 4.0, "hộ"),
    ("Mỗi lứa nuôi 5 tới 7 con bò.", 5, 7, "con"),
  ])
func rangesWithoutFrom(_ text: String, _ value: Double, _ valueMax: Double, _ unit: String) {
  let found = indicators(text)
  #expect(found.count == 1)
  #expect(found.first?.value == value && found.first?.valueMax == valueMax)
  #expect(found.first.map { $0.unit.hasPrefix(unit) } == true)
}

@Test(
  "Bounds that sort things (\"từ 15 m trở lên\") are no quantities; the count beside them is",
  arguments: [
    ("Tàu cá dài từ 15 m trở lên phải lắp thiết bị giám sát.", [Double]()),
    ("Huyện có 38 cánh đồng quy mô từ 20 ha trở lên.", [38]),
    ("Người từ 60 tuổi trở xuống được vay 50 triệu đồng.", [50_000_000]),
  ])
func thresholdsAreNoQuantities(_ text: String, _ values: [Double]) {
  #expect(indicators(text).map(\.value) == values)
}

@Test(
  "\"trong số\" and \"tổng số\" before a number count a whole; \"số\" alone marks a code",
  arguments: [
    ("Trong số 2.186 hồ sơ đã tiếp nhận, có 1.532 hồ sơ nộp trực tuyến.", [2186.0, 1532]),
    ("Tổng số 120 hộ được hỗ trợ.", [120]),
    ("Nhà số 18 có 4 người.", [4]),
  ])
func wholesBeforeNumbers(_ text: String, _ values: [Double]) {
  #expect(indicators(text).map(\.value) == values)
}

@Test(
  "A number after a name stays in the name when a known noun only opens a longer word",
  arguments: [
    ("Phường Hà Giang 2 tổ chức 14 lớp học.", [14.0]),
    ("Người Khmer 1.018 đồng chí.", [1018]),
  ])
func namesKeepTheirNumbers(_ text: String, _ values: [Double]) {
  #expect(indicators(text).map(\.value) == values)
}
