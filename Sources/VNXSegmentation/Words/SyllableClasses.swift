/// Closed classes of syllables (classifiers, directional co-verbs, demonstratives, aspect
/// markers, prepositions…; `lexicons/segmentation/syllable-classes.txt`), looked up by the
/// hash of a syllable's lowercase form.
///
///     classes.of(hash("ấy"))   // the class of demonstratives
///
/// The table is perfect for its keys: each key has a slot of its own, found by one multiply
/// and shift, so that a lookup is one load and one compare, with no probing (the segmenter
/// reads the class of every token). A slot holds the top 27 bits of the key's hash above its
/// class: the 235 syllables of the shipped list fit in 4,096 slots (16 KB).
struct SyllableClasses: Sendable {
  /// The largest class number (classes take 5 bits).
  static let maximumClass = 31

  /// The classes by syllable hash, as given (for the model file).
  private(set) var entries: [(hash: UInt64, syllableClass: UInt8)] = []
  private var slots: [UInt32] = [0]
  private var multiplier: UInt64 = 0
  private var shift: UInt64 = 63

  init() {}

  /// `entries`: syllable hashes and their classes (1…31); a hash given twice keeps its first
  /// class.
  init(_ entries: [(hash: UInt64, syllableClass: UInt8)]) {
    var seen = Set<UInt64>()
    self.entries = entries.filter {
      $0.syllableClass > 0 && Int($0.syllableClass) <= Self.maximumClass
        && seen.insert($0.hash).inserted
    }
    guard !self.entries.isEmpty else { return }
    // The smallest table (at least 16 slots per key) for which one of the first 4,096
    // multipliers of a fixed sequence gives every key its own slot: deterministic.
    var bits = 4
    while 1 << bits < 16 * self.entries.count { bits += 1 }
    var generator = SplitMix(seed: 0x636c_6173_7365_7321)
    while true {
      let shift = UInt64(64 - bits)
      for _ in 0..<4096 {
        let candidate = generator.next() | 1
        var slots = [UInt32](repeating: 0, count: 1 << bits)
        var perfect = true
        for entry in self.entries {
          let slot = Int(truncatingIfNeeded: (entry.hash &* candidate) >> shift)
          if slots[slot] != 0 {
            perfect = false
            break
          }
          slots[slot] = Self.fingerprint(entry.hash) | UInt32(entry.syllableClass)
        }
        guard perfect else { continue }
        multiplier = candidate
        self.shift = shift
        self.slots = slots
        return
      }
      bits += 1
    }
  }

  @inline(__always)
  private static func fingerprint(_ hash: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: hash >> 37) << 5
  }

  /// How many slots the table has.
  var capacity: Int { slots.count }

  var isEmpty: Bool { entries.isEmpty }

  /// The class of the syllable whose lowercase hash is `hash`, 0 when it has none.
  @inline(__always)
  func of(_ hash: UInt64) -> UInt8 {
    let found = slots[Int(truncatingIfNeeded: (hash &* multiplier) >> shift)]
    return found & ~31 == Self.fingerprint(hash) ? UInt8(found & 31) : 0
  }

  /// The class of each hash of `hashes`, in `classes[offset + k]` for `hashes[k]`.
  @inline(__always)
  func classify(
    _ hashes: UnsafeBufferPointer<UInt64>, into classes: UnsafeMutableBufferPointer<UInt8>,
    offset: Int
  ) {
    slots.withUnsafeBufferPointer { slots in
      for k in 0..<hashes.count {
        let hash = hashes[k]
        let found = slots[Int(truncatingIfNeeded: (hash &* multiplier) >> shift)]
        classes[offset + k] = found & ~31 == Self.fingerprint(hash) ? UInt8(found & 31) : 0
      }
    }
  }
}
