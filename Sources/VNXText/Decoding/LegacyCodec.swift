/// What the legacy 8-bit Vietnamese encodings share: dispatch, and the bytes they all took
/// from Windows-1252 because their fonts were ANSI fonts (smart quotes, dashes, ellipsis).
enum LegacyCodec {
  /// Decodes the whole input in a font encoding or VIQR (never fails: every byte means something).
  static func decode(_ bytes: some Collection<UInt8>, as encoding: TextEncoding) -> DecodedText {
    switch encoding {
    case .tcvn3:
      let (text, restored) = TCVN3Capitals.restore(TCVN3Codec.decode(bytes))
      return DecodedText(
        text: text, encoding: .tcvn3,
        warnings: restored == 0
          ? [] : ["TCVN3 has no capitals with tone marks: \(restored) restored from context"])
    case .vniWindows: return DecodedText(text: VNIWindowsCodec.decode(bytes), encoding: .vniWindows)
    case .viqr:
      let body = ArraySlice(bytes)
      let utf8 = TextDecoder.utf8(body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body)
      return DecodedText(
        text: VIQRCodec.decode(utf8.text), encoding: .viqr, replacements: utf8.replacements,
        warnings: utf8.warnings)
    default: return TextDecoder.utf8(ArraySlice(bytes))
    }
  }

  /// Windows-1252's 0x80–0x9F; its five undefined bytes stay C1 controls (as ICU maps them).
  static let windows1252High: [Unicode.Scalar] = [
    "\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}",
    "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}",
  ]

  /// A 256-entry byte table: ASCII, Windows-1252 punctuation at 0x80–0x9F, Latin-1 above,
  /// overridden by the encoding's own letters.
  static func byteTable(letters: [UInt8: Unicode.Scalar]) -> [Unicode.Scalar] {
    var table = (0...255).map { Unicode.Scalar(UInt8($0)) }
    for byte in 0x80...0x9F { table[byte] = windows1252High[byte - 0x80] }
    for (byte, letter) in letters { table[Int(byte)] = letter }
    return table
  }

  /// The reverse of a byte table, for the scalars that are one byte in the encoding. A Latin-1
  /// letter read from an unassigned byte is not written back there: the fonts drew something
  /// else at that byte.
  static func reverse(_ table: [Unicode.Scalar], letters: [UInt8: Unicode.Scalar]) -> [UInt32: UInt8] {
    var reverse: [UInt32: UInt8] = [:]
    for (byte, scalar) in table.enumerated() {
      if byte >= 0xC0 && letters[UInt8(byte)] == nil { continue }
      reverse[scalar.value] = UInt8(byte)
    }
    return reverse
  }

  /// The text as NFC scalars, so precomposed letters can be looked up.
  static func nfcScalars(_ text: String) -> String.UnicodeScalarView {
    ((try? ICU.nfc(text)) ?? text).unicodeScalars
  }

  /// What encoders write for a character the encoding cannot hold.
  static let substitute: UInt8 = 0x3F  // "?"
}
