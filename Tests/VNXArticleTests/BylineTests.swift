import Testing

@testable import VNXArticle

@Test(
  "Author labels give the name",
  arguments: [
    ("Tác giả bài viết: Thanh Sơn", "Thanh Sơn"),
    ("Tác giả: Hoàng Minh", "Hoàng Minh"),
    ("Tin, ảnh: Hoàng Thu", "Hoàng Thu"),
    ("Bài và ảnh: Hoàng Anh", "Hoàng Anh"),
    ("TÁC GIẢ: LÒ VĂN QUÝ", "Lò Văn Quý"),
    ("Tác giả: Thanh Hòa (Trung tâm Văn hóa huyện)", "Thanh Hòa"),
  ])
func readsLabeledBylines(_ text: String, _ name: String) {
  #expect(Byline.labeled(text) == name)
}

@Test(
  "Name lines are names, in title case",
  arguments: [
    ("Cầm Ngọc", "Cầm Ngọc"), ("TRẦN DUNG", "Trần Dung"), ("PV", "PV"), ("Hoàng Thu (TTXVN)", "Hoàng Thu"), ("Thạch Sô Phal", "Thạch Sô Phal"), ("Thanh Sơn - Phương Nga", "Thanh Sơn - Phương Nga"),
    // Signatures, pen names opening with a word that also opens common nouns, offices after
    // a dash, names half in a minority language.
    ("BBT", "BBT"), ("Ban Biên tập", "Ban Biên tập"), ("Nhóm PV", "Nhóm PV"), ("Văn Miên", "Văn Miên"),
    ("Minh Anh - Báo Lai Châu", "Minh Anh"), ("Hà Nguyễn - Phòng Văn hóa huyện Mường Tè", "Hà Nguyễn"),
    ("Thu Hà - TTXVN", "Thu Hà"), ("Lò Thị Sơn, Trung tâm Y tế huyện", "Lò Thị Sơn"), ("Bríu Quân (TTVH huyện)", "Bríu Quân"),
  ])
func readsNameLines(_ text: String, _ name: String) {
  #expect(Byline.name(text) == name)
}

@Test(
  "Headings, menus and sources are not names",
  arguments: [
    "Kinh tế", "Tin tức - Sự kiện", "Theo Báo Yên Bái", "LIÊN KẾT WEBSITE", "Xem thêm", "UBND huyện Mèo Vạc", "Multimedia",
    "Google News", "Facebook Zalo", "Văn Hóa", "VĂN HÓA - XÃ HỘI", "Văn Bản Pháp Quy", "Ban Dân tộc tỉnh", "Báo Lai Châu",
  ])
func rejectsNonNames(_ text: String) {
  #expect(Byline.name(text) == nil)
}

@Test("Sources after the body", arguments: [("Theo baolaichau.vn", "baolaichau.vn"), ("Theo Báo Yên Bái", "Báo Yên Bái"), ("Theo Ngọc Nhuận (Báo Bình Định)", "Ngọc Nhuận")])
func readsSources(_ text: String, _ source: String) {
  #expect(Byline.source(text) == source)
}

@Test(
  "Name lines read by bytes and through the Character path agree",
  arguments: [
    "Nguyễn Văn Ánh", "TRẦN DUNG", "Cầm Ngọc - Hoàng Thu", "Hoàng Thu (TTXVN)", "Châu Phú đầu tư hơn 62 tỷ đồng",
    "pv", "Thời sự Kinh tế Xã hội", "Điểu Thị Hạnh - Ban Dân tộc tỉnh", ". Lò Văn Hải.", "Ksor Bloh", "BBT",
    "Bài, ảnh: Lê Na", "Nhóm PV", "  ", "Văn hóa Lai Châu",
  ])
func nameLinesAgreeOnBothPaths(_ text: String) {
  #expect(UTF8Search.scalarsAreCharacters(text.utf8))
  #expect(Byline.name(text, readsBytes: true) == Byline.name(text, readsBytes: false))
}
