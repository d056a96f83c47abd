// libFuzzer target: normalized text → sentences → tokens → words; spans must be ordered and
// inside the text.
import VNX

private let segmenter = Segmenter()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenize(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let raw = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let text = TextNormalizer().normalize(raw).text
  let count = text.unicodeScalars.count
  var previous = 0
  for sentence in segmenter.sentences(in: text) {
    precondition(sentence.start >= previous && sentence.start <= sentence.end && sentence.end <= count)
    previous = sentence.end
    for token in sentence.tokens {
      precondition(token.start >= sentence.start && token.start < token.end && token.end <= sentence.end)
    }
  }
  _ = segmenter.tokens(in: text)
  return 0
}
