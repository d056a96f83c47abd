/// Closed classes of syllables (classifiers, directional co-verbs, demonstratives, aspect
/// markers, prepositions…; `lexicons/segmentation/syllable-classes.txt`), looked up by the
/// hash of a syllable's lowercase form.
///
///     classes.of(hash("ấy"))   // the class of demonstratives
///
/// The table is perfect for its keys: each key has a slot of its own, found by one multiply
/// and shift, so that a lookup is one load and one compare, with no probing (the segmenter
/// reads the class of every token). About a hundred syllables fit in 1,024 slots (9 KB).
struct SyllableClasses: Sendable {
  /// The largest class number (classes take 5 bits).
  static let maximumClass = 31

  /// The classes by syllable hash, as given (for the model file).
  private(set) var entries: [(hash: UInt64, syllableClass: UInt8)] = []
  private var keys: [UInt64] = [0]
  private var values: [UInt8] = [0]
  private var multiplier: UInt64 = 0
  private var shift: UInt64 = 63

  init() {}

  /// `entries`: syllable hashes and their classes (1…15); a hash given twice keeps its first
  /// class.
  init(_ entries: [(hash: UInt64, syllableClass: UInt8)]) {
    var seen = Set<UInt64>()
    self.entries = entries.filter {
      $0.syllableClass > 0 && Int($0.syllableClass) <= Self.maximumClass && seen.insert($0.hash).inserted
    }
    guard !self.entries.isEmpty else { return }
    // The smallest table (at least 8 slots per key) and the first multiplier of a fixed
    // sequence that give every key its own slot: deterministic for the same keys.
    var bits = 3
    while 1 << bits < 8 * self.entries.count { bits += 1 }
    var generator = SplitMix(seed: 0x636c_6173_7365_7321)
    while true {
      for _ in 0..<64 {
        let candidate = generator.next() | 1
        let shift = UInt64(64 - bits)
        var slots = [UInt8](repeating: 0, count: 1 << bits)
        var perfect = true
        for entry in self.entries {
          let slot = Int(truncatingIfNeeded: (entry.hash &* candidate) >> shift)
          if slots[slot] != 0 {
            perfect = false
            break
          }
          slots[slot] = entry.syllableClass
        }
        guard perfect else { continue }
        multiplier = candidate
        self.shift = shift
        values = slots
        keys = [UInt64](repeating: 0, count: 1 << bits)
        for entry in self.entries {
          keys[Int(truncatingIfNeeded: (entry.hash &* candidate) >> shift)] = entry.hash
        }
        return
      }
      bits += 1
    }
  }

  var isEmpty: Bool { entries.isEmpty }

  /// The class of the syllable whose lowercase hash is `hash`, 0 when it has none.
  @inline(__always)
  func of(_ hash: UInt64) -> UInt8 {
    let slot = Int(truncatingIfNeeded: (hash &* multiplier) >> shift)
    return keys[slot] == hash ? values[slot] : 0
  }

  /// The class of each hash of `hashes`, in `classes[offset + k]` for `hashes[k]`.
  @inline(__always)
  func classify(
    _ hashes: UnsafeBufferPointer<UInt64>, into classes: UnsafeMutableBufferPointer<UInt8>,
    offset: Int
  ) {
    keys.withUnsafeBufferPointer { keys in
      values.withUnsafeBufferPointer { values in
        for k in 0..<hashes.count {
          let hash = hashes[k]
          let slot = Int(truncatingIfNeeded: (hash &* multiplier) >> shift)
          classes[offset + k] = keys[slot] == hash ? values[slot] : 0
        }
      }
    }
  }
}
