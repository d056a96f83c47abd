/// What the page reader needs to know about an element's tag, read once from libxml2's name
/// bytes: which tag it is when the reader treats it apart, and the sets it belongs to.
///
///     HTMLTag(name: "figcaption").flags.contains(.paragraph)   // true
///
/// A lookup packs the lowercased name's first 8 bytes in a word and probes a small
/// open-addressing table: no `String`, no hashing of a `String`, per element.
struct HTMLTag: Sendable, Equatable {
  /// The tags that the reader handles one by one; every other tag is `other`.
  enum Name: UInt8, Sendable {
    case other, meta, link, script, title, br, hr, img, a, i, em, table, figure, article, main
    case nav, footer, aside, header, figcaption, h1, time
  }

  struct Flags: OptionSet, Sendable {
    let rawValue: UInt8
    /// Content is never text of the page (`script`, `style`, widgets…).
    static let skipped = Flags(rawValue: 1)
    /// Starts a new block of text.
    static let block = Flags(rawValue: 2)
    /// Its text forms a paragraph of its parent container.
    static let paragraph = Flags(rawValue: 4)
    /// An inline element that pages use as a separate field of one line.
    static let field = Flags(rawValue: 8)
    /// Two letters starting with "h" ("h2", "hr"): a heading when nothing else says more.
    static let headingLike = Flags(rawValue: 16)
  }

  var name: Name
  var flags: Flags

  /// Tags whose content is never text of the page.
  static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "select",
    "button", "input", "textarea", "option", "canvas", "video", "audio", "map",
  ]
  /// Tags that start a new block of text.
  static let blockTags: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr",
    "table", "tbody", "thead", "tfoot", "blockquote", "figure", "figcaption", "section", "article", "main",
    "header", "footer", "nav", "aside", "pre", "address", "center", "form", "fieldset", "body", "hr",
    "caption", "html", "title", "time",
  ]
  /// Tags whose text forms a paragraph of its parent container.
  static let paragraphTags: Set<String> = [
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "dd", "dt", "pre",
    "caption", "address", "time",
  ]
  /// Inline elements that pages use as separate fields of one line.
  static let fieldTags: Set<String> = ["span", "time", "small", "label"]

  /// The tag of a lowercased name, from the sets above.
  init(lowercased tag: String) {
    name = Self.names[tag] ?? .other
    var flags: Flags = []
    if Self.skipped.contains(tag) { flags.insert(.skipped) }
    if Self.blockTags.contains(tag) { flags.insert(.block) }
    if Self.paragraphTags.contains(tag) { flags.insert(.paragraph) }
    if Self.fieldTags.contains(tag) { flags.insert(.field) }
    if tag.count == 2 && tag.hasPrefix("h") { flags.insert(.headingLike) }
    self.flags = flags
  }

  private static let names: [String: Name] = [
    "meta": .meta, "link": .link, "script": .script, "title": .title, "br": .br, "hr": .hr, "img": .img,
    "a": .a, "i": .i, "em": .em, "table": .table, "figure": .figure, "article": .article, "main": .main,
    "nav": .nav, "footer": .footer, "aside": .aside, "header": .header, "figcaption": .figcaption, "h1": .h1,
    "time": .time,
  ]

  /// The tag of a NUL-terminated element name as libxml2 gives it (ASCII lowercased here;
  /// a name with other bytes goes through `String.lowercased()`).
  init(name pointer: UnsafePointer<UInt8>) {
    var length = 0
    var key: UInt64 = 0
    var ascii = true
    while pointer[length] != 0 {
      var byte = pointer[length]
      if byte >= 0x80 { ascii = false }
      if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      if length < 8 { key |= UInt64(byte) << UInt64(8 * length) }
      length += 1
    }
    guard ascii, length <= Self.longestName else {
      self.init(lowercased: String(cString: pointer).lowercased())
      return
    }
    self = Self.table.find(key: key, length: length, name: pointer) ?? Self.unknown(length: length, first: pointer[0])
  }

  /// A tag in none of the sets.
  private static func unknown(length: Int, first: UInt8) -> HTMLTag {
    HTMLTag(name: .other, flags: length == 2 && (first | 0x20) == 0x68 ? .headingLike : [])
  }

  private init(name: Name, flags: Flags) {
    self.name = name
    self.flags = flags
  }

  private static let longestName = 10  // "figcaption", "blockquote"

  /// Every tag named in the sets, by packed name.
  private static let table = Table(
    tags: Set(names.keys).union(skipped).union(blockTags).union(paragraphTags).union(fieldTags))

  /// Open addressing over the packed first 8 bytes of a name; entries keep the whole name
  /// for names longer than 8 bytes.
  private final class Table: Sendable {
    let keys: [UInt64]
    let lengths: [Int]
    let names: [[UInt8]]
    let tags: [HTMLTag]

    init(tags: Set<String>) {
      let capacity = 256
      var keys = [UInt64](repeating: 0, count: capacity)
      var lengths = [Int](repeating: 0, count: capacity)
      var names = [[UInt8]](repeating: [], count: capacity)
      var found = [HTMLTag](repeating: HTMLTag(name: .other, flags: []), count: capacity)
      precondition(tags.count * 2 < capacity)
      for tag in tags {
        let bytes = Array(tag.utf8)
        var key: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { key |= UInt64(byte) << UInt64(8 * index) }
        var slot = Self.slot(key)
        while lengths[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
        keys[slot] = key
        lengths[slot] = bytes.count
        names[slot] = bytes
        found[slot] = HTMLTag(lowercased: tag)
      }
      self.keys = keys
      self.lengths = lengths
      self.names = names
      self.tags = found
    }

    @inline(__always) static func slot(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    func find(key: UInt64, length: Int, name: UnsafePointer<UInt8>) -> HTMLTag? {
      var slot = Self.slot(key)
      while lengths[slot] != 0 {
        if keys[slot] == key, lengths[slot] == length {
          if length <= 8 { return tags[slot] }
          let stored = names[slot]
          var index = 8
          while index < length, stored[index] == name[index] | (name[index] >= 0x41 && name[index] <= 0x5A ? 0x20 : 0) {
            index += 1
          }
          if index == length { return tags[slot] }
        }
        slot = (slot + 1) & 255
      }
      return nil
    }
  }
}
