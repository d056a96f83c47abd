import Testing

@testable import VNXArticle

@Test(
  "Dates as pages write them become ISO 8601 in Vietnam time",
  arguments: [
    ("Chủ nhật - 27/01/2019 17:44 489 0", "2019-01-27T17:44:00+07:00"),
    ("Thứ sáu, 29/03/2024, 03:46 [GMT+7]", "2024-03-29T03:46:00+07:00"),
    ("Ngày đăng: 18/09/2023 | 10:25 | Lượt xem: 2.041", "2023-09-18T10:25:00+07:00"),
    ("Cập nhật: 15:40, 12/10/2021", "2021-10-12T15:40:00+07:00"),
    ("09:10 06/09/2019", "2019-09-06T09:10:00+07:00"),
    ("Cập nhật lúc 16h20 ngày 08/11/2020", "2020-11-08T16:20:00+07:00"),
    ("Ngày cập nhật 08/09/2020", "2020-09-08"),
    ("Thứ hai, ngày 10 tháng 6 năm 2024", "2024-06-10"),
    ("12-05-2020", "2020-05-12"),
    ("Thứ năm, 14 tháng 11, 2024 10:12", "2024-11-14T10:12:00+07:00"),
    ("14/11/2024 02:30 PM", "2024-11-14T14:30:00+07:00"),
  ])
func readsPageDates(_ text: String, _ iso: String) {
  #expect(PublishedDate(in: text)?.iso == iso)
}

@Test(
  "Metadata dates are moved to +07:00",
  arguments: [
    ("2024-03-14T15:08:00+07:00", "2024-03-14T15:08:00+07:00"),
    ("2022-09-25T02:40:00Z", "2022-09-25T09:40:00+07:00"),
    ("2022-09-24T20:30:00Z", "2022-09-25T03:30:00+07:00"),
    ("2023-06-19T07:15:00.000+0700", "2023-06-19T07:15:00+07:00"),
    ("2020-05-12", "2020-05-12"),
    ("2023-12-31T23:30:00-01:00", "2024-01-01T07:30:00+07:00"),
  ])
func readsISODates(_ text: String, _ iso: String) {
  #expect(PublishedDate(iso: text)?.iso == iso)
}

@Test("Impossible dates are not dates", arguments: ["32/01/2019", "12/13/2019", "27-28/72020", "1.234,5"])
func rejectsImpossibleDates(_ text: String) {
  #expect(PublishedDate(in: text) == nil)
}

@Test(
  "Date lines carry counters and bylines",
  arguments: [
    ("Chủ nhật - 27/01/2019 17:44 489 0", 489, 0, ""),
    ("14/03/2024 15:08 3.264 lượt xem", 3264, nil, ""),
    ("22/08/2024 16:45 GMT+7   Thanh Lê", nil, nil, "Thanh Lê"),
    // An aggregator's source before the date, a labeled comment count after it.
    ("Nguồn: Báo Kiên Giang | 14:32 05/06/2023", nil, nil, ""),
    ("Nguồn tin: Ban Tuyên giáo Huyện ủy | 26/04/2021 14:12 | 0 bình luận", nil, 0, ""),
  ] as [(String, Int?, Int?, String)])
func readsDateLines(_ text: String, _ views: Int?, _ comments: Int?, _ remainder: String) throws {
  let line = try #require(DateLine(LineShape(text)))
  #expect(line.views == views)
  #expect(line.comments == comments)
  #expect(line.remainder.joined(separator: " ") == remainder)
}

@Test(
  "Lines that only mention a date are not date lines",
  arguments: [
    "Ngày 15/8/2023, Chi bộ bản Pú Súa chính thức được thành lập với 09 đảng viên.",
    "Kế hoạch số 112-KH/HU, ngày 20/2/2024",
    "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 21 (01/03/2024)",
  ])
func proseIsNotADateLine(_ text: String) {
  #expect(DateLine(LineShape(text)) == nil)
}
