import Foundation

/// Caps the number of attributes in one start tag before libxml2 sees the markup.
///
/// libxml2 (2.9) appends each attribute by walking the list before it and checks it against
/// every earlier one, so one tag of 100,000 attributes costs 10¹⁰ steps: a hang. No page
/// needs more than a few dozen; past `maximum` the rest of the tag is dropped.
///
///     AttributeLimit.capped(Array("<p a=1 b=2 c=3>xã".utf8), maximum: 2)   // "<p a=1 b=2 >xã"
///
/// One pass over the bytes; returns nil (no copy) when no tag goes over the limit.
enum AttributeLimit {
  static func capped(_ markup: [UInt8], maximum: Int = 1_000) -> [UInt8]? {
    var output: [UInt8]? = nil
    var copied = 0
    let count = markup.count
    var index = 0
    while index + 1 < count {
      // The next "<" (memchr), and the next ">" after it: a tag with no quote before that
      // ">" ends there, and one of `maximum` bytes or fewer has no more words than that.
      let next: Int? = markup.withUnsafeBufferPointer { buffer in
        guard let found = memchr(buffer.baseAddress! + index, 0x3C, count - index) else { return nil }
        return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      guard let next, next + 1 < count else { break }
      index = next
      guard Self.isLetter(markup[index + 1]) else {
        index += 1
        continue
      }
      let shortEnd: Int? = markup.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress!
        let length = min(count - index, maximum + 1)
        guard let found = memchr(base + index, 0x3E, length) else { return nil }
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        guard memchr(base + index, 0x22, end - index) == nil, memchr(base + index, 0x27, end - index) == nil
        else { return nil }
        return end
      }
      if let shortEnd {
        index = shortEnd
        continue
      }
      // The tag's words (attributes), quoted values skipped whole (memchr to the closing quote).
      let (cursor, cut): (Int, Int) = markup.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress!
        var cursor = index + 1
        var words = 0
        var inWord = true  // the tag name
        var cut = -1
        while cursor < count {
          let byte = base[cursor]
          if byte == 0x3E {
            break
          } else if byte == 0x22 || byte == 0x27 {
            guard let found = memchr(base + cursor + 1, Int32(byte), count - cursor - 1) else { return (count, cut) }
            cursor = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
            inWord = false
          } else if !inWord {
            inWord = true
            words += 1
            if words > maximum, cut < 0 { cut = cursor }
          }
          cursor += 1
        }
        return (cursor, cut)
      }
      if cut >= 0 {
        if output == nil {
          output = []
          output!.reserveCapacity(count)
        }
        output!.append(contentsOf: markup[copied..<cut])
        copied = cursor
      }
      index = cursor
    }
    guard var output else { return nil }
    output.append(contentsOf: markup[copied...])
    return output
  }

  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
