/// HTML character references left in scraped text: `&agrave;`, `&#7897;`, `&#x1EA1;`.
enum CharacterReference {
  /// Latin-1 names, in code point order from U+00A0.
  private static let latin1 = """
    nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg \
    plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
    Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute \
    Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml \
    Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc \
    euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash \
    ugrave uacute ucirc uuml yacute thorn yuml
    """

  private static let others: [(String, UInt32)] = [
    ("quot", 0x22), ("amp", 0x26), ("apos", 0x27), ("lt", 0x3C), ("gt", 0x3E),
    ("Abreve", 0x102), ("abreve", 0x103), ("Dstrok", 0x110), ("dstrok", 0x111),
    ("Itilde", 0x128), ("itilde", 0x129), ("Utilde", 0x168), ("utilde", 0x169),
    ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160), ("scaron", 0x161),
    ("Yuml", 0x178), ("fnof", 0x192), ("circ", 0x2C6), ("tilde", 0x2DC),
    ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009), ("zwnj", 0x200C), ("zwj", 0x200D),
    ("lrm", 0x200E), ("rlm", 0x200F), ("ndash", 0x2013), ("mdash", 0x2014),
    ("lsquo", 0x2018), ("rsquo", 0x2019), ("sbquo", 0x201A), ("ldquo", 0x201C),
    ("rdquo", 0x201D), ("bdquo", 0x201E), ("dagger", 0x2020), ("Dagger", 0x2021),
    ("bull", 0x2022), ("hellip", 0x2026), ("permil", 0x2030), ("prime", 0x2032),
    ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A), ("euro", 0x20AC),
    ("trade", 0x2122), ("larr", 0x2190), ("rarr", 0x2192), ("minus", 0x2212),
    ("asymp", 0x2248), ("ne", 0x2260), ("le", 0x2264), ("ge", 0x2265), ("infin", 0x221E),
  ]

  private static let names: [[UInt8]: Unicode.Scalar] = {
    var table: [[UInt8]: Unicode.Scalar] = [:]
    for (index, name) in latin1.split(separator: " ").enumerated() {
      table[Array(name.utf8)] = Unicode.Scalar(UInt32(0xA0 + index))
    }
    for (name, value) in others { table[Array(name.utf8)] = Unicode.Scalar(value) }
    return table
  }()

  /// Reads a reference starting at `bytes[start]` (which is `&`).
  /// Returns the scalar and the number of bytes the reference takes, or nil.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
    let limit = min(bytes.count, start + 12)
    var end = start + 1
    while end < limit, bytes[end] != UInt8(ascii: ";") { end += 1 }
    guard end < limit, end > start + 1 else { return nil }
    let length = end - start + 1
    if bytes[start + 1] == UInt8(ascii: "#") {
      var value: UInt32 = 0
      var index = start + 2
      let hex = index < end && (bytes[index] | 0x20) == UInt8(ascii: "x")
      if hex { index += 1 }
      guard index < end else { return nil }
      while index < end {
        let byte = bytes[index]
        let digit: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - 55)
        default: return nil
        }
        value = value * (hex ? 16 : 10) + digit
        index += 1
      }
      return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
    let name = Array(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]))
    guard let scalar = names[name] else { return nil }
    return (scalar, length)
  }
}
