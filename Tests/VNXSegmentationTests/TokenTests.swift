import Foundation
import Testing
import VNXSegmentation

@Test("Document-code tokens encode their kind as \"code\"")
func tokenKindNames() throws {
  let token = Token(kind: .documentCode, start: 0, end: 8, utf8Start: 0, utf8End: 8)
  let json = String(decoding: try JSONEncoder().encode(token), as: UTF8.self)
  #expect(json.contains("\"kind\":\"code\""))
}
