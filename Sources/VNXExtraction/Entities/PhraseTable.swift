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
/// `longestMatch` probes one dictionary entry per token of the candidate span, so finding
/// "Phòng Nông nghiệp và Phát triển nông thôn" at a position costs at most `maxLength` probes.
struct PhraseTable<Value: Sendable>: Sendable {
  /// This table's bit in the per-token mask of `FirstWordMask`.
  let bit: UInt16
  /// The hashes of every entry's first token.
  private(set) var firstTokens: Set<UInt64> = []
  private(set) var entries = HashKeyTable<Value>()
  /// Hashes of every proper prefix of an entry, to stop probing early.
  private var prefixes = HashKeySet()
  private(set) var maxLength = 0

  init(bit: UInt16) { self.bit = bit }

  /// Adds a phrase given as its token hashes; an existing entry is merged with `merge`.
  mutating func insert(
    _ tokens: [UInt64], _ value: Value, merge: (inout Value, Value) -> Void = { $0 = $1 }
  ) {
    guard !tokens.isEmpty else { return }
    firstTokens.insert(tokens[0])
    var hash = tokens[0]
    for token in tokens.dropFirst() {
      prefixes.insert(hash)
      hash = PhraseKey.combine(hash, token)
    }
    if entries[hash] != nil { merge(&entries[hash]!, value) } else { entries[hash] = value }
    maxLength = max(maxLength, tokens.count)
  }

  func value(_ tokens: [UInt64]) -> Value? {
    guard var hash = tokens.first else { return nil }
    for token in tokens.dropFirst() { hash = PhraseKey.combine(hash, token) }
    return entries[hash]
  }

  /// The longest entry made of `hashes[start..<end']` with `end' <= limit`: (length, value).
  func longestMatch(_ hashes: UnsafeMutableBufferPointer<UInt64>, at start: Int, limit: Int)
    -> (length: Int, value: Value)?
  {
    guard start < limit else { return nil }
    var best: (Int, Value)?
    var hash = hashes[start]
    var index = start
    while true {
      if let value = entries[hash] { best = (index - start + 1, value) }
      index += 1
      guard index < limit, index - start < maxLength, prefixes.contains(hash) else { break }
      hash = PhraseKey.combine(hash, hashes[index])
    }
    return best
  }
}
