/// The NFC form of an ASCII letter followed by one or two of the combining marks Vietnamese
/// letters decompose into (U+0300 ◌̀, U+0301 ◌́, U+0302 ◌̂, U+0303 ◌̃, U+0306 ◌̆, U+0309 ◌̉,
/// U+031B ◌̛, U+0323 ◌̣), read from a flat table: decomposed text (macOS, NFD) is almost
/// only such letters, and a table index costs less than `NFCSegmentCache`'s hash probe.
///
///     // "e" U+0323 U+0302 (65 CC A3 CC 82) → "ệ" (E1 BB 87), its length and flags
///     VietnameseComposition.entry(letter: 0x65, first: 0xA3, second: 0x82)
///
/// The table is filled once through ICU (`unorm2_normalize`, 12 letters × 72 mark pairs),
/// so ICU stays the one authority on NFC. A sequence whose NFC form is not one BMP scalar
/// (`a` U+0300 U+0302 stays two scalars) has no entry and goes the general way.
enum VietnameseComposition {
  /// Row of a mark: 1-8 for the marks above by the low six bits of their second UTF-8 byte
  /// (they all start with 0xCC), 0 for any other.
  nonisolated(unsafe) static let markRows: UnsafeBufferPointer<UInt8> = {
    let rows = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
    rows.initialize(repeating: 0)
    for (row, mark) in marks.enumerated() { rows[Int(mark - 0x300)] = UInt8(row + 1) }
    return UnsafeBufferPointer(rows)
  }()

  static let marks: [UInt32] = [0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31B, 0x323]

  /// Entries by letter (its ASCII byte), first mark row and second mark row (0: none):
  /// `letter * 81 + first * 9 + second`. An entry holds the composed scalar's UTF-8 bytes
  /// in its low 32 bits (little-endian), their count in bits 32-39 and the scalar's
  /// `NormalizedTextWriter.scalarFlags` in bits 40-47; 0 when there is no single scalar.
  /// Allocated once and never freed (read in the normalizer's loop without bounds checks).
  nonisolated(unsafe) static let table: UnsafeBufferPointer<UInt64> = {
    let table = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 128 * 81)
    table.initialize(repeating: 0)
    let flags = NormalizedTextWriter.scalarFlags
    // Only vowels take these marks in Vietnamese; other letters go the general way.
    for letter in "aeiouyAEIOUY".utf8 {
      for first in 1...8 {
        for second in 0...8 {
          var segment = [letter]
          UTF8Scalars.append(marks[first - 1], to: &segment)
          if second > 0 { UTF8Scalars.append(marks[second - 1], to: &segment) }
          var composed: [UInt8] = []
          guard
            (try? segment.withUnsafeBufferPointer { try ICU.appendNFC(ofUTF8: $0, to: &composed) })
              != nil,
            composed.count >= 2, composed.count <= 3,
            composed.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 })
          else { continue }
          let (value, _) = composed.withUnsafeBufferPointer { UTF8Scalars.decode($0, at: 0) }
          var entry = UInt64(composed.count) << 32 | UInt64(flags[Int(value)]) << 40
          for (index, byte) in composed.enumerated() { entry |= UInt64(byte) << (8 * UInt64(index)) }
          table[Int(letter) * 81 + first * 9 + second] = entry
        }
      }
    }
    return UnsafeBufferPointer(table)
  }()

  /// The entry of ASCII `letter` followed by the marks whose second UTF-8 bytes are `first`
  /// and `second` (nil: one mark only); 0 when the table has none.
  static func entry(letter: UInt8, first: UInt8, second: UInt8?) -> UInt64 {
    entry(letter: letter, first: first, second: second, rows: markRows, table: table)
  }

  /// `entry(letter:first:second:)` with the tables in the caller's locals (a static read costs
  /// a `swift_once` check each time).
  @inline(__always)
  static func entry(
    letter: UInt8, first: UInt8, second: UInt8?, rows: UnsafeBufferPointer<UInt8>,
    table: UnsafeBufferPointer<UInt64>
  ) -> UInt64 {
    let firstRow = Int(rows[Int(first & 0x3F)])
    guard firstRow != 0 else { return 0 }
    var secondRow = 0
    if let second {
      secondRow = Int(rows[Int(second & 0x3F)])
      guard secondRow != 0 else { return 0 }
    }
    return table[Int(letter & 0x7F) &* 81 &+ firstRow &* 9 &+ secondRow]
  }
}
