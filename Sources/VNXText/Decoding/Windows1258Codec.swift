/// Windows-1258, Microsoft's Vietnamese code page, through ICU's converter.
///
/// The code page has the letters with vowel marks (ă â ê ô ơ ư đ) but writes the five tones
/// as combining marks after the letter, so decoded text is not NFC (normalization composes it).
public enum Windows1258Codec {
  static let charset = "windows-1258"

  /// Decodes Windows-1258 bytes (`ucnv_toUChars`); bytes the code page leaves undefined give U+FFFD.
  public static func decode(_ bytes: some Collection<UInt8>) throws -> String {
    try ICU.decode(bytes, charset: charset)
  }

  /// Encodes text the way Windows writes Vietnamese: base letter, then a combining tone mark.
  /// Characters outside the code page become ICU's substitute byte.
  public static func encode(_ text: String) throws -> [UInt8] {
    var decomposed = String.UnicodeScalarView()
    for scalar in LegacyCodec.nfcScalars(text) {
      if let vowel = VietnameseLetter.vowel(scalar), let mark = vowel.tone.combiningMark,
        let base = VietnameseLetter.compose(base: vowel.base, tone: .level, uppercase: vowel.uppercase)
      {
        decomposed.append(base)
        decomposed.append(mark)
      } else {
        decomposed.append(scalar)
      }
    }
    return try ICU.encode(String(decomposed), charset: charset)
  }
}
