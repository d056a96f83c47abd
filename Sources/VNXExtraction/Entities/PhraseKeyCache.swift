import VNXText

/// `EntityLexicon.keys` for many phrases built from few words, each word normalized, scanned
/// and hashed once.
///
/// The gazetteer's 14,000 names use about 2,000 distinct words: normalizing every name in
/// both tone-mark styles was three quarters of a process's start-up. A phrase of Latin
/// letters and single spaces gets its keys from its words' (tone marks are placed syllable by
/// syllable, and a space always ends a token); any other phrase goes through
/// `EntityLexicon.keys`.
///
///     var cache = PhraseKeyCache()
///     cache.keys("Hòa Bình")   // [[h("hòa"), h("bình")], [h("hoà"), h("bình")]]
struct PhraseKeyCache {
  /// A word's token hashes in each tone-mark style (`new` is empty when both spell it alike).
  private struct Word {
    var old: [UInt64]
    var new: [UInt64]
  }

  /// Each word seen, by its UTF-8 bytes.
  private var words: [[UInt8]: Word] = [:]

  /// The token hashes of `phrase` in each tone-mark style, as `EntityLexicon.keys` gives them.
  mutating func keys(_ phrase: Substring) -> [[UInt64]] {
    var phrase = phrase
    let keys = phrase.withUTF8 { bytes -> [[UInt64]]? in
      guard Self.isPlainWords(bytes) else { return nil }
      var old: [UInt64] = []
      var new: [UInt64] = []
      var differ = false
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        let word = self.word(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        old += word.old
        if word.new.isEmpty {
          new += word.old
        } else {
          new += word.new
          differ = true
        }
        start = end + 1
      }
      return differ ? [old, new] : [old]
    }
    return keys ?? EntityLexicon.keys(phrase)
  }

  private mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) -> Word {
    let key = Array(bytes)
    if let found = words[key] { return found }
    let keys = EntityLexicon.keys(String(decoding: bytes, as: UTF8.self))
    let word = Word(old: keys.first ?? [], new: keys.count > 1 ? keys[1] : [])
    words[key] = word
    return word
  }

  /// Words of Latin letters (with combining marks after a letter) separated by single spaces.
  static func isPlainWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previousIsSpace = true
    var position = 0
    while position < bytes.count {
      let lead = bytes[position]
      if lead == 0x20 {
        if previousIsSpace { return false }
        previousIsSpace = true
        position += 1
        continue
      }
      let (value, length) = UTF8Scalars.decode(bytes, at: position)
      let isMark = value >= 0x300 && value <= 0x36F
      guard isLetter(value), !(previousIsSpace && isMark) else { return false }
      previousIsSpace = false
      position += length
    }
    return !previousIsSpace
  }

  private static func isLetter(_ value: UInt32) -> Bool {
    switch value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x300...0x36F,
      0x1E00...0x1EFF:
      true
    default: false
    }
  }
}
