import VNX

/// The SHA-256 of one input's bytes: the identity of a document in every output, and the key
/// that makes reruns skip what is already done. Stored as four words so that a set of a
/// million of them stays small.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
  private var words: (UInt64, UInt64, UInt64, UInt64)

  public init(of bytes: some Sequence<UInt8>) {
    self.init(digest: SHA256.hash(bytes))!
  }

  /// The key of an input that could not be read: its path and the problem, not its content.
  /// The ledger records it as done, so a rerun does not report it again while the problem
  /// stays; once the file can be read, its content hash is new and it is processed.
  public static func unreadable(path: String, problem: String) -> ContentHash {
    ContentHash(of: Array("vnx.unreadable\u{0}\(path)\u{0}\(problem)".utf8))
  }

  /// From a 32-byte digest.
  public init?(digest: [UInt8]) {
    guard digest.count == 32 else { return nil }
    func word(_ at: Int) -> UInt64 {
      var value: UInt64 = 0
      for byte in digest[at..<at + 8] { value = value << 8 | UInt64(byte) }
      return value
    }
    words = (word(0), word(8), word(16), word(24))
  }

  /// From 64 hexadecimal digits, as written in the outputs.
  public init?(hex: some StringProtocol) {
    let utf8 = Array(hex.utf8)
    guard utf8.count == 64 else { return nil }
    var digest = [UInt8]()
    digest.reserveCapacity(32)
    func nibble(_ byte: UInt8) -> UInt8? {
      switch byte {
      case 0x30...0x39: byte - 0x30
      case 0x61...0x66: byte - 0x61 + 10
      case 0x41...0x46: byte - 0x41 + 10
      default: nil
      }
    }
    for index in stride(from: 0, to: 64, by: 2) {
      guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
      digest.append(high << 4 | low)
    }
    self.init(digest: digest)
  }

  public var digest: [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(32)
    for word in [words.0, words.1, words.2, words.3] {
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return bytes
  }

  /// 64 lowercase hexadecimal digits.
  public var description: String { SHA256.hexString(digest) }

  public static func == (lhs: ContentHash, rhs: ContentHash) -> Bool {
    lhs.words == rhs.words
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
  }
}
