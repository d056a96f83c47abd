// libFuzzer target: bytes → text (encoding detection, every legacy codec, mojibake repair).
// Built and run by Tests/scripts/fuzz.sh; not part of the package build.
import VNX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? TextDecoder().decode(bytes)
  // The first byte picks a forced encoding for the rest.
  if let first = bytes.first {
    let encodings = TextEncoding.allCases
    let encoding = encodings[Int(first) % encodings.count]
    _ = try? TextDecoder(forcedEncoding: encoding).decode(Array(bytes.dropFirst()))
  }
  return 0
}
