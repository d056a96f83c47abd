// libFuzzer target: text → NFC Vietnamese text (tone marks, character references, repairs),
// and (FUZZ_STRICT=1) idempotence.
import Foundation
import VNX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for style in [ToneStyle.old, .new] {
    let normalized = TextNormalizer(toneStyle: style).normalize(text)
    // Normalizing twice changes nothing more.
    let again = TextNormalizer(toneStyle: style, decodesCharacterReferences: false).normalize(normalized.text)
    if again.text != normalized.text, strict {
      fatalError("not idempotent: \(Array(normalized.text.unicodeScalars)) → \(Array(again.text.unicodeScalars))")
    }
  }
  return 0
}

/// FUZZ_STRICT=1 also checks properties (idempotence), not only crashes.
private let strict = ProcessInfo.processInfo.environment["FUZZ_STRICT"] != nil
