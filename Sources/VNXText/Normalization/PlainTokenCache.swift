/// Tokens (the bytes between two separators) that normalization leaves as they are, known
/// after one check, so that text already normal costs one hash lookup per token instead of
/// work per byte.
///
/// A token is plain when the fast path of `NormalizedTextWriter` would take it whole and
/// unchanged from a word boundary: ASCII but controls, DEL and `&`; BMP scalars that are
/// NFC-stable and need no repair; words whose tone mark stays where it is
/// (`ToneMarkPlacement`, in the writer's style). News text is short tokens seen again and
/// again ("của", "tỉnh,", "(Đảng", "cho"), so each distinct one is checked once; then a
/// token costs one eight-byte load, a few bit operations to find its end and a table probe,
/// with one branch that goes the same way almost always (ASCII and non-ASCII tokens alike,
/// so that their mix costs no mispredicted branches).
///
///     // "Sở Kế hoạch và Đầu tư tỉnh Lai Châu. ..." : one probe per token
///     cache.skip(bytes, from: 0, continuations: &continuations)
///
/// Tokens of up to 15 bytes; longer ones go the fast path's way, new ones once the tables are
/// full (32,768 short and 8,192 long tokens) are checked each time. A value over unsafe
/// tables, not a class (its owner frees it once, with `deallocate()`).
struct PlainTokenCache {
  /// Tokens of 1-7 bytes, one word each: the token's bytes, little-endian, and in the top
  /// byte its verdict + 1. Bytes of a token are never 0, so the bytes tell the length, and an
  /// empty slot is 0.
  private var short: UnsafeMutablePointer<UInt64>
  private var shortShift: UInt64
  private var shortCount = 0
  /// Tokens of 8-15 bytes, two words each: bytes 0-7, then bytes 8-14 and the
  /// verdict + 1 in the top byte. An empty slot has a first word of 0.
  private var long: UnsafeMutablePointer<(UInt64, UInt64)>
  private var longShift: UInt64
  private var longCount = 0

  /// A token's verdict: its continuation bytes when plain (0-10), else `notPlain`.
  static let notPlain: UInt64 = 15
  private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
  private static let bytes56: UInt64 = 0x00FF_FFFF_FFFF_FFFF
  private static let high: UInt64 = 0x8080_8080_8080_8080
  /// Slots of the short table at most (512 KB; the long table has a quarter of them, 256 KB).
  /// A table doubles when half full.
  static let maximumCapacity = 65_536

  /// Texts shorter than this (64 KB) are normalized without the cache: too few of their
  /// tokens come again to pay for the checks.
  static let minimumInput = 65_536

  let toneStyle: ToneStyle
  private let flags: UnsafeBufferPointer<UInt8>
  private let toneTables = ToneMarkPlacement.Tables()

  /// Tables start small (8 KB and 4 KB: a short text does not pay for a large one) and grow
  /// with the distinct tokens met.
  init(toneStyle: ToneStyle) {
    self.toneStyle = toneStyle
    flags = NormalizedTextWriter.scalarFlags
    short = Self.allocate(UInt64(0), capacity: 1024)
    shortShift = 64 - 10
    long = Self.allocate((UInt64(0), UInt64(0)), capacity: 256)
    longShift = 64 - 8
  }

  private static func allocate<Entry>(_ empty: Entry, capacity: Int) -> UnsafeMutablePointer<Entry> {
    let table = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
    table.initialize(repeating: empty, count: capacity)
    return table
  }

  /// Frees the tables; the cache must not be used afterwards.
  func deallocate() {
    short.deallocate()
    long.deallocate()
  }

  /// Tokens stored, plain or not.
  var count: Int { shortCount + longCount }

  /// Skips the plain tokens of `bytes` from `start`, a word boundary, each with the separator
  /// after it (a space, a line break or two line breaks before a visible byte); returns the
  /// start of the first token it cannot skip (not plain, longer than 15 bytes, too close to
  /// the end, or followed by another separator), and adds the continuation bytes it skipped to
  /// `continuations`.
  /// Not inlined: the loop gets registers of its own.
  @inline(never)
  mutating func skip(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, continuations: inout Int
  ) -> Int {
    guard let pointer = bytes.baseAddress else { return start }
    let base = UnsafeRawPointer(pointer)
    // A token, its separator, and two bytes after it are readable.
    let last = bytes.count &- 18
    var index = start
    var skipped = 0
    // The short table in locals (read again after a miss, which may grow it).
    var table = short
    var shift = shortShift
    while index <= last {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      let separators = Self.separators(word)
      var length = 0
      var verdict: UInt64 = 0
      if separators != 0 {
        // The token is the bytes before the first separator (exactly found: a false hit of
        // the bit trick only comes above a true one).
        length = separators.trailingZeroBitCount &>> 3
        guard length > 0 else { break }
        let token = word & ((separators & (0 &- separators)) &>> 7 &- 1)
        let slot = Int(truncatingIfNeeded: (token &* Self.multiplier) &>> shift)
        let entry = table[slot]
        if entry & Self.bytes56 == token {
          verdict = entry &>> 56 &- 1
        } else {
          verdict = findShort(token, from: slot, UnsafeBufferPointer(start: pointer + index, count: length))
          table = short
          shift = shortShift
        }
      } else {
        (length, verdict) = findLong(at: pointer + index, word)
      }
      guard verdict != Self.notPlain else { break }
      let separator = pointer[index &+ length]
      let next = pointer[index &+ length &+ 1]
      if separator == 0x20 || separator == 0x0A, next > 0x20, next != 0x7F {
        index &+= length &+ 1
      } else if separator == 0x0A, next == 0x0A, pointer[index &+ length &+ 2] > 0x20,
        pointer[index &+ length &+ 2] != 0x7F
      {
        index &+= length &+ 2
      } else {
        break
      }
      skipped &+= Int(truncatingIfNeeded: verdict)
    }
    continuations &+= skipped
    return index
  }

  /// The verdict on a short token not in its first slot: found in a later one, or checked
  /// and stored.
  @inline(never)
  private mutating func findShort(_ token: UInt64, from first: Int, _ bytes: UnsafeBufferPointer<UInt8>)
    -> UInt64
  {
    let mask = Int(truncatingIfNeeded: UInt64.max &>> shortShift)
    var slot = first
    while short[slot] != 0 {
      let entry = short[slot]
      if entry & Self.bytes56 == token {
        // Found further on: it takes its first slot, and the token there takes this one
        // (still on its own probe path, which runs through the first slot), so that a
        // token met often is found at once.
        short[slot] = short[first]
        short[first] = entry
        return entry &>> 56 &- 1
      }
      slot = (slot &+ 1) & mask
    }
    let verdict = check(bytes)
    let capacity = mask + 1
    if shortCount >= capacity / 2 {
      guard capacity < Self.maximumCapacity else { return verdict }
      growShort()
      slot = Int(truncatingIfNeeded: (token &* Self.multiplier) &>> shortShift)
      while short[slot] != 0 { slot = (slot &+ 1) & (2 * capacity - 1) }
    }
    short[slot] = token | (verdict &+ 1) << 56
    shortCount += 1
    return verdict
  }

  /// The length and verdict of a token of 8-15 bytes at `token` (16 bytes readable), whose
  /// first eight bytes are `word`; `notPlain` for a longer one.
  @inline(never)
  private mutating func findLong(at token: UnsafePointer<UInt8>, _ word: UInt64) -> (Int, UInt64) {
    let tail = UInt64(
      littleEndian: UnsafeRawPointer(token).loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let separators = Self.separators(tail)
    guard separators != 0 else { return (0, Self.notPlain) }
    let length = 8 &+ separators.trailingZeroBitCount &>> 3
    let token1 = tail & ((separators & (0 &- separators)) &>> 7 &- 1)
    let bytes = UnsafeBufferPointer(start: token, count: length)
    let mask = Int(truncatingIfNeeded: UInt64.max &>> longShift)
    var slot = Self.longSlot(word, token1, shift: longShift)
    while long[slot].0 != 0 {
      if long[slot].0 == word && long[slot].1 & Self.bytes56 == token1 {
        return (length, long[slot].1 &>> 56 &- 1)
      }
      slot = (slot &+ 1) & mask
    }
    let verdict = check(bytes)
    let capacity = mask + 1
    if longCount >= capacity / 2 {
      guard capacity < Self.maximumCapacity / 4 else { return (length, verdict) }
      growLong()
      slot = Self.longSlot(word, token1, shift: longShift)
      while long[slot].0 != 0 { slot = (slot &+ 1) & (2 * capacity - 1) }
    }
    long[slot] = (word, token1 | (verdict &+ 1) << 56)
    longCount += 1
    return (length, verdict)
  }

  private static func longSlot(_ token0: UInt64, _ token1: UInt64, shift: UInt64) -> Int {
    let mixed = (token0 &* multiplier) ^ (token1 &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: mixed &>> shift)
  }

  /// Doubles the table of short tokens.
  private mutating func growShort() {
    let old = short
    let oldCapacity = 1 << (64 - shortShift)
    shortShift -= 1
    let mask = 2 * oldCapacity - 1
    short = Self.allocate(UInt64(0), capacity: 2 * oldCapacity)
    for index in 0..<oldCapacity where old[index] != 0 {
      let token = old[index] & Self.bytes56
      var slot = Int(truncatingIfNeeded: (token &* Self.multiplier) &>> shortShift)
      while short[slot] != 0 { slot = (slot + 1) & mask }
      short[slot] = old[index]
    }
    old.deallocate()
  }

  /// Doubles the table of long tokens.
  private mutating func growLong() {
    let old = long
    let oldCapacity = 1 << (64 - longShift)
    longShift -= 1
    let mask = 2 * oldCapacity - 1
    long = Self.allocate((UInt64(0), UInt64(0)), capacity: 2 * oldCapacity)
    for index in 0..<oldCapacity where old[index].0 != 0 {
      var slot = Self.longSlot(old[index].0, old[index].1 & Self.bytes56, shift: longShift)
      while long[slot].0 != 0 { slot = (slot + 1) & mask }
      long[slot] = old[index]
    }
    old.deallocate()
  }

  /// Whether the fast path takes `token` unchanged from a word boundary: its continuation
  /// bytes if so, else `notPlain`.
  func check(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { word in
      var letters = 0
      var nonASCII = false
      // A word of two or more letters with a non-ASCII one may have its tone mark moved.
      func wordStays() -> Bool {
        defer {
          letters = 0
          nonASCII = false
        }
        guard nonASCII, letters >= 2, letters <= 7 else { return true }
        return !ToneMarkPlacement.apply(
          toneStyle, to: UnsafeMutableBufferPointer(rebasing: word[..<letters]), tables: toneTables)
      }
      var continuations: UInt64 = 0
      var index = 0
      while index < token.count {
        let byte = token[index]
        var value = UInt32(byte)
        var length = 1
        if byte >= 0x80 {
          guard byte >= 0xC2, byte < 0xF0 else { return Self.notPlain }
          length = byte < 0xE0 ? 2 : 3
          guard index + length <= token.count else { return Self.notPlain }
          value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
          for offset in 1..<length { value = value << 6 | UInt32(token[index + offset] & 0x3F) }
          guard flags[Int(value)] & 1 != 0 else { return Self.notPlain }
          continuations += UInt64(length - 1)
        } else if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") {
          return Self.notPlain
        }
        if flags[Int(value)] & 4 != 0 {
          if letters < 8 { word[letters] = value }
          letters += 1
          if byte >= 0x80 { nonASCII = true }
        } else if !wordStays() {
          return Self.notPlain
        }
        index += length
      }
      return wordStays() ? continuations : Self.notPlain
    }
  }

  /// Bit 7 set in the lowest byte of `word` that is a control or a space (at most 0x20), and
  /// maybe in bytes above it.
  @inline(__always)
  private static func separators(_ word: UInt64) -> UInt64 {
    (word &- 0x2121_2121_2121_2121) & ~word & high
  }
}
