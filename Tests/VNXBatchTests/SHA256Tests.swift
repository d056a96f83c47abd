import Testing
import VNX

/// NIST FIPS 180-4 examples (SHAVS short and long messages).
@Test(
  "SHA-256 of the NIST test vectors",
  arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
func sha256Vectors(_ message: String, _ digest: String) {
  #expect(SHA256.hex(Array(message.utf8)) == digest)
}

@Test("SHA-256 of a million 'a' (NIST long message), fed in uneven pieces")
func sha256Million() {
  var hasher = SHA256()
  let chunk = [UInt8](repeating: 0x61, count: 999)
  var fed = 0
  while fed + chunk.count <= 1_000_000 {
    hasher.update(chunk)
    fed += chunk.count
  }
  hasher.update([UInt8](repeating: 0x61, count: 1_000_000 - fed))
  #expect(
    SHA256.hexString(hasher.finalize())
      == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

/// Lengths around the padding boundaries, split in two updates; digests from Python's hashlib.
@Test(
  "Messages of 'b' around the 56- and 64-byte padding boundaries",
  arguments: [
    (55, "eb2c86e932179f4ba13fe8715a26124b77d6bad290b9b4c1cc140cf633300c19"),
    (56, "a5fc6e203a4c2b657d0d153885932414b2ffc6a93f0f8bf8b3183315e5a7212c"),
    (63, "94e419fabac7f930810f9636354042f8c1426d2f834d4ab65c93dc1e69326b13"),
    (64, "a0fab1377f49a759b57f63318262ebe89fabfc990e8e93ceac2984561482b9d4"),
    (65, "74b128f30cf83de43ddf4aafc40c7b50a7443d3c73a89a7cfca17e15e43d51ab"),
    (119, "68297a9eb141ce16bbc0847da1c0c48e2858704feaa13993bde29f87a198a6e1"),
    (120, "392add47fbaa8197a874ebe770a947a26dd6f2becce5f64688cc4d18c9da93bd"),
  ])
func sha256Boundaries(_ length: Int, _ digest: String) {
  let message = [UInt8](repeating: 0x62, count: length)
  var hasher = SHA256()
  hasher.update(message[..<(length / 2)])
  hasher.update(message[(length / 2)...])
  #expect(SHA256.hexString(hasher.finalize()) == digest)
  #expect(SHA256.hex(message) == digest)
}
