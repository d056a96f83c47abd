import VNXSegmentation

/// Finds people, party cells, villages, communes, districts, provinces, organizations,
/// documents and dates in normalized text (the types of `SAMPLES.md`).
///
///     let text = "Đồng chí Lò Văn Phà, Bí thư Đảng ủy xã Bản Hon dự sinh hoạt tại Chi bộ 4 (bản Đông Pao)."
///     let entities = EntityExtractor().extract(from: text, sentences: Segmenter().sentences(in: text))
///     // person "Lò Văn Phà" (role "Bí thư Đảng ủy xã Bản Hon"), organization "Đảng ủy xã Bản Hon",
///     // commune "Bản Hon" (code 03421), cell "Chi bộ 4" (village "Đông Pao"), village "Đông Pao"
///
/// Works on the segmenter's tokens: each token is hashed once (case-folded), and every
/// lexicon is a hash table of token sequences, so recognition is a few dictionary probes per
/// token. Entities come back in text order, one per mention, except that an organization
/// named more fully elsewhere in the text is listed only in its fullest form (SAMPLES.md).
public struct EntityExtractor: Sendable {
  let tables: EntityTables
  public var gazetteer: Gazetteer { tables.gazetteer }

  /// An extractor with the lexicons and gazetteers in `lexicons/` (loaded once per process).
  public init() {
    self.tables = .standard
  }

  /// The entities of `text`, given its sentences from `Segmenter.sentences(in:)`.
  ///
  /// Never inlined: callgrind counts the extraction by this symbol (Tests/BENCHMARKS.md).
  @inline(never)
  public func extract(from text: String, sentences: [Sentence]) -> [Entity] {
    EntityScan(text: text, sentences: sentences, tables: tables).run()
  }

  /// The entities of `text`, segmenting it first (tokens only).
  public func extract(from text: String) -> [Entity] {
    let segmenter = Segmenter(abbreviations: .standard, model: nil)
    var plain = segmenter
    plain.segmentsWords = false
    return extract(from: text, sentences: plain.sentences(in: text))
  }
}

/// The lexicons, the gazetteer and their first-word masks, loaded once and shared by
/// reference: each scan holds one reference instead of copies of the tables.
///
/// The lexicon and the gazetteer also sit at fixed addresses, which a scan reads them through
/// (`EntityScan.lexicon`): a copy of either in each scan retained and released some sixty
/// tables, each a cache line far from the others.
final class EntityTables: Sendable {
  let lexicon: EntityLexicon
  let gazetteer: Gazetteer
  let firstWords: FirstWordMask
  /// Copies of `lexicon` and `gazetteer` that never move, freed with the tables.
  nonisolated(unsafe) let lexiconAddress: UnsafeMutablePointer<EntityLexicon>
  nonisolated(unsafe) let gazetteerAddress: UnsafeMutablePointer<Gazetteer>

  init(lexicon: EntityLexicon, gazetteer: Gazetteer, firstWords: FirstWordMask) {
    self.lexicon = lexicon
    self.gazetteer = gazetteer
    self.firstWords = firstWords
    lexiconAddress = .allocate(capacity: 1)
    lexiconAddress.initialize(to: lexicon)
    gazetteerAddress = .allocate(capacity: 1)
    gazetteerAddress.initialize(to: gazetteer)
  }

  deinit {
    lexiconAddress.deinitialize(count: 1)
    lexiconAddress.deallocate()
    gazetteerAddress.deinitialize(count: 1)
    gazetteerAddress.deallocate()
  }

  static let standard = EntityTables(lexicon: .standard, gazetteer: .standard, firstWords: .standard)
}
