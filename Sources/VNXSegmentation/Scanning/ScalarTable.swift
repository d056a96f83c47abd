/// What the word segmenter reads of a scalar, in one table load for the scalars Vietnamese text
/// is made of (U+0000…U+024F and the Vietnamese block U+1E00…U+1EFF): its lowercase form, the
/// toneless form of that (`Reduplication.toneless`), whether that is a vowel, whether the
/// scalar is a digit, an uppercase letter (its lowercase form differs and it is no digit), and
/// a letter or digit to the scanner (`ScalarClass`).
///
///     ScalarTable.lower(ScalarTable.entry(0x1EA4))   // 0x1EA5: "Ấ" → "ấ"
///     ScalarTable.toneless(ScalarTable.entry(0x1EA4))   // 0xE2: "â"
///
/// Each entry is computed by `LetterCase` and `Reduplication` themselves, so the table agrees
/// with them by construction; other scalars are computed on the spot.
enum ScalarTable {
  /// The entries, in memory that is never freed: a pointer read once per text, not a
  /// lazily initialized global read per scalar.
  nonisolated(unsafe) static let entries: UnsafePointer<UInt64> = {
    let table = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
    for value in 0..<UInt32(latinEnd) { table[Int(value)] = make(value) }
    for offset in 0..<UInt32(0x100) { table[latinEnd + Int(offset)] = make(0x1E00 + offset) }
    return UnsafePointer(table)
  }()

  private static let latinEnd = 0x250
  private static let count = latinEnd + 0x100

  static let vowelBit: UInt64 = 1 << 42
  static let digitBit: UInt64 = 1 << 43
  static let upperBit: UInt64 = 1 << 44
  static let alphanumericBit: UInt64 = 1 << 45

  /// The entry of `value`: lowercase form in bits 0…20, its toneless form in bits 21…41, then
  /// the vowel, digit, uppercase and letter-or-digit bits.
  ///
  /// The table position is chosen by a select, not a branch: Vietnamese text alternates ASCII
  /// letters with those of U+1E00…U+1EFF, and a branch on the range would be mispredicted at
  /// every switch. The one branch left (inside the table or not) is taken for nearly every
  /// scalar.
  @inline(__always)
  static func entry(_ value: UInt32, _ table: UnsafePointer<UInt64>) -> UInt64 {
    // U+1E00…U+1EFF lands at `latinEnd…`; any other scalar past U+024F at `count`, outside.
    let vietnamese = value &- 0x1E00
    let outside = vietnamese < 0x100 ? vietnamese &+ UInt32(latinEnd) : UInt32(count)
    let position = value < UInt32(latinEnd) ? value : outside
    if position < UInt32(count) { return table[Int(position)] }
    return make(value)
  }

  /// Whether the scanner counts `value` as a letter or a digit (`ScalarClass`).
  @inline(__always)
  static func isAlphanumeric(_ value: UInt32, _ table: UnsafePointer<UInt64>) -> Bool {
    entry(value, table) & alphanumericBit != 0
  }

  static func entry(_ value: UInt32) -> UInt64 { entry(value, entries) }

  @inline(__always)
  static func lower(_ entry: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: entry) & 0x1F_FFFF }

  @inline(__always)
  static func toneless(_ entry: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: entry >> 21) & 0x1F_FFFF
  }

  @inline(never)
  private static func make(_ value: UInt32) -> UInt64 {
    let lower = LetterCase.lower(value)
    let toneless = lower < 0x80 ? lower : Reduplication.toneless(lower)
    var entry = UInt64(lower) | UInt64(toneless) << 21
    if Reduplication.isVowel(toneless) { entry |= vowelBit }
    let isDigit = value >= 0x30 && value <= 0x39
    if isDigit { entry |= digitBit }
    if !isDigit && lower != value { entry |= upperBit }
    let scalarClass = ScalarClass(value)
    if scalarClass == .letter || scalarClass == .digit { entry |= alphanumericBit }
    return entry
  }
}
