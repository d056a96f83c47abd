/// What the word segmenter reads of a scalar, in one table load for the scalars Vietnamese text
/// is made of (U+0000…U+024F and the Vietnamese block U+1E00…U+1EFF): its lowercase form, the
/// toneless form of that (`Reduplication.toneless`), whether that is a vowel, and whether the
/// scalar is a digit.
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

  /// The entry of `value`: lowercase form in bits 0…20, its toneless form in bits 21…41, then
  /// the vowel and digit bits.
  @inline(__always)
  static func entry(_ value: UInt32, _ table: UnsafePointer<UInt64>) -> UInt64 {
    if value < UInt32(latinEnd) { return table[Int(value)] }
    let offset = value &- 0x1E00
    if offset < 0x100 { return table[latinEnd + Int(offset)] }
    return make(value)
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
    if value >= 0x30 && value <= 0x39 { entry |= digitBit }
    return entry
  }
}
