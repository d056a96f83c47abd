/// The normalized text cut into the pieces quantities are made of: syllables, digit runs
/// (with their Vietnamese separators kept inside: "1.234,5") and single symbols.
///
/// This is not a general tokenizer: it keeps exactly what reading quantities needs, such as
/// whether two pieces touch ("13/13", "COVID-19", "5,5") and where lines break. One pass over
/// the Unicode scalars; offsets are scalar offsets into the text.
struct QuantityPieces {
  enum Kind: Equatable { case word, number, symbol }

  struct Piece {
    var kind: Kind
    var start: Int
    var end: Int
    /// Lowercase text for words; the text itself otherwise.
    var key: String
    /// Whitespace separates this piece from the previous one.
    var spaced: Bool
    /// A line break separates this piece from the previous one.
    var newLine: Bool
    /// The word starts with an uppercase letter.
    var capitalized: Bool
  }

  let scalars: [Unicode.Scalar]
  private(set) var pieces: [Piece] = []

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
    var index = 0
    var spaced = true
    var newLine = true
    let count = scalars.count
    while index < count {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
        newLine = true
        spaced = true
        index += 1
        continue
      }
      if scalar.properties.isWhitespace {
        spaced = true
        index += 1
        continue
      }
      let start = index
      let kind: Kind
      if Self.isDigit(scalar) {
        kind = .number
        index += 1
        while index < count {
          let next = scalars[index]
          if Self.isDigit(next) {
            index += 1
          } else if next == "." || next == ",", index + 1 < count, Self.isDigit(scalars[index + 1]) {
            index += 2
          } else {
            break
          }
        }
      } else if Self.isLetter(scalar) {
        kind = .word
        index += 1
        while index < count {
          let next = scalars[index]
          if Self.isLetter(next) {
            index += 1
          } else if next == "'" || next == "’", index + 1 < count, Self.isLetter(scalars[index + 1]) {
            index += 2
          } else {
            break
          }
        }
        // Squared and cubed units: "m2", "km²", "m3".
        if index < count, index - start <= 2,
          ["2", "3", "²", "³"].contains(scalars[index]),
          index + 1 >= count || !(Self.isLetter(scalars[index + 1]) || Self.isDigit(scalars[index + 1]))
        {
          index += 1
        }
      } else {
        kind = .symbol
        index += 1
      }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars[start..<index])
      let string = String(text)
      pieces.append(
        Piece(
          kind: kind, start: start, end: index,
          key: kind == .word ? string.lowercased() : string, spaced: spaced, newLine: newLine,
          capitalized: kind == .word && scalar.properties.isUppercase))
      spaced = false
      newLine = false
    }
  }

  /// The text between two scalar offsets.
  func text(_ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
    }
    return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
  }
}
