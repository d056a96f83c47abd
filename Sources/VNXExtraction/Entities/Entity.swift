/// The entity types of `SAMPLES.md`.
public enum EntityType: String, Codable, Sendable, Hashable, CaseIterable {
  case person, cell, village, commune, district, province, organization, document, date
}

/// A named thing found in the article, with its span in the normalized text.
///
/// Field names follow the gold format (`type`, `text`, `kind`, `role`, `village`, `value`,
/// `date`), so a gold file is a subset of a perfect output. `start`/`end` are Unicode scalar
/// offsets into the normalized article text.
public struct Entity: Hashable, Sendable, Codable {
  public var type: EntityType
  /// The name as written, without generic prefixes: "Lò Văn Phà", "Đông Pao".
  public var text: String
  public var start: Int
  public var end: Int
  /// Village/commune/district/province prefix ("bản", "xã"…) or document kind ("Kết luận").
  public var kind: String?
  /// A person's role: "Bí thư Đảng ủy xã".
  public var role: String?
  /// The village of a party cell: "Đông Pao".
  public var village: String?
  /// A date's ISO 8601 value, as precise as written: "2017-09-22", "2019-05", "--09-05".
  public var value: String?
  /// A document's date (ISO 8601) when the text gives it.
  public var date: String?
  /// The canonical form when it differs from `text` (e.g. gazetteer spelling).
  public var canonical: String?
  /// The administrative code from the gazetteer, for places resolved unambiguously.
  public var code: String?
  /// The entity this one belongs to (cell → village, person → organization,
  /// commune → district → province), as an index into the document's entity list.
  public var parent: Int?

  public init(
    type: EntityType, text: String, start: Int, end: Int, kind: String? = nil,
    role: String? = nil, village: String? = nil, value: String? = nil, date: String? = nil,
    canonical: String? = nil, code: String? = nil, parent: Int? = nil
  ) {
    self.type = type
    self.text = text
    self.start = start
    self.end = end
    self.kind = kind
    self.role = role
    self.village = village
    self.value = value
    self.date = date
    self.canonical = canonical
    self.code = code
    self.parent = parent
  }
}
