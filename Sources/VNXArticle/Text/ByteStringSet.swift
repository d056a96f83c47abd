/// A set of short UTF-8 strings (lexicon words) asked about with byte slices, so that a
/// lookup allocates nothing: open addressing over FNV-1a hashes, keys in one byte pool.
///
///     let stopWords = ByteStringSet(["của", "và", "là"])
///     stopWords.contains(Array("và".utf8)[...])   // true
///
/// A class that owns its tables as raw buffers, read without bounds checks or reference
/// counting (`LineShape` asks it about every word of a page); immutable once built.
final class ByteStringSet: @unchecked Sendable {
  private let pool: UnsafeMutableBufferPointer<UInt8>
  /// Start and end of each key in `pool`.
  private let keys: UnsafeMutableBufferPointer<(start: Int32, end: Int32)>
  /// Key index + 1 per slot, 0 when empty.
  private let slots: UnsafeMutableBufferPointer<Int32>
  private let mask: Int
  /// The longest key's length: longer words are no key, without hashing them.
  private let maximumLength: Int
  /// Keys of up to 8 bytes packed in a word (`packed`), by multiplicative hash, 0 when empty:
  /// a lookup of a short word is one multiplication and a compare or two.
  private let shortKeys: UnsafeMutableBufferPointer<UInt64>
  private let shortShift: UInt64

  init(_ words: some Sequence<String>) {
    let unique = Array(Set(words))
    var capacity = 16
    while capacity < unique.count * 2 { capacity <<= 1 }
    mask = capacity - 1
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: 0)
    keys = .allocate(capacity: unique.count)
    pool = .allocate(capacity: unique.reduce(0) { $0 + $1.utf8.count })
    var poolCount = 0
    var longest = 0
    for (number, word) in unique.enumerated() {
      let start = poolCount
      for byte in word.utf8 {
        pool[poolCount] = byte
        poolCount += 1
      }
      keys[number] = (Int32(start), Int32(poolCount))
      longest = max(longest, poolCount - start)
      var slot = Self.hash(UnsafeBufferPointer(rebasing: pool[start..<poolCount])) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number + 1)
    }
    maximumLength = longest
    var shortCapacity = 16
    var shift: UInt64 = 60
    while shortCapacity < unique.count * 4 {
      shortCapacity <<= 1
      shift -= 1
    }
    shortShift = shift
    shortKeys = .allocate(capacity: shortCapacity)
    shortKeys.initialize(repeating: 0)
    for word in unique where (1...8).contains(word.utf8.count) {
      let key = Array(word.utf8).withUnsafeBufferPointer { Self.packed($0) }
      var slot = Int(truncatingIfNeeded: (key &* Self.multiplier) >> shift)
      while shortKeys[slot] != 0 { slot = (slot + 1) & (shortCapacity - 1) }
      shortKeys[slot] = key
    }
  }

  private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// Up to 8 bytes in a word, the first in the low byte, the rest zero.
  @inline(__always)
  static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for index in bytes.indices.reversed() { key = key << 8 | UInt64(bytes[index]) }
    return key
  }

  /// Whether the word of 1 to 8 bytes, the last not NUL, packed in `key` (`packed`) is a key.
  @inline(__always)
  func containsShort(_ key: UInt64) -> Bool {
    // Wrapping and masking operators: the count is 16 or more, the shift below 64.
    let mask = shortKeys.count &- 1
    var slot = Int(truncatingIfNeeded: (key &* Self.multiplier) &>> shortShift)
    while true {
      let found = shortKeys[slot]
      if found == 0 { return false }
      if found == key { return true }
      slot = (slot &+ 1) & mask
    }
  }

  deinit {
    pool.deallocate()
    keys.deallocate()
    slots.deallocate()
    shortKeys.deallocate()
  }

  var count: Int { keys.count }

  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: hash ^ hash >> 29)
  }

  func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { contains($0) }
  }

  func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count <= maximumLength else { return false }
    // A last byte NUL would pack like a shorter word: such words take the long way.
    if bytes.count <= 8, !bytes.isEmpty, bytes[bytes.count - 1] != 0 { return containsShort(Self.packed(bytes)) }
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

  func contains(_ word: some StringProtocol) -> Bool {
    contains(Array(word.utf8)[...])
  }
}

/// A few short UTF-8 keys with a value each, asked about with byte slices (class and id
/// words of HTML elements): keys grouped by length, compared byte by byte, no allocation.
///
///     ByteStringTable(["menu": "navigation"]).value(of: Array("menu".utf8)[...])   // "navigation"
struct ByteStringTable: Sendable {
  /// Keys and values by key length.
  private let byLength: [[(key: [UInt8], value: String)]]

  init(_ entries: [String: String]) {
    var byLength: [[(key: [UInt8], value: String)]] = []
    for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
      let bytes = Array(key.utf8)
      while byLength.count <= bytes.count { byLength.append([]) }
      byLength[bytes.count].append((bytes, value))
    }
    self.byLength = byLength
  }

  func value(of word: ArraySlice<UInt8>) -> String? {
    guard word.count < byLength.count else { return nil }
    for entry in byLength[word.count] where entry.key.elementsEqual(word) { return entry.value }
    return nil
  }
}
