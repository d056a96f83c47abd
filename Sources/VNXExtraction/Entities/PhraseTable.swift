/// Case-folded hashes of tokens and token sequences, so that lexicon look-ups cost one
/// dictionary probe per token and allocate nothing.
///
///     let key = PhraseKey.token(scalars, 0..<3)     // "Ủy" and "ủy" hash alike
enum PhraseKey {
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Lowercase of a Vietnamese letter; ASCII by arithmetic, Latin blocks by a table.
  @inline(__always) static func lower(_ value: UInt32) -> UInt32 {
    if value < 0x80 { return value &- 0x41 < 26 ? value | 0x20 : value }
    return lower(value, lowerTable)
  }

  /// `lower(value)` with the table fetched once by the caller (a hot loop).
  @inline(__always) static func lower(_ value: UInt32, _ table: [UInt32]) -> UInt32 {
    if value < 0x80 { return value &- 0x41 < 26 ? value | 0x20 : value }
    if value == 0x2019 || value == 0x2018 || value == 0x02BC { return 0x27 }  // ’ → '
    if value < UInt32(table.count) { return table[Int(value)] }
    return value
  }

  /// `lower(value)` with the table's storage fetched once by the caller.
  @inline(__always) static func lower(_ value: UInt32, _ table: UnsafeBufferPointer<UInt32>)
    -> UInt32
  {
    if value < 0x80 { return value &- 0x41 < 26 ? value | 0x20 : value }
    if value == 0x2019 || value == 0x2018 || value == 0x02BC { return 0x27 }  // ’ → '
    if value < UInt32(table.count) { return table[Int(value)] }
    return value
  }

  @inline(__always) static func isUpper(_ value: UInt32) -> Bool {
    if value < 0x80 { return value &- 0x41 < 26 }
    return value < UInt32(lowerTable.count) && lowerTable[Int(value)] != value
  }

  static let lowerTable: [UInt32] = (0..<0x2000).map { value in
    guard let scalar = Unicode.Scalar(UInt32(value)) else { return UInt32(value) }
    let mapped = scalar.properties.lowercaseMapping.unicodeScalars
    return mapped.count == 1 ? mapped.first!.value : UInt32(value)
  }

  /// The hash of one token's scalars, case-folded.
  @inline(__always) static func token(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>)
    -> UInt64
  {
    var hash = seed
    let table = lowerTable
    for index in range {
      hash = (hash ^ UInt64(lower(scalars[index], table))) &* 0x100_0000_01b3
    }
    return hash
  }

  /// The hash of a sequence: `combine(combine(first, second), third)`.
  @inline(__always) static func combine(_ sequence: UInt64, _ token: UInt64) -> UInt64 {
    let mixed = (sequence ^ (token &+ 0x9e37_79b9_7f4a_7c15)) &* 0xbf58_476d_1ce4_e5b9
    return mixed ^ (mixed >> 31)
  }
}

/// A lexicon of multi-token phrases keyed by case-folded token hashes.
///
/// `longestMatch` probes one slot per token of the candidate span, so finding
/// "Phòng Nông nghiệp và Phát triển nông thôn" at a position costs at most `maxLength` probes.
/// Each slot holds a hash with what it is: an entry (its value's index), the proper prefix of
/// a longer entry, or both, so that one probe says whether to take a value and whether to
/// read on (one cache line per token, where an entry table and a prefix set took two).
struct PhraseTable<Value: Sendable>: Sendable {
  /// A hash and what it is: `info` is 0 for an empty slot; else `prefixMark` when a longer
  /// entry starts with it, and in the low bits 1 + the index of its value (0 for none).
  private struct Slot {
    var key: UInt64
    var info: UInt32
  }

  private static var prefixMark: UInt32 { 1 << 31 }
  private static var valueBits: UInt32 { prefixMark - 1 }

  /// This table's bit in the per-token mask of `FirstWordMask`.
  let bit: UInt16
  /// The hashes of every entry's first token.
  private(set) var firstTokens: Set<UInt64> = []
  /// Open addressing with linear probing, at most half full; a power of two.
  private var slots = [Slot](repeating: Slot(key: 0, info: 0), count: 8)
  /// 64 minus the number of bits of a slot index.
  private var shift: UInt64 = 61
  private var used = 0
  private var values: [Value] = []
  private(set) var maxLength = 0

  init(bit: UInt16) { self.bit = bit }

  /// The number of entries.
  var count: Int { values.count }

  /// Adds a phrase given as its token hashes; an existing entry is merged with `merge`.
  mutating func insert(
    _ tokens: [UInt64], _ value: Value, merge: (inout Value, Value) -> Void = { $0 = $1 }
  ) {
    guard !tokens.isEmpty else { return }
    firstTokens.insert(tokens[0])
    var hash = tokens[0]
    for token in tokens.dropFirst() {
      mark(hash, Self.prefixMark)
      hash = PhraseKey.combine(hash, token)
    }
    let info = slots[find(hash)].info & Self.valueBits
    if info != 0 {
      merge(&values[Int(info) - 1], value)
    } else {
      values.append(value)
      mark(hash, UInt32(values.count))
    }
    maxLength = max(maxLength, tokens.count)
  }

  /// The value of the phrase of these token hashes.
  func value(_ tokens: [UInt64]) -> Value? {
    guard var hash = tokens.first else { return nil }
    for token in tokens.dropFirst() { hash = PhraseKey.combine(hash, token) }
    let info = slots.withUnsafeBufferPointer { $0[find(hash, in: $0)].info } & Self.valueBits
    return info == 0 ? nil : values[Int(info) - 1]
  }

  /// The longest entry made of `hashes[start..<end']` with `end' <= limit`: (length, value).
  func longestMatch(_ hashes: UnsafeMutableBufferPointer<UInt64>, at start: Int, limit: Int)
    -> (length: Int, value: Value)?
  {
    guard start < limit else { return nil }
    var found: (length: Int, info: UInt32)?
    slots.withUnsafeBufferPointer { slots in
      var hash = hashes[start]
      var index = start
      while true {
        let info = slots[find(hash, in: slots)].info
        if info & Self.valueBits != 0 { found = (index - start + 1, info & Self.valueBits) }
        index += 1
        guard index < limit, index - start < maxLength, info & Self.prefixMark != 0 else { break }
        hash = PhraseKey.combine(hash, hashes[index])
      }
    }
    guard let found else { return nil }
    return (found.length, values[Int(found.info) - 1])
  }

  @inline(__always) private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: ((key ^ (key >> 31)) &* 0x9e37_79b9_7f4a_7c15) >> shift)
  }

  /// The slot holding `key`, or the empty slot where it would go.
  @inline(__always) private func find(_ key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Int {
    let mask = slots.count - 1
    var slot = home(key)
    while slots[slot].info != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
    return slot
  }

  private func find(_ key: UInt64) -> Int {
    slots.withUnsafeBufferPointer { find(key, in: $0) }
  }

  /// Adds `info`'s bits to the slot of `key`, taking a slot for it when it has none.
  private mutating func mark(_ key: UInt64, _ info: UInt32) {
    let slot = find(key)
    if slots[slot].info == 0 {
      slots[slot].key = key
      used += 1
    }
    slots[slot].info |= info
    if used * 2 > slots.count { grow() }
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(key: 0, info: 0), count: old.count * 2)
    shift -= 1
    for entry in old where entry.info != 0 { slots[find(entry.key)] = entry }
  }
}
