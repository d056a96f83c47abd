import VNXLexicons
import VNXSegmentation
import VNXText

/// What may follow an organization's head word in its name (`lexicons/organizations/bodies.tsv`).
enum BodyClass: String, Sendable {
  /// Complete as written: "Bộ Chính trị".
  case national
  /// Heads a longer name: "Ban Thường vụ" + "Huyện ủy Mường Ảng".
  case leader
  /// Takes a place: "UBND" + "huyện Lắk".
  case body
  /// Takes a place or a bare place name: "Huyện ủy" + "Ia Grai".
  case named
  /// Its own name follows in capitals: "Phòng" + "Tư pháp".
  case open
  /// A body only with the place it serves: "Chi hội CCB" + "thôn Suối Rua".
  case branch
  /// Not a body by itself ("Nhà nước", "Mặt trận"): stops longer matches from misreading.
  case none
}

/// The level an administrative prefix introduces.
enum AdminLevel: String, Sendable {
  case commune, district, province
  /// "thành phố"/"TP.": a province for the central cities, else a district.
  case city
}

/// The lexicons of entity extraction, loaded once from `lexicons/` into hash tables.
///
/// Every phrase is split by the segmenter's own token scanner, so a lexicon entry and the
/// article text always agree on token boundaries, and stored in both tone-mark styles.
struct EntityLexicon: Sendable {
  var surnames = PhraseTable<Bool>(bit: 1 << 0)
  var honorifics = PhraseTable<Bool>(bit: 1 << 1)
  var roles = PhraseTable<Bool>(bit: 1 << 2)
  var bodies = PhraseTable<BodyClass>(bit: 1 << 3)
  var villagePrefixes = PhraseTable<String>(bit: 1 << 4)
  var adminPrefixes = PhraseTable<(level: AdminLevel, kind: String)>(bit: 1 << 5)
  var documentKinds = PhraseTable<String>(bit: 1 << 6)
  var schoolKinds = PhraseTable<Bool>(bit: 1 << 7)
  /// Words that hold a prefix word without being a prefix: "hợp tác xã", "xã hội".
  var notPrefixes = PhraseTable<Bool>(bit: 1 << 9)
  /// Nouns that make a bare place name after them something else: "sông", "sâm", "quế".
  var nameNouns = PhraseTable<Bool>(bit: 1 << 10)
  /// Degree abbreviations between a title and a name: "Bác sĩ CKI Nguyễn Văn Tâm".
  var qualifications = PhraseTable<Bool>(bit: 1 << 11)
  /// Names of ethnic groups ("Ê Đê", "Cơ Tu", "Mông"): after a village prefix, no village.
  var ethnicGroups = PhraseTable<Bool>(bit: 1 << 12)
  /// Middle names that mark a personal name ("Văn", "Thị"), as token hashes.
  var middleNames = HashKeySet()
  /// Body-name abbreviation ("BHXH") → the token hashes of what it stands for.
  var abbreviations = HashKeyTable<[UInt64]>()
  /// Code abbreviation ("KL") → document kind ("Kết luận").
  var documentAbbreviations: [String: String] = [:]

  static let standard: EntityLexicon = EntityLexicon(directory: LexiconDirectory.self)


  init(directory: LexiconDirectory.Type) {
    func lines(_ name: String) -> [Substring] { (try? directory.lines(name)) ?? [] }
    for line in lines("people/surnames.txt") { Self.add(line, true, to: &surnames) }
    for line in lines("people/honorifics.txt") { Self.add(line, true, to: &honorifics) }
    for line in lines("people/roles.txt") { Self.add(line, true, to: &roles) }
    for line in lines("places/village-prefixes.txt") {
      Self.add(line, String(line).lowercased(), to: &villagePrefixes)
    }
    for line in lines("places/admin-prefixes.tsv") {
      let fields = LexiconDirectory.fields(line)
      guard fields.count >= 3, let level = AdminLevel(rawValue: String(fields[1])) else { continue }
      Self.add(fields[0], (level, String(fields[2])), to: &adminPrefixes)
    }
    for line in lines("organizations/bodies.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let kind = BodyClass(rawValue: String(fields[1])) else { continue }
      Self.add(fields[0], kind, to: &bodies)
    }
    for line in lines("organizations/school-kinds.txt") { Self.add(line, true, to: &schoolKinds) }
    for line in lines("places/not-prefixes.txt") { Self.add(line, true, to: &notPrefixes) }
    for line in lines("places/name-nouns.txt") { Self.add(line, true, to: &nameNouns) }
    for line in lines("people/qualifications.txt") { Self.add(line, true, to: &qualifications) }
    for line in lines("people/ethnic-groups.txt") { Self.add(line, true, to: &ethnicGroups) }
    for line in lines("people/middle-names.txt") {
      for key in Self.keys(line) where key.count == 1 { middleNames.insert(key[0]) }
    }
    for line in lines("organizations/abbreviations.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let short = Self.keys(fields[0]).first, short.count == 1,
        let long = Self.keys(fields[1]).first
      else { continue }
      abbreviations[short[0]] = long
    }
    for line in lines("organizations/document-kinds.tsv") {
      let fields = LexiconDirectory.fields(line)
      let kind = String(fields[0])
      Self.add(fields[0], kind, to: &documentKinds)
      if fields.count > 1 {
        for abbreviation in fields[1].split(separator: " ") {
          documentAbbreviations[String(abbreviation)] = documentAbbreviations[String(abbreviation)] ?? kind
        }
      }
    }
  }

  private static let scanner = Segmenter(abbreviations: .standard, model: nil)

  /// The token hashes of a phrase in each tone-mark style (one or two spellings).
  static func keys<S: StringProtocol>(_ phrase: S) -> [[UInt64]] {
    var spellings: [String] = []
    for style in ToneStyle.allCases {
      let text = TextNormalizer(toneStyle: style).normalize(String(phrase)).text
      if !spellings.contains(text) { spellings.append(text) }
    }
    return spellings.map { text in
      let scalars = text.unicodeScalars.map(\.value)
      return scalars.withUnsafeBufferPointer { buffer in
        scanner.tokens(in: text).map { PhraseKey.token(buffer, $0.start..<$0.end) }
      }
    }
  }

  static func add<S: StringProtocol, V>(_ phrase: S, _ value: V, to table: inout PhraseTable<V>) {
    for key in keys(phrase) { table.insert(key, value) }
  }
}

/// For each token hash, which tables have an entry starting with it, and which recognizers'
/// passes may start at it (`Interest`): one probe per token tells every recognizer whether to
/// look further.
///
/// Direct-mapped, four bytes a slot (11 bits of the hash, the 5 interest bits, the 16-bit
/// mask) and at least four slots per word, so a look-up is one load and no branch. Words that
/// meet in one slot leave it a wildcard holding the union of their masks and interests. A
/// mask is thus a superset: it only sends a recognizer to the table itself, where the full
/// hash decides.
struct FirstWordMask: Sendable {
  private var slots: [UInt32]
  private let slotMask: Int
  private static let wildcard: UInt32 = 0x7FF

  init(_ lexicon: EntityLexicon, _ gazetteer: Gazetteer) {
    var masks: [UInt64: UInt16] = [:]
    func add<V>(_ table: PhraseTable<V>) {
      for hash in table.firstTokens { masks[hash, default: 0] |= table.bit }
    }
    add(lexicon.surnames)
    add(lexicon.honorifics)
    add(lexicon.roles)
    add(lexicon.bodies)
    add(lexicon.villagePrefixes)
    add(lexicon.adminPrefixes)
    add(lexicon.documentKinds)
    add(lexicon.schoolKinds)
    add(lexicon.notPrefixes)
    add(lexicon.nameNouns)
    add(lexicon.qualifications)
    add(lexicon.ethnicGroups)
    add(gazetteer.names)
    let places = lexicon.villagePrefixes.bit | lexicon.adminPrefixes.bit
    let people = lexicon.honorifics.bit | lexicon.qualifications.bit
    var interests: [UInt64: UInt8] = [:]
    for (hash, mask) in masks {
      interests[hash] =
        (mask & places != 0 ? Interest.places : 0)
        | (mask & lexicon.bodies.bit != 0 ? Interest.organizations : 0)
        | (mask & people != 0 ? Interest.people : 0)
        | (mask & gazetteer.names.bit != 0 ? Interest.contextPlaces : 0)
    }
    // The cue words that start a pass without a table: "Chi bộ", "tháng 5/2019", "ngày 5/9".
    interests[Cue.chi, default: 0] |= Interest.places
    interests[Cue.tháng, default: 0] |= Interest.dates
    interests[Cue.ngày, default: 0] |= Interest.dates
    var size = 16
    while size < interests.count * 4 { size <<= 1 }
    slotMask = size - 1
    slots = Array(repeating: 0, count: size)
    for (hash, interest) in interests {
      let mask = masks[hash] ?? 0
      let slot = Self.home(hash) & slotMask
      let entry = slots[slot]
      // The tag of a real word is never the wildcard (see `tag`).
      let tag = entry & 0x1F_FFFF == 0 || entry >> 21 == Self.tag(hash) ? Self.tag(hash) : Self.wildcard
      slots[slot] = tag << 21 | (entry & 0x1F_FFFF) | UInt32(interest) << 16 | UInt32(mask)
    }
  }

  @inline(__always) private static func home(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash ^ (hash >> 29))
  }

  /// The top 11 bits of the hash, 0x7FF folded to 0x7FE to keep the wildcard free.
  @inline(__always) private static func tag(_ hash: UInt64) -> UInt32 {
    min(UInt32(truncatingIfNeeded: hash >> 53), 0x7FE)
  }

  /// The slot of `hash` if it may hold the word, else 0: the mask in the low 16 bits, the
  /// interest bits (`Interest`) in the next 5.
  @inline(__always) func entry(_ hash: UInt64) -> UInt32 {
    slots.withUnsafeBufferPointer { slots in
      let entry = slots[Self.home(hash) & slotMask]
      let tag = entry >> 21
      // Arithmetic, not a branch: whether a token is a lexicon word is unpredictable.
      // `x &- 1 >> 31` is 1 exactly when the 11-bit `x` is 0.
      let hit = (((tag ^ Self.tag(hash)) &- 1) | ((tag ^ Self.wildcard) &- 1)) >> 31
      return entry & (0 &- hit)
    }
  }

  /// The tables that may have an entry starting with the word of `hash` (a superset).
  @inline(__always) func mask(_ hash: UInt64) -> UInt16 {
    UInt16(truncatingIfNeeded: entry(hash))
  }

  /// The passes that may start at the word of `hash` whatever its case and kind (a superset;
  /// `EntityScan.TokenFacts.interest` says which of them its facts allow).
  @inline(__always) func interest(_ hash: UInt64) -> UInt8 {
    UInt8(truncatingIfNeeded: entry(hash) >> 16) & 0x1F
  }

  static let standard = FirstWordMask(.standard, .standard)
}
