// libFuzzer target: the whole pipeline, bytes → vnx.document/1 JSON; every span must lie
// inside the normalized text and every document must encode.
import Foundation
import VNX

private let pipeline: Pipeline = {
  var options = Pipeline.Options()
  options.includeText = true
  return Pipeline(options: options)
}()
private let encoder = JSONEncoder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let documents = try? pipeline.documents(bytes, path: "fuzz") else { return 0 }
  for document in documents {
    let count = document.text?.unicodeScalars.count ?? 0
    for entity in document.entities {
      precondition(0 <= entity.start && entity.start <= entity.end && entity.end <= count, "entity span")
    }
    for indicator in document.indicators {
      precondition(0 <= indicator.start && indicator.start <= indicator.end && indicator.end <= count, "indicator span")
    }
    do {
      _ = try encoder.encode(document)
    } catch {
      fatalError("document does not encode: \(error)")
    }
  }
  return 0
}
