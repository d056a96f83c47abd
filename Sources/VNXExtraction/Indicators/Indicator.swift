/// What kind of quantity an indicator is.
public enum QuantityKind: String, Codable, Sendable, Hashable, CaseIterable {
  case count, percent, mass, area, money, length, volume, rate, other
}

/// A quantity the article reports, with its span in the normalized text.
///
/// Field names follow the gold format of `SAMPLES.md` (`text`, `value`, `unit`, `value_max`,
/// `total`, `qualifier`, `trend`, `about`); `start`/`end` are Unicode scalar offsets into the
/// normalized article text.
public struct Indicator: Hashable, Sendable, Codable {
  public enum Qualifier: String, Codable, Sendable, Hashable { case over, under, approx }
  public enum Trend: String, Codable, Sendable, Hashable { case increase, decrease }

  /// The span as written, qualifier and unit included: "trên 5, 5 ha".
  public var text: String
  public var start: Int
  public var end: Int
  /// The number with separators resolved and scale words folded in: 1,2 tỷ đồng → 1.2e9.
  public var value: Double
  /// Lowercase unit: "%", "tấn", "ha", "đồng", or the counted noun: "đảng viên", "hộ".
  public var unit: String
  public var kind: QuantityKind
  public var valueMax: Double?
  public var total: Double?
  public var qualifier: Qualifier?
  public var trend: Trend?
  /// What is measured: "sản lượng lương thực".
  public var about: String?
  /// The year the quantity refers to, from context.
  public var year: Int?
  /// Index of the place entity the quantity belongs to, when the text makes it clear.
  public var place: Int?
  /// Index of the subject entity (organization, cell…) when the text makes it clear.
  public var subject: Int?

  enum CodingKeys: String, CodingKey {
    case text, start, end, value, unit, kind
    case valueMax = "value_max"
    case total, qualifier, trend, about, year, place, subject
  }

  public init(
    text: String, start: Int, end: Int, value: Double, unit: String, kind: QuantityKind,
    valueMax: Double? = nil, total: Double? = nil, qualifier: Qualifier? = nil,
    trend: Trend? = nil, about: String? = nil, year: Int? = nil, place: Int? = nil,
    subject: Int? = nil
  ) {
    self.text = text
    self.start = start
    self.end = end
    self.value = value
    self.unit = unit
    self.kind = kind
    self.valueMax = valueMax
    self.total = total
    self.qualifier = qualifier
    self.trend = trend
    self.about = about
    self.year = year
    self.place = place
    self.subject = subject
  }
}
