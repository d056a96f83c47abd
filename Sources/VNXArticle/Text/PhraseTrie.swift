/// A byte trie of lexicon phrases, built once: which phrases start at a given position of
/// a lowercased UTF-8 line, in one walk however many phrases there are.
///
///     let trie = PhraseTrie(["lượt xem", "lượt tải"])
///     trie.matches(in: Array("lượt xem: 12".utf8)[...], from: 0)   // [0]
struct PhraseTrie: Sendable {
  /// The child of the root for each first byte (0 = none).
  private var root = [Int32](repeating: 0, count: 256)
  /// Per node: its outgoing edges `edges[edgeStart[node]..<edgeStart[node + 1]]`.
  private var edgeStart: [Int32] = []
  private var edges: [(byte: UInt8, child: Int32)] = []
  /// Per node: the phrases ending there, `ends[endStart[node]..<endStart[node + 1]]`.
  private var endStart: [Int32] = []
  private var ends: [Int32] = []
  /// One bit per hash of a phrase's first four bytes (`startsAt`): a position whose four
  /// bytes hash to a clear bit starts no phrase of four bytes or more, without a walk.
  private var quads = [UInt64](repeating: 0, count: 1 << (Self.quadBits - 6))
  /// First bytes of the phrases shorter than four bytes: these positions are always walked.
  private var shortFirst = [Bool](repeating: false, count: 256)
  private static let quadBits: UInt32 = 14

  init(_ phrases: [[UInt8]]) {
    var children: [[UInt8: Int]] = [[:]]
    var terminal: [[Int]] = [[]]
    for (index, phrase) in phrases.enumerated() where !phrase.isEmpty {
      var node = 0
      for byte in phrase {
        if let child = children[node][byte] {
          node = child
        } else {
          children.append([:])
          terminal.append([])
          children[node][byte] = children.count - 1
          node = children.count - 1
        }
      }
      terminal[node].append(index)
    }
    for phrase in phrases where !phrase.isEmpty {
      if phrase.count < 4 {
        shortFirst[Int(phrase[0])] = true
      } else {
        let slot = Self.quadSlot(phrase.withUnsafeBufferPointer { Self.quad($0.baseAddress!) })
        quads[slot >> 6] |= 1 << UInt64(slot & 63)
      }
    }
    for (byte, child) in children[0] { root[Int(byte)] = Int32(child) }
    for node in children.indices {
      edgeStart.append(Int32(edges.count))
      for (byte, child) in children[node].sorted(by: { $0.key < $1.key }) {
        edges.append((byte, Int32(child)))
      }
      endStart.append(Int32(ends.count))
      ends.append(contentsOf: terminal[node].map { Int32($0) })
    }
    edgeStart.append(Int32(edges.count))
    endStart.append(Int32(ends.count))
  }

  /// Calls `body` with the index of each phrase that `bytes` holds at `start`, shortest first.
  @inline(__always)
  func forEachMatch(in bytes: ArraySlice<UInt8>, from start: Int, _ body: (Int) -> Void) {
    guard start < bytes.endIndex else { return }
    var node = Int(root[Int(bytes[start])])
    var position = start + 1
    while node != 0 {
      for end in Int(endStart[node])..<Int(endStart[node + 1]) { body(Int(ends[end])) }
      guard position < bytes.endIndex else { return }
      let byte = bytes[position]
      var next = 0
      for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where edges[edge].byte >= byte {
        if edges[edge].byte == byte { next = Int(edges[edge].child) }
        break
      }
      node = next
      position += 1
    }
  }

  /// The phrases found at `start`, in lexicon order.
  func matches(in bytes: ArraySlice<UInt8>, from start: Int) -> [Int] {
    var found: [Int] = []
    forEachMatch(in: bytes, from: start) { found.append($0) }
    return found.sorted()
  }

  /// The four bytes at `pointer` as one little-endian word.
  @inline(__always)
  private static func quad(_ pointer: UnsafePointer<UInt8>) -> UInt32 {
    UInt32(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt32.self))
  }

  @inline(__always)
  private static func quadSlot(_ quad: UInt32) -> Int {
    Int((quad &* 0x9E37_79B1) >> (32 - quadBits))
  }

  /// Calls `body` with the index of each phrase found at any position of `bytes` (as
  /// `forEachMatch` from every start), walking only from positions that may start one: four
  /// bytes whose hash is a phrase's, or a first byte of a short phrase, or the last three
  /// bytes when their first byte starts a phrase; a position whose byte starts no phrase is
  /// not hashed.
  func forEachMatchAnywhere(in bytes: [UInt8], _ body: (Int) -> Void) {
    let all = bytes[...]
    var start = 0
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let count = buffer.count
      root.withUnsafeBufferPointer { root in
        quads.withUnsafeBufferPointer { quads in
          shortFirst.withUnsafeBufferPointer { shortFirst in
            while start &+ 4 <= count {
              // A byte that starts no phrase (most of a line's) is passed over before hashing.
              if root[Int(base[start])] != 0 {
                let slot = Self.quadSlot(Self.quad(base + start))
                if quads[slot &>> 6] & (1 &<< UInt64(slot & 63)) != 0 || shortFirst[Int(base[start])] {
                  forEachMatch(in: all, from: start, body)
                }
              }
              start &+= 1
            }
          }
        }
      }
      while start < count {
        if couldMatch(base[start]) { forEachMatch(in: all, from: start, body) }
        start += 1
      }
    }
  }

  /// Whether any phrase starts at `start`.
  @inline(__always)
  func couldMatch(_ byte: UInt8) -> Bool { root[Int(byte)] != 0 }
}
