import CICU

/// The one Swift door to ICU (through the `CICU` C target). Nothing else calls ICU.
public enum ICU {
  /// An ICU failure, with ICU's own name for it (e.g. `U_FILE_ACCESS_ERROR`).
  public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: Int32
    public let operation: String
    public var description: String {
      "ICU \(operation) failed: \(String(cString: vnx_icu_error_name(code)))"
    }
  }

  /// Runs an ICU call that fills a UTF-16 buffer, growing it once when ICU asks for more room.
  static func fillingUTF16(
    _ operation: String, capacity: Int,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<Int32>) -> Int32
  ) throws -> [UInt16] {
    var size = max(capacity, 1)
    for _ in 0..<2 {
      var status: Int32 = 0
      var needed: Int32 = 0
      let buffer = [UInt16](unsafeUninitializedCapacity: size) { pointer, count in
        needed = body(pointer.baseAddress!, Int32(size), &status)
        count = status > 0 ? 0 : min(Int(needed), size)
      }
      if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ {
        size = Int(needed) + 1
        continue
      }
      if status > 0 { throw Failure(code: status, operation: operation) }
      return buffer
    }
    throw Failure(code: 15, operation: operation)
  }

  /// NFC of a UTF-16 buffer (`unorm2_normalize` with the NFC instance).
  public static func nfc(_ utf16: [UInt16]) throws -> [UInt16] {
    try utf16.withUnsafeBufferPointer { source in
      try fillingUTF16("unorm2_normalize", capacity: source.count + source.count / 2 + 4) {
        vnx_icu_nfc(source.baseAddress, Int32(source.count), $0, $1, $2)
      }
    }
  }

  /// NFC of UTF-8 bytes, appended to `output` as UTF-8: no `String` in between, for the
  /// normalizer's segments.
  static func appendNFC(ofUTF8 source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) throws {
    var utf16: [UInt16] = []
    utf16.reserveCapacity(source.count)
    _ = transcode(source.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) {
      utf16.append($0)
    }
    let composed = try nfc(utf16)
    _ = transcode(composed.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
      output.append($0)
    }
  }

  /// NFC of a string.
  public static func nfc(_ text: String) throws -> String {
    String(decoding: try nfc(Array(text.utf16)), as: UTF16.self)
  }

  /// NFD of a string (`unorm2_normalize` with the NFD instance).
  public static func nfd(_ text: String) throws -> String {
    let source = Array(text.utf16)
    let units = try source.withUnsafeBufferPointer { source in
      try fillingUTF16("unorm2_normalize", capacity: source.count * 3 + 4) {
        vnx_icu_nfd(source.baseAddress, Int32(source.count), $0, $1, $2)
      }
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// How a code point behaves under NFC (`unorm2_hasBoundaryBefore`, `unorm2_quickCheck`).
  public struct NFCFlags: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let boundaryBefore = NFCFlags(rawValue: Int32(VNX_NFC_BOUNDARY_BEFORE))
    public static let quickCheckYes = NFCFlags(rawValue: Int32(VNX_NFC_QUICK_CHECK_YES))
    public static let inert = NFCFlags(rawValue: Int32(VNX_NFC_INERT))
  }

  public static func nfcFlags(_ scalar: Unicode.Scalar) -> NFCFlags {
    NFCFlags(rawValue: vnx_icu_nfc_flags(scalar.value))
  }

  /// Decodes bytes of an ICU charset (e.g. `windows-1258`) to a string; bad bytes give U+FFFD.
  public static func decode(_ bytes: some Collection<UInt8>, charset: String) throws -> String {
    let source = Array(bytes)
    let utf16 = try source.withUnsafeBufferPointer { raw in
      try raw.withMemoryRebound(to: CChar.self) { chars in
        try fillingUTF16("ucnv_toUChars(\(charset))", capacity: chars.count + 1) {
          vnx_icu_to_utf16(charset, chars.baseAddress, Int32(chars.count), $0, $1, $2)
        }
      }
    }
    return utf16.withUnsafeBufferPointer { UTF8Writer.string(fromUTF16: $0).text }
  }

  /// Encodes a string into an ICU charset; characters it cannot hold become its substitute.
  public static func encode(_ text: String, charset: String) throws -> [UInt8] {
    let source = Array(text.utf16)
    var size = source.count * 2 + 4
    for _ in 0..<2 {
      var status: Int32 = 0
      var needed: Int32 = 0
      let bytes = [UInt8](unsafeUninitializedCapacity: size) { pointer, count in
        pointer.withMemoryRebound(to: CChar.self) { chars in
          needed = vnx_icu_from_utf16(
            charset, source, Int32(source.count), chars.baseAddress, Int32(size), &status)
        }
        count = status > 0 ? 0 : min(Int(needed), size)
      }
      if status == 15 {
        size = Int(needed) + 1
        continue
      }
      if status > 0 { throw Failure(code: status, operation: "ucnv_fromUChars(\(charset))") }
      return bytes
    }
    throw Failure(code: 15, operation: "ucnv_fromUChars(\(charset))")
  }
}
