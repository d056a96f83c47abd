import Foundation
import Testing
import VNXTestSupport

/// Runs `vnx extract` on standard input and returns its JSON objects, one per line.
func runExtract(_ input: String, arguments: [String] = []) throws -> [[String: Any]] {
  try VNXCommand.run(["extract"] + arguments, input: Data(input.utf8)).lines.compactMap { line in
    try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
  }
}

@Test("vnx extract prints a vnx.document/1 object with entities and their offsets")
func extractPrintsEntities() throws {
  let page = """
    Đảng bộ xã Bản Hon nâng cao chất lượng sinh hoạt chi bộ

    Thứ hai - 14/01/2019 08:30

    Quán triệt và thực hiện Kết luận số 18-KL/TW, ngày 22/9/2017 của Ban Bí thư về tiếp tục \
    đẩy mạnh thực hiện Chỉ thị số 10-CT/TW về nâng cao chất lượng sinh hoạt chi bộ trong tình \
    hình mới, Đảng bộ xã Bản Hon đã tập trung lãnh đạo các chi bộ trực thuộc đổi mới nội dung \
    và hình thức sinh hoạt, bảo đảm tính lãnh đạo, tính giáo dục và tính chiến đấu.

    Đồng chí Lò Văn Phà, Bí thư Đảng ủy xã Bản Hon cho biết, năm qua Đảng ủy đã chọn Chi bộ 4 \
    (bản Đông Pao) tổ chức sinh hoạt mẫu để các chi bộ khác rút kinh nghiệm; sau buổi sinh hoạt, \
    các chi bộ đều xây dựng kế hoạch cụ thể, phân công đảng viên phụ trách từng nhóm hộ gia đình \
    trong bản để tuyên truyền, vận động nhân dân phát triển sản xuất.

    Nhờ đó, chất lượng sinh hoạt của các chi bộ được nâng lên rõ rệt, nhiều chi bộ đã bàn và \
    ban hành nghị quyết chuyên đề về phát triển kinh tế, xây dựng bản văn hóa, giữ gìn an ninh \
    trật tự, góp phần để xã duy trì vững chắc các tiêu chí nông thôn mới trong những năm tới.
    """
  let documents = try runExtract(page, arguments: ["--text"])
  #expect(documents.count == 1)
  guard let document = documents.first, let entities = document["entities"] as? [[String: Any]],
    let text = document["text"] as? String
  else {
    Issue.record("no document")
    return
  }
  #expect(document["schema"] as? String == "vnx.document/1")
  let found = Set(entities.map { "\($0["type"] ?? ""):\($0["text"] ?? "")" })
  for expected in [
    "person:Lò Văn Phà", "commune:Bản Hon", "cell:Chi bộ 4", "village:Đông Pao",
    "document:18-KL/TW", "date:22/9/2017", "organization:Ban Bí thư",
  ] {
    #expect(found.contains(expected), "\(expected)")
  }
  let scalars = Array(text.unicodeScalars)
  for entity in entities {
    guard let start = entity["start"] as? Int, let end = entity["end"] as? Int else { continue }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    #expect(String(view) == entity["text"] as? String)
  }
}
