/// Byte-level search in UTF-8 text. Both sides are NFC and lowercased by then, so byte
/// equality is text equality, without Foundation's locale-aware `range(of:)`.
enum UTF8Search {
  /// Whether `needle` occurs in `haystack`.
  static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
    firstIndex(of: needle, in: haystack[...]) != nil
  }

  static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    needle.withUnsafeBufferPointer { firstIndex(of: $0, in: haystack[...]) }
  }

  static func firstIndex(of needle: StaticString, in haystack: ArraySlice<UInt8>) -> Int? {
    needle.withUTF8Buffer { firstIndex(of: $0, in: haystack) }
  }

  static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: ArraySlice<UInt8>) -> Int? {
    guard !needle.isEmpty else { return haystack.startIndex }
    guard haystack.count >= needle.count else { return nil }
    let first = needle[0]
    var index = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while index <= last {
      if haystack[index] == first {
        var matched = 1
        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index }
      }
      index += 1
    }
    return nil
  }

  /// The start of the last occurrence of `needle` in `haystack`.
  static func lastIndex(of needle: StaticString, in haystack: [UInt8]) -> Int? {
    needle.withUTF8Buffer { lastIndex(of: $0, in: haystack) }
  }

  static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    needle.withUnsafeBufferPointer { lastIndex(of: $0, in: haystack) }
  }

  static func lastIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var index = haystack.count - needle.count
    while index >= 0 {
      if haystack[index] == needle[0] {
        var matched = 1
        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index }
      }
      index -= 1
    }
    return nil
  }

  static func hasPrefix(_ haystack: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
    haystack.count >= prefix.count && haystack.prefix(prefix.count).elementsEqual(prefix)
  }

  static func hasPrefix(_ haystack: [UInt8], _ prefix: [UInt8]) -> Bool {
    hasPrefix(haystack[...], prefix)
  }

  static func hasPrefix(_ haystack: [UInt8], _ prefix: StaticString) -> Bool {
    prefix.withUTF8Buffer { prefix in
      haystack.count >= prefix.count && haystack.prefix(prefix.count).elementsEqual(prefix)
    }
  }

  /// The digits of a word as an integer, dots between thousands allowed ("1.247" → 1247);
  /// nil for anything else ("2,5") or more than 12 digits.
  static func integer(_ word: ArraySlice<UInt8>) -> Int? {
    var value = 0
    var digits = 0
    for byte in word {
      switch byte {
      case 0x30...0x39:
        value = value &* 10 &+ Int(byte - 0x30)
        digits += 1
      case 0x2E: continue
      default: return nil
      }
    }
    return digits == 0 || digits > 12 ? nil : value
  }
}
