/// A set of short UTF-8 strings (lexicon words) asked about with byte slices, so that a
/// lookup allocates nothing: open addressing over FNV-1a hashes, keys in one byte pool.
///
///     let stopWords = ByteStringSet(["của", "và", "là"])
///     stopWords.contains(Array("và".utf8)[...])   // true
struct ByteStringSet: Sendable {
  private var pool: [UInt8] = []
  /// Start and end of each key in `pool`.
  private var keys: [(start: Int32, end: Int32)] = []
  /// Key index + 1 per slot, 0 when empty.
  private var slots: [Int32]
  private var mask: Int

  init(_ words: some Sequence<String>) {
    let unique = Array(Set(words))
    var capacity = 16
    while capacity < unique.count * 2 { capacity <<= 1 }
    slots = [Int32](repeating: 0, count: capacity)
    mask = capacity - 1
    for word in unique {
      let start = pool.count
      pool.append(contentsOf: word.utf8)
      keys.append((Int32(start), Int32(pool.count)))
      var slot = Self.hash(Array(word.utf8)[...]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(keys.count)
    }
  }

  var count: Int { keys.count }

  @inline(__always)
  static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.withUnsafeBufferPointer { hash($0) }
  }

  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: hash ^ hash >> 29)
  }

  func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { contains($0) }
  }

  /// One probe sequence over raw buffers: no slice bounds checks or retains per comparison.
  func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    slots.withUnsafeBufferPointer { slots in
      keys.withUnsafeBufferPointer { keys in
        pool.withUnsafeBufferPointer { pool in
          var slot = Self.hash(bytes) & mask
          while true {
            let entry = Int(slots[slot])
            if entry == 0 { return false }
            let key = keys[entry &- 1]
            let length = Int(key.end &- key.start)
            if length == bytes.count {
              var offset = 0
              let start = Int(key.start)
              while offset < length, pool[start &+ offset] == bytes[offset] { offset &+= 1 }
              if offset == length { return true }
            }
            slot = (slot &+ 1) & mask
          }
        }
      }
    }
  }

  func contains(_ word: some StringProtocol) -> Bool {
    contains(Array(word.utf8)[...])
  }
}
