import Testing
import VNXSegmentation

/// The sentences of `text` as strings.
func sentences(_ text: String) -> [String] {
  let scalars = Array(text.unicodeScalars)
  return Segmenter(abbreviations: .standard, model: nil).sentences(in: text).map { sentence in
    var string = String.UnicodeScalarView()
    string.append(contentsOf: scalars[sentence.start..<sentence.end])
    return String(string)
  }
}

@Test(
  "Sentence boundaries",
  arguments: [
    (
      "TP. Hà Giang có 2.343 đảng viên. Ngày 22/9/2017, tỉnh họp.",
      ["TP. Hà Giang có 2.343 đảng viên.", "Ngày 22/9/2017, tỉnh họp."]
    ),
    ("PGS.TS. Nguyễn Văn A và ThS. Lê B dự.", ["PGS.TS. Nguyễn Văn A và ThS. Lê B dự."]),
    ("Gặp Th.S Trần C tại TP. Vinh. Xong.", ["Gặp Th.S Trần C tại TP. Vinh.", "Xong."]),
    ("Lúa, ngô, khoai v.v. Năm nay được mùa.", ["Lúa, ngô, khoai v.v.", "Năm nay được mùa."]),
    ("Đạt 1.234,5 tấn, tăng 100,5%. Giá 2.343 đồng.", ["Đạt 1.234,5 tấn, tăng 100,5%.", "Giá 2.343 đồng."]),
    ("Theo Kết luận 18-KL/TW. Tỉnh làm.", ["Theo Kết luận 18-KL/TW.", "Tỉnh làm."]),
    ("Chờ đợi... Rồi mưa… và gió.", ["Chờ đợi...", "Rồi mưa… và gió."]),
    ("Ông nói: \"Tốt lắm.\" Rồi đi.", ["Ông nói: \"Tốt lắm.\"", "Rồi đi."]),
    ("Ông nói: “Tốt lắm!” Rồi đi?", ["Ông nói: “Tốt lắm!”", "Rồi đi?"]),
    ("Anh hỏi “Sao vậy?”, rồi đi.", ["Anh hỏi “Sao vậy?”, rồi đi."]),
    ("(Ảnh: TTXVN.) Tỉnh họp.", ["(Ảnh: TTXVN.)", "Tỉnh họp."]),
    ("Tỉnh tổng kết năm 2017./.", ["Tỉnh tổng kết năm 2017./."]),
    ("Tỉnh tổng kết./. Tin khác", ["Tỉnh tổng kết./.", "Tin khác"]),
    ("NÔNG THÔN MỚI\nTỉnh đạt 5 tiêu chí.", ["NÔNG THÔN MỚI", "Tỉnh đạt 5 tiêu chí."]),
    ("Mục tiêu:\n- Tăng thu\n- Giảm nghèo", ["Mục tiêu:", "- Tăng thu", "- Giảm nghèo"]),
    ("1. Mục tiêu chung\n2. Giải pháp", ["1. Mục tiêu chung", "2. Giải pháp"]),
    ("II. NHIỆM VỤ\na. Tăng thu", ["II. NHIỆM VỤ", "a. Tăng thu"]),
    (
      "Đoàn công tác của Ban Thường vụ Tỉnh ủy đã kiểm tra các xã vùng cao của\nhuyện và làm việc.",
      ["Đoàn công tác của Ban Thường vụ Tỉnh ủy đã kiểm tra các xã vùng cao của\nhuyện và làm việc."]
    ),
    ("Hướng dẫn xếp loại năm 2021\nlượt xem: 1.420", ["Hướng dẫn xếp loại năm 2021", "lượt xem: 1.420"]),
    ("phát triển.Tuy nhiên vẫn khó.", ["phát triển.", "Tuy nhiên vẫn khó."]),
    ("hôm nay", ["hôm nay"]),
    ("", []),
    ("Năm 2017. 5 tháng đầu năm tăng.", ["Năm 2017.", "5 tháng đầu năm tăng."]),
  ])
func splits(_ text: String, _ expected: [String]) {
  #expect(sentences(text) == expected)
}
