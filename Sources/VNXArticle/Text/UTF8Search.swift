/// Byte-level search in UTF-8 text. Both sides are NFC and lowercased by then, so byte
/// equality is text equality, without Foundation's locale-aware `range(of:)`.
enum UTF8Search {
  /// Whether `needle` occurs in `haystack`.
  static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
    firstIndex(of: needle, in: Array(haystack.utf8)) != nil
  }

  static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty else { return 0 }
    guard haystack.count >= needle.count else { return nil }
    let first = needle[0]
    var index = 0
    let last = haystack.count - needle.count
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

  static func hasPrefix(_ haystack: [UInt8], _ prefix: [UInt8]) -> Bool {
    haystack.count >= prefix.count && haystack[..<prefix.count].elementsEqual(prefix)
  }
}
