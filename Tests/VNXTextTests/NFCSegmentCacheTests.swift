import Foundation
import Testing
@testable import VNXText

/// Every Vietnamese letter as decomposed text writes it: NFD, and the Windows-1258 way
/// (a precomposed base with its own diacritic, then a combining tone mark).
private let decomposedLetters: [String] = {
  var letters: [String] = []
  for letter in VietnameseLetter.allVowels + ["đ", "Đ", "d", "D"] {
    let nfd = try! ICU.nfd(String(letter))
    letters.append(nfd)
    let scalars = Array(nfd.unicodeScalars)
    if scalars.count == 3 {
      // Base + vowel mark composed, tone mark apart: "â" + U+0301.
      letters.append(try! ICU.nfc(String(String.UnicodeScalarView(scalars[0...1]))) + String(scalars[2]))
      // Marks in the other order.
      letters.append(String(String.UnicodeScalarView([scalars[0], scalars[2], scalars[1]])))
    }
  }
  return letters
}()

private func cached(_ cache: inout NFCSegmentCache, _ text: String) -> (bytes: [UInt8], scalars: Int, changed: Bool) {
  var output = ByteBuffer()
  defer { output.deallocate() }
  let utf8 = Array(text.utf8)
  // Both ways of building the key: byte by byte, and two loads from a padded copy.
  let (scalars, changed) = utf8.withUnsafeBufferPointer { cache.appendNFC(of: $0, to: &output) }
  var padded = ByteBuffer()
  defer { padded.deallocate() }
  let entries = cache.count
  let again = (utf8 + [UInt8](repeating: 0xAA, count: 16)).withUnsafeBufferPointer {
    cache.appendNFC(of: UnsafeBufferPointer(rebasing: $0[..<utf8.count]), to: &padded, readable16: true)
  }
  #expect(again == (scalars, changed))
  #expect(cache.count == entries, "the same key both ways: a hit")
  #expect(padded.withUnsafeBufferPointer { Array($0) } == output.withUnsafeBufferPointer { Array($0) })
  return (output.withUnsafeBufferPointer { Array($0) }, scalars, changed)
}

@Test("The segment cache gives ICU's NFC bytes for every decomposed Vietnamese letter, on miss and hit")
func segmentCacheMatchesICU() throws {
  var cache = NFCSegmentCache()
  defer { cache.deallocate() }
  for round in 0..<2 {
    for letter in decomposedLetters {
      let expected = try ICU.nfc(letter)
      let result = cached(&cache, letter)
      #expect(result.bytes == Array(expected.utf8), "round \(round): \(Array(letter.unicodeScalars))")
      #expect(result.scalars == expected.unicodeScalars.count)
      #expect(result.changed == (Array(expected.utf8) != Array(letter.utf8)))
    }
  }
  #expect(cache.count > 0 && cache.count <= decomposedLetters.count)
}

@Test("Long segments and a full cache still go through ICU")
func segmentCacheBeyondLimits() throws {
  var cache = NFCSegmentCache()
  defer { cache.deallocate() }
  let long = "a" + String(repeating: "\u{301}\u{302}", count: 5)
  #expect(cached(&cache, long).bytes == Array(try ICU.nfc(long).utf8))
  // Fill the cache with distinct segments, then check some more.
  var value: UInt32 = 0x4E00
  for _ in 0..<(NFCSegmentCache.limit + 50) {
    let text = String(Unicode.Scalar(value)!) + "\u{301}"
    #expect(cached(&cache, text).bytes == Array(try ICU.nfc(text).utf8))
    value += 1
  }
  #expect(cache.count == NFCSegmentCache.limit)
  for letter in decomposedLetters.prefix(20) {
    #expect(cached(&cache, letter).bytes == Array(try ICU.nfc(letter).utf8))
  }
}

@Test(
  "The segment cache agrees with ICU on NormalizationTest.txt",
  .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/unicode/NormalizationTest.txt.bz2")))
func segmentCacheConformance() throws {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bzcat")
  process.arguments = ["/usr/share/unicode/NormalizationTest.txt.bz2"]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  var cache = NFCSegmentCache()
  defer { cache.deallocate() }
  var checked = 0
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n")
  where !line.hasPrefix("#") && !line.hasPrefix("@") {
    for column in line.split(separator: ";").prefix(5) {
      let text = String(String.UnicodeScalarView(column.split(separator: " ").compactMap {
        UInt32($0, radix: 16).flatMap(Unicode.Scalar.init)
      }))
      guard !text.isEmpty else { continue }
      let expected = Array(try ICU.nfc(text).utf8)
      #expect(cached(&cache, text).bytes == expected, "\(line)")
      checked += 1
    }
  }
  #expect(checked > 90_000)
}
