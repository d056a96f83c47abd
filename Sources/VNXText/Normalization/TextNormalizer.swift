/// Turns decoded text into the one form every later stage relies on.
///
/// In one pass over the UTF-8 bytes: HTML character references decoded; Ð/ð → Đ/đ;
/// zero-width characters, soft hyphens and controls dropped; NBSP and other spaces → space;
/// CR/CRLF → LF; full-width digits and Latin letters folded; runs of spaces collapsed,
/// spaces at line ends dropped, blank lines kept as one paragraph break; NFC through ICU
/// (`unorm2_normalize`) for the segments that need it; one tone-mark placement style.
/// Text already in this form is checked with a table lookup per scalar and never copied;
/// decomposed letters are composed once per distinct sequence (`NFCSegmentCache`).
///
///     TextNormalizer().normalize("Ho\u{300}a  Bi\u{300}nh").text   // "Hòa Bình"
///
/// Idempotent: `normalize(normalize(x).text).text == normalize(x).text`.
public struct TextNormalizer: Sendable {
  public var toneStyle: ToneStyle
  /// Decode HTML character references (`&agrave;`, `&#7897;`); off for HTML markup.
  public var decodesCharacterReferences: Bool
  /// Texts of this many bytes or more go through `PlainTokenCache` (tests set it to 0).
  var plainTokenMinimum = PlainTokenCache.minimumInput

  public init(toneStyle: ToneStyle = .old, decodesCharacterReferences: Bool = true) {
    self.toneStyle = toneStyle
    self.decodesCharacterReferences = decodesCharacterReferences
  }

  public func normalize(_ text: String) -> NormalizedText {
    normalize(text, repairsCharacters: true)
  }

  /// `normalize(_:)` for a caller that gives the string away: text that is already normal
  /// comes back as the same string, cut in place when only its end changes (a final line
  /// break), never copied.
  public func normalize(taking text: consuming String) -> NormalizedText {
    normalize(consuming: text, repairsCharacters: true, copiesPlainRuns: true)
  }

  /// With `repairsCharacters: false`, only NFC composition runs (conformance tests).
  /// `copiesPlainRuns: false` turns the fast path off (tests compare both paths).
  func normalize(_ text: String, repairsCharacters: Bool, copiesPlainRuns: Bool = true)
    -> NormalizedText
  {
    normalize(consuming: text, repairsCharacters: repairsCharacters, copiesPlainRuns: copiesPlainRuns)
  }

  private func normalize(
    consuming text: consuming String, repairsCharacters: Bool, copiesPlainRuns: Bool
  ) -> NormalizedText {
    var text = text
    var (result, prefix) = text.withUTF8 { bytes in
      var writer = NormalizedTextWriter(
        toneStyle: toneStyle, repairsCharacters: repairsCharacters, input: bytes,
        plainTokenMinimum: plainTokenMinimum)
      var index = 0
      var origin = 0
      let count = bytes.count
      while index < count {
        if copiesPlainRuns, writer.acceptsPlainRun {
          (index, origin) = writer.appendPlainRun(bytes, from: index, origin: origin)
          if index >= count { break }
        }
        let byte = bytes[index]
        if byte < 0x80 {
          if byte == UInt8(ascii: "&"), decodesCharacterReferences, repairsCharacters,
            let (scalar, length) = CharacterReference.read(bytes, at: index)
          {
            writer.repairs.characterReferencesDecoded += 1
            writer.put(scalar.value, origin: origin)
            index += length
            origin += length
            continue
          }
          if byte == 0x0D, repairsCharacters, index + 1 < count, bytes[index + 1] == 0x0A {
            writer.repairs.lineEndsReplaced += 1
            index += 1
            origin += 1
            continue
          }
          writer.put(UInt32(byte), origin: origin)
          index += 1
        } else {
          let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
          var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          writer.put(value, origin: origin, source: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
          index += length
        }
        origin += 1
      }
      return writer.finish(originalLength: origin)
    }
    if let prefix {
      if prefix < text.utf8.count {
        // On the string, not its scalar view: the view's removal rebuilds the whole string
        // scalar by scalar.
        text.removeSubrange(text.utf8.index(text.utf8.startIndex, offsetBy: prefix)...)
      }
      result.text = text
    }
    return result
  }
}
