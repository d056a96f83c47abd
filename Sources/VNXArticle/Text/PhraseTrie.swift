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

  /// Whether any phrase starts at `start`.
  @inline(__always)
  func couldMatch(_ byte: UInt8) -> Bool { root[Int(byte)] != 0 }
}
