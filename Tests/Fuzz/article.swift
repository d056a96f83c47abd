// libFuzzer target: bytes → article (plain text, HTML through libxml2, JSON Lines records).
import VNX

private let reader = ArticleReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? reader.read(bytes)
  // The same bytes as the body of a page.
  var page = Array("<html><body><p>".utf8)
  page += bytes
  _ = try? reader.read(page)
  return 0
}
