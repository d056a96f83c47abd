/// A hash table keyed by 64-bit hashes of words and phrases (`PhraseKey`,
/// `QuantityPieces.hash`), which are already well mixed: a multiply picks the slot, so a
/// look-up is one probe or two in one array, with none of `Dictionary`'s SipHash.
///
///     var roles = HashKeyTable<Int>()
///     roles[PhraseKey.combine(Cue.chi, Cue.bộ)] = 1
///     roles[PhraseKey.combine(Cue.chi, Cue.bộ)]   // 1
///
/// Open addressing with linear probing at most half full; entries are never removed.
struct HashKeyTable<Value> {
  private struct Slot {
    var key: UInt64
    /// Index into `values`; -1 for an empty slot.
    var index: Int32
  }

  private var slots: [Slot]
  private var values: [Value] = []
  /// 64 minus the number of bits of the slot index.
  private var shift: UInt64

  init() {
    slots = Array(repeating: Slot(key: 0, index: -1), count: 8)
    shift = 61
  }

  /// A table that takes `minimumCapacity` entries without growing.
  init(minimumCapacity: Int) {
    var size = 8
    var shift: UInt64 = 61
    while size < minimumCapacity * 2 + 2 {
      size <<= 1
      shift -= 1
    }
    slots = Array(repeating: Slot(key: 0, index: -1), count: size)
    self.shift = shift
    values.reserveCapacity(minimumCapacity)
  }

  init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (UInt64, Value) {
    self.init()
    for (key, value) in pairs where self[key] == nil { self[key] = value }
  }

  var count: Int { values.count }

  @inline(__always) private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: ((key ^ (key >> 31)) &* 0x9e37_79b9_7f4a_7c15) >> shift)
  }

  /// The slot holding `key`, or the empty slot where it would go.
  @inline(__always) private func find(_ key: UInt64) -> (slot: Int, index: Int32) {
    slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = home(key)
      while true {
        let entry = slots[slot]
        if entry.index < 0 || entry.key == key { return (slot, entry.index) }
        slot = (slot + 1) & mask
      }
    }
  }

  subscript(key: UInt64) -> Value? {
    @inline(__always) get {
      let found = find(key)
      return found.index < 0 ? nil : values[Int(found.index)]
    }
    set {
      guard let newValue else { preconditionFailure("HashKeyTable does not remove entries") }
      let found = find(key)
      if found.index >= 0 {
        values[Int(found.index)] = newValue
        return
      }
      slots[found.slot] = Slot(key: key, index: Int32(values.count))
      values.append(newValue)
      if values.count * 2 > slots.count { grow() }
    }
  }

  @inline(__always) func contains(_ key: UInt64) -> Bool { find(key).index >= 0 }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(key: 0, index: -1), count: old.count * 2)
    shift -= 1
    for entry in old where entry.index >= 0 {
      var slot = home(entry.key)
      while slots[slot].index >= 0 { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = entry
    }
  }
}

extension HashKeyTable: Sendable where Value: Sendable {}

/// A set of 64-bit word and phrase hashes (`HashKeyTable` without values).
struct HashKeySet: Sendable {
  private var table = HashKeyTable<Bool>()

  init() {}

  init<Keys: Sequence>(_ keys: Keys) where Keys.Element == UInt64 {
    for key in keys { insert(key) }
  }

  var count: Int { table.count }

  mutating func insert(_ key: UInt64) { table[key] = true }

  @inline(__always) func contains(_ key: UInt64) -> Bool { table.contains(key) }
}
