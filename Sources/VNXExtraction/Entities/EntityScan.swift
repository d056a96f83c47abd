import VNXSegmentation
import VNXText

/// Hashes of the function words and signs the recognizers test for (the indicator reading
/// tests some of them too, beside its own `Keys`).
///
/// The hashes are written out as literals (`EntityScanTests` checks each against `hash`):
/// a literal global is a constant, while a computed one costs a `swift_once` at every use,
/// and the recognizers test these words at nearly every token.
enum Cue {
  static func hash(_ word: String) -> UInt64 {
    let scalars = word.unicodeScalars.map(\.value)
    return scalars.withUnsafeBufferPointer { PhraseKey.token($0, 0..<$0.count) }
  }
  static let chi: UInt64 = 0xf5fa_f619_0cf9_1825  // "chi"
  static let bộ: UInt64 = 0x08a3_eb07_b549_efb4  // "bộ"
  static let trường: UInt64 = 0x97f8_6a9f_cc00_b603  // "trường"
  static let số: UInt64 = 0x08e3_df07_b58b_4be9  // "số"
  static let ngày: UInt64 = 0xf888_bfba_abac_772d  // "ngày"
  static let tháng: UInt64 = 0x759d_986f_d7d5_e187  // "tháng"
  static let năm: UInt64 = 0x25de_df19_2965_4821  // "năm"
  static let các: UInt64 = 0xf42f_f419_0b72_ee5e  // "các"
  static let những: UInt64 = 0xa6ca_072d_25fb_4a83  // "những"
  static let hai: UInt64 = 0x3358_0d19_2fef_8b11  // "hai"
  static let ba: UInt64 = 0x08a6_3307_b54d_d00c  // "ba"
  static let và: UInt64 = 0x08cf_bc07_b571_bdeb  // "và"
  static let viên: UInt64 = 0x000a_fb00_c838_79f0  // "viên"
  static let kiêm: UInt64 = 0xeddc_7dd7_1fea_e8ec  // "kiêm"
  static let vì: UInt64 = 0x08cf_b807_b571_b71f  // "vì"
  static let thư: UInt64 = 0x56f6_7619_4462_fb73  // "thư"
  static let comma: UInt64 = 0xaf63_a14c_8601_884b  // ","
  static let dash: UInt64 = 0xaf63_a04c_8601_8698  // "-"
  static let enDash: UInt64 = 0xaf43_ce4c_85cb_74c2  // "–"
  static let open: UInt64 = 0xaf63_a54c_8601_8f17  // "("
  static let close: UInt64 = 0xaf63_a44c_8601_8d64  // ")"
  static let slash: UInt64 = 0xaf63_a24c_8601_89fe  // "/"
  static let colon: UInt64 = 0xaf63_b74c_8601_adad  // ":"
  static let đường: UInt64 = 0x44b6_8d50_c6d8_a218  // "đường"
  static let phố: UInt64 = 0x77a4_0119_5649_b05c  // "phố"
  static let trung: UInt64 = 0x8c28_a0a7_272b_49d9  // "trung"
  static let ương: UInt64 = 0xdd0d_51cc_093f_5571  // "ương"
  static let trưởng: UInt64 = 0xa98e_9c9f_d609_3319  // "trưởng"
  static let huyện: UInt64 = 0xc436_33c2_f437_3df0  // "huyện"
  static let quận: UInt64 = 0xd0ab_7707_70cb_3034  // "quận"
  static let thị: UInt64 = 0x56d7_6f19_442e_428e  // "thị"
  static let tỉnh: UInt64 = 0x1613_396c_e82c_c128  // "tỉnh"
  static let thành: UInt64 = 0x7c86_c06f_db41_344d  // "thành"
  static let phòng: UInt64 = 0x50ab_1369_acb3_8152  // "phòng"
  static let chống: UInt64 = 0x27ed_c9f4_52bb_8b7a  // "chống"
  static let công: UInt64 = 0xf0c6_da8e_3555_a9a9  // "công"
  static let ty: UInt64 = 0x08c8_4707_b56a_d86e  // "ty"
  static let việt: UInt64 = 0xde71_e300_abad_3483  // "việt"
  static let nam: UInt64 = 0x212b_db19_2567_3707  // "nam"
  static let dayParts = HashKeySet(
    ["ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "rạng", "từ", "đến", "trước", "sau"]
      .map(hash))
  /// Honorifics that introduce any capitalized name; the others need a known surname.
  static let strongHonorifics = HashKeySet(
    ["đồng", "ông", "bà", "già", "quần", "đại", "thượng", "hòa", "hoà", "nghệ", "người"].map(hash))
}

/// Each scalar below U+2020 as the token pass reads it, in one load: its case-folded form
/// (`PhraseKey.lower`: "Ấ" → "ấ", ’ → '), whether folding changed it (an uppercase letter),
/// and whether it is a lowercase letter of the Latin blocks (a–z, U+00DF…U+1EFF).
///
///     UInt32(truncatingIfNeeded: TokenFold.entries[0x1EA4])   // 0x1EA5
enum TokenFold {
  static let count: UInt32 = 0x2020
  /// An uppercase letter's and a lowercase letter's mark: a token's letter counts are the sum
  /// of its entries' high 32 bits, uppercase letters in the low 20 bits of the sum (a token
  /// of more than a million capitals would overflow them), lowercase ones above.
  static let upper: UInt64 = 1 << 32
  static let lower: UInt64 = 1 << 52

  /// In memory that is never freed: a pointer read once per text.
  nonisolated(unsafe) static let entries: UnsafePointer<UInt64> = {
    let table = UnsafeMutablePointer<UInt64>.allocate(capacity: Int(count))
    for value in 0..<count { table[Int(value)] = entry(value) }
    return UnsafePointer(table)
  }()

  /// The folded scalar in the low 32 bits, `upper` or `lower` above it.
  @inline(__always)
  static func entry(_ value: UInt32, _ table: UnsafePointer<UInt64>) -> UInt64 {
    value < count ? table[Int(value)] : UInt64(value)
  }

  static func entry(_ value: UInt32) -> UInt64 {
    let folded = PhraseKey.lower(value)
    if folded != value { return UInt64(folded) | upper }
    let isLower = value &- 0x61 < 26 || (value >= 0xDF && value < 0x1F00)
    return isLower ? UInt64(value) | lower : UInt64(value)
  }
}

/// Which recognizers' passes may start at a token, one bit each: a pass visits only the tokens
/// with its bit (`EntityScan.next(_:from:)`), found eight at a time.
enum Interest {
  /// A date's or a document code's token, "tháng", "ngày".
  static let dates: UInt8 = 1 << 0
  /// A village or admin prefix, "chi".
  static let places: UInt8 = 1 << 1
  /// A body's first word.
  static let organizations: UInt8 = 1 << 2
  /// A capitalized token, an honorific's or a degree's first word.
  static let people: UInt8 = 1 << 3
  /// A capitalized word that starts a gazetteer name.
  static let contextPlaces: UInt8 = 1 << 4
}

/// One extraction over one text: token features, claims and the entities found so far.
/// A class because it owns the working buffers of one run, which every recognizer reads and
/// extends; a struct would be copied into each helper call in unoptimized builds.
final class EntityScan {
  /// What a token is, in one byte beside its hash: the passes over every token read these,
  /// not the 40-byte `Token`. The kind's case number in the low four bits, a flag in each of
  /// the high four.
  struct TokenFacts {
    var bits: UInt8

    static let wordBit: UInt8 = 0x10
    static let capitalizedBit: UInt8 = 0x20
    static let allUpperBit: UInt8 = 0x40
    static let digitsBit: UInt8 = 0x80
    /// The kinds that are words (`.word`, `.abbreviation`), one bit per case number.
    /// (Computed, not stored: a stored static costs a `swift_once` check at every use.)
    @inline(__always) static var wordKinds: UInt16 {
      1 &<< kindBits(.word) | 1 &<< kindBits(.abbreviation)
    }
    /// The kinds whose token may be a date or a document (`.date`, `.documentCode`).
    @inline(__always) static var dateKinds: UInt16 {
      1 &<< kindBits(.date) | 1 &<< kindBits(.documentCode)
    }

    /// The case number of `kind` (its in-memory tag, declaration order).
    @inline(__always) static func kindBits(_ kind: TokenKind) -> UInt8 {
      unsafeBitCast(kind, to: UInt8.self)
    }

    @inline(__always)
    init(kind: TokenKind, capitalized: Bool, allUpper: Bool, isDigits: Bool) {
      let kindBits = Self.kindBits(kind)
      bits =
        kindBits | UInt8(truncatingIfNeeded: Self.wordKinds &>> kindBits & 1) &<< 4
        | (capitalized ? Self.capitalizedBit : 0) | (allUpper ? Self.allUpperBit : 0)
        | (isDigits ? Self.digitsBit : 0)
    }

    /// For each facts byte, the passes its token starts whatever its word (low byte: a
    /// capital starts a name, a date or code token a date) and the passes its word may start
    /// that it allows (high byte: a gazetteer name only capitalized, "tháng" and "ngày" only
    /// as words). In memory that is never freed: a pointer read once per text.
    nonisolated(unsafe) static let interest: UnsafePointer<UInt16> = {
      let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 256)
      for bits in 0..<256 {
        let facts = TokenFacts(bits: UInt8(bits))
        let kind = UInt8(bits & 0x0F)
        let starts =
          (facts.capitalized ? Interest.people : 0)
          | (dateKinds &>> kind & 1 != 0 ? Interest.dates : 0)
        let allows =
          Interest.places | Interest.organizations | Interest.people
          | (facts.capitalized && facts.isWord ? Interest.contextPlaces : 0)
          | (kind == kindBits(.word) ? Interest.dates : 0)
        table[bits] = UInt16(starts) | UInt16(allows) << 8
      }
      return UnsafePointer(table)
    }()

    /// For each kind's case number, its facts byte with no flag but the word bit.
    nonisolated(unsafe) static let kinds: UnsafePointer<UInt8> = {
      let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
      table.initialize(repeating: 0, count: 16)
      for kind in TokenKind.allCases {
        table[Int(kindBits(kind))] =
          TokenFacts(kind: kind, capitalized: false, allUpper: false, isDigits: false).bits
      }
      return UnsafePointer(table)
    }()

    init(bits: UInt8) { self.bits = bits }

    var kind: TokenKind { unsafeBitCast(bits & 0x0F, to: TokenKind.self) }
    /// A word or an abbreviation.
    var isWord: Bool { bits & Self.wordBit != 0 }
    var capitalized: Bool { bits & Self.capitalizedBit != 0 }
    var allUpper: Bool { bits & Self.allUpperBit != 0 }
    /// A number token of ASCII digits only.
    var isDigits: Bool { bits & Self.digitsBit != 0 }
  }

  /// The tokens `start..<end` of a token's sentence (a line break inside a segmenter's sentence
  /// ends it too).
  struct SentenceSpan {
    var start: Int32
    var end: Int32
  }

  /// Where a token is: its Unicode scalar and UTF-8 offsets (`Token`'s) in 16 bytes, where the
  /// segmenter's `Token` takes 40 (its kind is in the token's facts byte). A text is cut into
  /// windows far below 2 GB (`Pipeline.Options.windowBytes`).
  struct TokenSpan {
    private var scalarStart: Int32
    private var scalarEnd: Int32
    private var utf8StartOffset: Int32
    private var utf8EndOffset: Int32

    @inline(__always) init(_ token: Token) {
      scalarStart = Int32(truncatingIfNeeded: token.start)
      scalarEnd = Int32(truncatingIfNeeded: token.end)
      utf8StartOffset = Int32(truncatingIfNeeded: token.utf8Start)
      utf8EndOffset = Int32(truncatingIfNeeded: token.utf8End)
    }

    var start: Int { Int(scalarStart) }
    var end: Int { Int(scalarEnd) }
    var utf8Start: Int { Int(utf8StartOffset) }
    var utf8End: Int { Int(utf8EndOffset) }
  }

  enum Claim: UInt8 { case none, place, cell, organization, person, other }

  /// The shared tables; the scan holds them alive for the two addresses below.
  let tables: EntityTables
  /// The lexicon and the gazetteer, read in place at their fixed addresses: neither copied
  /// into the scan nor retained table by table (a stored copy retained some sixty tables per
  /// scan, a property of `tables` copied the table each use named).
  var lexicon: EntityLexicon { unsafeAddress { UnsafePointer(tables.lexiconAddress) } }
  var gazetteer: Gazetteer { unsafeAddress { UnsafePointer(tables.gazetteerAddress) } }
  /// The text's UTF-8, copied into `storage`; tokens address it by `utf8Start..<utf8End`.
  let bytes: UnsafeBufferPointer<UInt8>
  // The per-token buffers below are allocated once per scan and freed by `deinit`: no array
  // allocation through the generic runtime, no bounds check per access (every index a
  // recognizer reads is below the token count, which `isWord`, `limit` and `next` keep).
  /// Where each token of every sentence is, in one buffer.
  let tokens: UnsafeMutableBufferPointer<TokenSpan>
  let facts: UnsafeMutableBufferPointer<TokenFacts>
  let hashes: UnsafeMutableBufferPointer<UInt64>
  let sentenceSpans: UnsafeMutableBufferPointer<SentenceSpan>
  /// For each token, the tables with an entry starting there (`FirstWordMask`).
  let masks: UnsafeMutableBufferPointer<UInt16>
  /// For each token, which recognizers' passes may start at it (`Interest`), and eight bytes
  /// with every bit set after the last token.
  let interest: UnsafeMutablePointer<UInt8>
  /// What each token already belongs to. A buffer this scan owns, so that the recognizers'
  /// many reads and writes cost no exclusivity checks.
  let claims: UnsafeMutableBufferPointer<Claim>
  // The buffers below are read and extended by one thread, one recognizer at a time, and
  // none is passed `inout` while another access to it is open: the dynamic exclusivity
  // checks (two runtime calls per access, about a tenth of the scan) are left out.
  @exclusivity(unchecked) var entities: EntityBuffer
  /// The type of each entity, read without copying the entity (`entities[i].type` may).
  @exclusivity(unchecked) var types: [EntityType] = []
  /// Gazetteer candidates of each admin entity (by entity index).
  @exclusivity(unchecked) var candidates: [[Int32]] = []
  /// The division whose code and name `resolvePlaces` gave each entity, -1 for none yet.
  @exclusivity(unchecked) var appliedDivision: [Int32] = []
  /// Each person with a role and the role's token span, for person → organization links.
  @exclusivity(unchecked) var roleSpans: [(person: Int, role: Range<Int>)] = []
  /// Token spans of entities (by entity index).
  @exclusivity(unchecked) var spans: [Range<Int>] = []
  // Scratch lists of gazetteer divisions that each use empties and refills, keeping their
  // storage (`removeAll(keepingCapacity:)`): a list grown by append or made by `filter` per
  // place was an allocation each.
  /// The divisions of the places `resolvePlaces` resolved, with their ancestors.
  @exclusivity(unchecked) var context: [Int32] = []
  /// The candidates `resolvePlaces` narrows one place's down to.
  @exclusivity(unchecked) var pool: [Int32] = []
  /// The divisions of the places resolved before `findContextPlaces`, with their ancestors.
  @exclusivity(unchecked) var resolvedKeys: [Int32] = []
  /// Communes, districts and provinces by the token their name starts at.
  let placeAt: UnsafeMutableBufferPointer<Int32>
  /// The memory of every per-token buffer above (`tokens` … `placeAt`), one allocation.
  private let storage: UnsafeMutableRawPointer

  init(text: String, sentences: [Sentence], tables: EntityTables) {
    self.tables = tables
    let count = sentences.reduce(0) { $0 + $1.tokens.count }
    let byteCount = text.utf8.count
    // Every per-token buffer and the text's UTF-8 in one allocation, cut in order of
    // alignment (8, 4, 2 and 1 bytes): nine allocations per text were nine calls to malloc
    // and nine to free.
    let storage = UnsafeMutableRawPointer.allocate(
      byteCount: count * Self.bytesPerToken + 8 + byteCount,
      alignment: MemoryLayout<UInt64>.alignment)
    var used = 0
    /// The next `slots` slots of `T` in `storage`.
    func cut<T>(_: T.Type, _ slots: Int) -> UnsafeMutableBufferPointer<T> {
      assert(used % MemoryLayout<T>.alignment == 0, "token buffer misaligned")
      let start = (storage + used).bindMemory(to: T.self, capacity: slots)
      used += slots * MemoryLayout<T>.stride
      return UnsafeMutableBufferPointer(start: start, count: slots)
    }
    // Filled by `scanTokens` and `markInterest`, every slot written once: no zeroing first.
    let hashes = cut(UInt64.self, count)
    let tokens = cut(TokenSpan.self, count)
    let spans = cut(SentenceSpan.self, count)
    placeAt = cut(Int32.self, count)
    let masks = cut(UInt16.self, count)
    let facts = cut(TokenFacts.self, count)
    claims = cut(Claim.self, count)
    // Eight bytes past the end with every bit set: `next(_:from:)` reads eight at a time and
    // stops there.
    let interest = cut(UInt8.self, count + 8).baseAddress!
    (interest + count).initialize(repeating: 0xFF, count: 8)
    let utf8 = cut(UInt8.self, byteCount)
    _ = utf8.initialize(from: text.utf8)
    let bytes = UnsafeBufferPointer(utf8)
    self.bytes = bytes
    self.storage = storage
    // The segmenter's scalars when it handed them over for this text (every token inside).
    let scalars = sentences.first?.textScalars.values ?? []
    let handedOver = !scalars.isEmpty && (sentences.last?.tokens.last?.end ?? 0) <= scalars.count
    scalars.withUnsafeBufferPointer { scalars in
      Self.scanTokens(
        sentences, bytes, handedOver ? scalars : nil, into: tokens.baseAddress!,
        facts.baseAddress!, hashes.baseAddress!, spans.baseAddress!)
    }
    Self.markInterest(hashes, facts, tables, into: masks, interest)
    self.tokens = tokens
    self.facts = facts
    self.hashes = hashes
    self.sentenceSpans = spans
    self.masks = masks
    self.interest = interest
    claims.initialize(repeating: .none)
    placeAt.initialize(repeating: -1)
    entities = EntityBuffer(capacity: count / 8)
    self.spans.reserveCapacity(count / 8)
    types.reserveCapacity(count / 8)
    candidates.reserveCapacity(count / 8)
    appliedDivision.reserveCapacity(count / 8)
  }

  /// The bytes each token takes in `storage`, one slot in each per-token buffer.
  static var bytesPerToken: Int {
    MemoryLayout<UInt64>.stride + MemoryLayout<TokenSpan>.stride
      + MemoryLayout<SentenceSpan>.stride + MemoryLayout<Int32>.stride
      + MemoryLayout<UInt16>.stride + MemoryLayout<TokenFacts>.stride
      + MemoryLayout<Claim>.stride + MemoryLayout<UInt8>.stride
  }

  deinit {
    storage.deallocate()
    entities.deallocate()
  }

  /// One pass over each sentence's tokens: where each is, its facts and case-folded hash,
  /// written into buffers of exactly one slot per token (filled in order, `count` slots in
  /// all), and its sentence span, cut at line breaks.
  ///
  /// A token's scalars come from the segmenter's (`scalars`, `TextScalars`) when it handed
  /// them over, else from the UTF-8 (`folded(utf8:_:_:)`); each costs one load of
  /// `TokenFold.entries` (its folded form and letter case together) and one multiply. The
  /// digits of a number token are read apart, and the gap before a token is searched for a
  /// line break only when it is more than one space.
  static func scanTokens(
    _ sentences: [Sentence], _ buffer: UnsafeBufferPointer<UInt8>,
    _ scalars: UnsafeBufferPointer<UInt32>?,
    into tokens: UnsafeMutablePointer<TokenSpan>, _ facts: UnsafeMutablePointer<TokenFacts>,
    _ hashes: UnsafeMutablePointer<UInt64>, _ spans: UnsafeMutablePointer<SentenceSpan>
  ) {
    let fold = TokenFold.entries
    let kinds = TokenFacts.kinds
    let number = TokenFacts.kindBits(.number)
    var index = 0
    var previousEnd = Int.max
    for sentence in sentences {
      sentence.tokens.withUnsafeBufferPointer { source in
        (spans + index).initialize(
          repeating: SentenceSpan(start: Int32(index), end: Int32(index + source.count)),
          count: source.count)
        for token in source {
          tokens[index] = TokenSpan(token)
          // A line break ends a name as surely as a full stop does (titles, captions): the
          // span of the tokens before it ends there, that of the tokens after it starts there.
          if token.utf8Start > previousEnd,
            token.utf8Start &- previousEnd > 1 || buffer[previousEnd] != 0x20,
            Int(spans[index].start) < index,
            Self.hasLineBreak(buffer, previousEnd..<token.utf8Start)
          {
            Self.cut(spans, at: index)
          }
          previousEnd = token.utf8End
          let end = min(token.utf8End, buffer.count)
          let key =
            if let scalars {
              Self.folded(scalars: scalars, token.start..<token.end, fold)
            } else {
              Self.folded(utf8: buffer, token.utf8Start..<end, fold)
            }
          let kind = TokenFacts.kindBits(token.kind)
          var bits = kinds[Int(kind)] | key.capitalized
          if key.counts & 0xF_FFFE != 0, key.counts &>> 20 == 0 { bits |= TokenFacts.allUpperBit }
          if kind == number {
            var digits = true
            for offset in token.utf8Start..<end where buffer[offset] &- 0x30 >= 10 {
              digits = false
              break
            }
            if digits { bits |= TokenFacts.digitsBit }
          }
          facts[index] = TokenFacts(bits: bits)
          hashes[index] = key.hash
          index += 1
        }
      }
    }
  }

  /// What the token pass reads of a token's scalars: their case-folded hash, the letter counts
  /// (`TokenFold.upper`, `TokenFold.lower`), and `TokenFacts.capitalizedBit` when the first
  /// scalar is an uppercase letter.
  struct FoldedToken {
    var hash = PhraseKey.seed
    var counts: UInt64 = 0
    var capitalized: UInt8 = 0

    /// Adds the scalar whose `TokenFold` entry is `entry`.
    @inline(__always) mutating func add(_ entry: UInt64) {
      hash = (hash ^ UInt64(UInt32(truncatingIfNeeded: entry))) &* 0x100_0000_01b3
      counts &+= entry &>> 32
    }

    /// Adds the first scalar; its upper mark (bit 32) moves to `TokenFacts.capitalizedBit`
    /// (bit 5).
    @inline(__always) mutating func addFirst(_ entry: UInt64) {
      add(entry)
      capitalized = UInt8(truncatingIfNeeded: entry &>> 27) & TokenFacts.capitalizedBit
    }
  }

  /// The scalars `range` of the segmenter's (`TextScalars`): no decoding, no branch per
  /// scalar but the loop's.
  @inline(__always)
  static func folded(
    scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, _ fold: UnsafePointer<UInt64>
  ) -> FoldedToken {
    var key = FoldedToken()
    var position = range.lowerBound
    guard position < range.upperBound else { return key }
    key.addFirst(TokenFold.entry(scalars[position], fold))
    position &+= 1
    while position < range.upperBound {
      key.add(TokenFold.entry(scalars[position], fold))
      position &+= 1
    }
    return key
  }

  /// The scalars of the UTF-8 `range`, decoded here.
  @inline(__always)
  static func folded(
    utf8 buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ fold: UnsafePointer<UInt64>
  ) -> FoldedToken {
    var offset = range.lowerBound
    let end = range.upperBound
    /// The fold entry of the scalar at `offset`; moves `offset` past it.
    @inline(__always) func next() -> UInt64 {
      let byte = buffer[offset]
      let value: UInt32
      if byte < 0x80 {
        value = UInt32(byte)
        offset &+= 1
      } else if byte < 0xE0, offset &+ 2 <= end {
        // Vietnamese letters take two or three bytes; a sequence cut by the token's end
        // (no valid token is) goes through the bounded decoder.
        value = UInt32(byte & 0x1F) << 6 | UInt32(buffer[offset &+ 1] & 0x3F)
        offset &+= 2
      } else if byte >= 0xE0, byte < 0xF0, offset &+ 3 <= end {
        value =
          UInt32(byte & 0x0F) << 12 | UInt32(buffer[offset &+ 1] & 0x3F) << 6
          | UInt32(buffer[offset &+ 2] & 0x3F)
        offset &+= 3
      } else {
        value = Self.decode(buffer, &offset)
      }
      return TokenFold.entry(value, fold)
    }
    var key = FoldedToken()
    guard offset < end else { return key }
    key.addFirst(next())
    while offset < end { key.add(next()) }
    return key
  }

  /// Cuts the span of token `index` before it: the tokens before it in its span end there,
  /// those from it on start there.
  private static func cut(_ spans: UnsafeMutablePointer<SentenceSpan>, at index: Int) {
    let span = spans[index]
    for before in Int(span.start)..<index { spans[before].end = Int32(index) }
    for after in index..<Int(span.end) { spans[after].start = Int32(index) }
  }

  /// Each token's first-word mask and interest bits (`Interest`), in a pass of their own: the
  /// mask table is too large for the first-level cache, and here its loads do not wait on one
  /// another (in the token loop each waited in turn). One probe gives the mask and the passes
  /// the word may start; the token's facts byte, through `TokenFacts.interest`, adds the
  /// passes its case and kind start and keeps those they allow.
  private static func markInterest(
    _ hashes: UnsafeMutableBufferPointer<UInt64>, _ facts: UnsafeMutableBufferPointer<TokenFacts>,
    _ tables: EntityTables, into masks: UnsafeMutableBufferPointer<UInt16>,
    _ interest: UnsafeMutablePointer<UInt8>
  ) {
    let firstWords = tables.firstWords
    let byFacts = TokenFacts.interest
    for index in 0..<hashes.count {
      let entry = firstWords.entry(hashes[index])
      masks[index] = UInt16(truncatingIfNeeded: entry)
      let allowed = byFacts[Int(facts[index].bits)]
      interest[index] =
        UInt8(truncatingIfNeeded: allowed)
        | UInt8(truncatingIfNeeded: entry >> 16) & UInt8(truncatingIfNeeded: allowed >> 8)
    }
  }

  /// The scalar whose UTF-8 starts at `offset`; moves `offset` past it.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
    let (value, length) = UTF8Scalars.decode(bytes, at: offset)
    offset += length
    return value
  }

  static func hasLineBreak(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    for index in range where index < buffer.count && (buffer[index] == 0x0A || buffer[index] == 0x0D) {
      return true
    }
    return false
  }

  /// The first token from `start` on whose interest has `bit` (`Interest`), or the token
  /// count: eight tokens per load.
  @inline(__always)
  func next(_ bit: UInt8, from start: Int) -> Int {
    var index = start
    let pattern = UInt64(bit) &* 0x0101_0101_0101_0101
    while true {
      let word = UnsafeRawPointer(interest + index).loadUnaligned(as: UInt64.self) & pattern
      if word != 0 {
        return min(index + UInt64(littleEndian: word).trailingZeroBitCount >> 3, tokens.count)
      }
      index += 8
    }
  }

  func run() -> [Entity] {
    findDatesAndDocuments()
    findPlaces()
    resolvePlaces()
    findOrganizations()
    findPeople()
    findContextPlaces()
    resolvePlaces()
    return finish()
  }

  // MARK: Token helpers

  /// The village, commune, district or province entity whose name starts at token `index`.
  func place(startingAt index: Int) -> Int? {
    index < placeAt.count && placeAt[index] >= 0 ? Int(placeAt[index]) : nil
  }

  func isWord(_ index: Int) -> Bool { index < facts.count && facts[index].isWord }

  func isCapitalizedWord(_ index: Int) -> Bool { isWord(index) && facts[index].capitalized }

  /// A number of ASCII digits only.
  func isNumber(_ index: Int) -> Bool { index < facts.count && facts[index].isDigits }

  func isUnclaimed(_ range: Range<Int>) -> Bool {
    for index in range where claims[index] != .none { return false }
    return true
  }

  func `is`(_ index: Int, _ cue: UInt64) -> Bool {
    index >= 0 && index < hashes.count && hashes[index] == cue
  }

  func limit(_ index: Int) -> Int { Int(sentenceSpans[index].end) }

  /// The first token of token `index`'s sentence.
  func sentenceStart(_ index: Int) -> Int { Int(sentenceSpans[index].start) }

  func string(_ range: Range<Int>) -> String {
    guard !range.isEmpty else { return "" }
    return string(utf8: tokens[range.lowerBound].utf8Start..<tokens[range.upperBound - 1].utf8End)
  }

  /// The text's UTF-8 `span`.
  func string(utf8 span: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)
  }

  /// Whether the token's UTF-8 contains an ASCII byte.
  func contains(_ index: Int, byte: UInt8) -> Bool {
    for offset in tokens[index].utf8Start..<tokens[index].utf8End where bytes[offset] == byte {
      return true
    }
    return false
  }

  func lowercased(_ range: Range<Int>) -> String { string(range).lowercased() }

  /// Whether `text` and the text of tokens `range` are equal once lowercased, scalar by scalar
  /// through `PhraseKey.lowerTable` (no string built); `lowercased()` decides for scalars
  /// beyond the table.
  func lowercasedEquals(_ text: String, _ range: Range<Int>) -> Bool {
    var text = text
    let span = tokens[range.lowerBound].utf8Start..<tokens[range.upperBound - 1].utf8End
    let table = PhraseKey.lowerTable
    let equal: Bool? = text.withUTF8 { a in
      { (b: UnsafeBufferPointer<UInt8>) -> Bool? in
        func lower(_ value: UInt32) -> UInt32? {
          if value < 0x80 { return value &- 0x41 < 26 ? value | 0x20 : value }
          return value < 0x2000 && value != 0x130 ? table[Int(value)] : nil
        }
        var i = 0
        var j = span.lowerBound
        while i < a.count, j < span.upperBound {
          guard let x = lower(Self.decode(a, &i)), let y = lower(Self.decode(b, &j)) else {
            return nil
          }
          if x != y { return false }
        }
        // A scalar lowers to one scalar or more, never to none: what is left is a difference.
        return i == a.count && j == span.upperBound
      }(bytes)
    }
    return equal ?? (text.lowercased() == lowercased(range))
  }

  /// The longest entry of `table` at token `index`; the mask test inline, so that most calls
  /// end without a call.
  @inline(__always)
  func longest<V>(_ table: PhraseTable<V>, at index: Int) -> (length: Int, value: V)? {
    guard index < tokens.count, masks[index] & table.bit != 0 else { return nil }
    return table.longestMatch(hashes, at: index, limit: limit(index))
  }

  /// The end of a run of capitalized words from `start` (words of a name).
  func capitalizedRun(from start: Int, max length: Int = 6, allowNumber: Bool = false) -> Int {
    var end = start
    let stop = start < tokens.count ? min(limit(start), start + length) : start
    while end < stop, isCapitalizedWord(end), !facts[end].allUpper {
      end += 1
    }
    if allowNumber, end > start, end < limit(start), isNumber(end),
      tokens[end].end - tokens[end].start <= 3
    {
      end += 1
    }
    return end
  }

  /// Whether a surname (one or two syllables, or a Central Highlands "H'"/"Y" name) starts at `index`.
  func startsWithSurname(_ index: Int) -> Bool {
    guard isCapitalizedWord(index) else { return false }
    if longest(lexicon.surnames, at: index) != nil { return true }
    return isApostropheName(index)
  }

  /// "H'Hen", "H’Liên", "K'Brèo": the Central Highlands name prefixes written with an apostrophe.
  func isApostropheName(_ index: Int) -> Bool {
    guard tokens[index].end - tokens[index].start > 2 else { return false }
    // The first byte alone rules out almost every token: an ASCII "H" or "K" is its scalar.
    let first = bytes[tokens[index].utf8Start]
    guard first == 0x48 || first == 0x4B else { return false }
    var offset = tokens[index].utf8Start + 1
    let apostrophe = Self.decode(bytes, &offset)
    let third = Self.decode(bytes, &offset)
    return PhraseKey.lower(apostrophe) == 0x27 && PhraseKey.isUpper(third)
  }

  /// Cuts a name run where a person's name of three words starts: "thôn Bình Giang Phạm Đức Thọ".
  func cutBeforePerson(_ start: Int, _ end: Int) -> Int {
    guard end - start >= 4 else { return end }
    for split in start + 1...end - 3 where end - split <= 4 && startsWithSurname(split) {
      if longest(gazetteer.names, at: start).map({ start + $0.length > split }) == true { continue }
      return split
    }
    return end
  }

  @discardableResult
  func emit(
    _ type: EntityType, _ range: Range<Int>, kind: String? = nil, claim: Claim? = nil
  ) -> Int {
    var end = tokens[range.upperBound - 1].end
    let utf8Start = tokens[range.lowerBound].utf8Start
    var utf8End = tokens[range.upperBound - 1].utf8End
    // "ấp Song Phú B." at a sentence's end: the full stop belongs to the sentence.
    if type != .organization, type != .document, range.count > 1,
      tokens[range.upperBound - 1].end - tokens[range.upperBound - 1].start == 2,
      bytes[utf8End - 1] == 0x2E
    {
      utf8End -= 1
      end -= 1
    }
    entities.append(type: type, text: string(utf8: utf8Start..<utf8End), start: tokens[range.lowerBound].start, end: end, kind: kind)
    types.append(type)
    spans.append(range)
    candidates.append([])
    appliedDivision.append(-1)
    if type == .village || type == .commune || type == .district || type == .province {
      placeAt[range.lowerBound] = Int32(entities.count - 1)
    }
    if let claim { for index in range where claims[index] == .none { claims[index] = claim } }
    return entities.count - 1
  }
}
