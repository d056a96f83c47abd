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
    word.withUnsafeBufferPointer { integer($0) }
  }

  static func integer(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
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

  /// Whether every scalar of the text is a `Character` of its own: ASCII but CR, Latin up to
  /// U+02FF, Latin Extended Additional (the precomposed Vietnamese letters) and general
  /// punctuation but the joiners. No combining mark, joiner or CR can then glue scalars into
  /// one grapheme, so rules written with `Character`s give the same answer on scalars, and on
  /// bytes for ASCII marks; other text keeps the `Character` path.
  ///
  ///     UTF8Search.scalarsAreCharacters(Array("Nguyễn Văn Ánh".utf8)[...])   // true
  ///     UTF8Search.scalarsAreCharacters(Array("Nguye\u{303}n".utf8)[...])   // false
  static func scalarsAreCharacters(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case 0x0D: return false
      case ..<0x80: continue
      case 0xC2...0xCB:  // U+0080–U+02FF
        _ = iterator.next()
      case 0xE1:  // U+1E00–U+1EFF: E1 B8…BB xx
        guard let second = iterator.next(), (0xB8...0xBB).contains(second) else { return false }
        _ = iterator.next()
      case 0xE2:  // U+2000–U+207F but U+200C, U+200D: E2 80…81 xx
        guard let second = iterator.next(), second == 0x80 || second == 0x81,
          let third = iterator.next(), !(second == 0x80 && (third == 0x8C || third == 0x8D))
        else { return false }
      default: return false
      }
    }
    return true
  }
}
