import VNXLexicons

/// Dotted abbreviations (`TP.`, `PGS.TS.`, `v.v.`) and whether each may end a sentence.
///
/// Loaded from `lexicons/segmentation/abbreviations.txt`: one form per line as written, with
/// its dots, a TAB, and its role: `title` for forms that always precede a name, a place or a
/// number (`TP.`, `TS.`, `Q.`: never the end of a sentence) and `final` for forms that may
/// close one (`v.v.`, `ĐT.`).
public struct AbbreviationTable: Sendable {
  public enum Role: UInt8, Sendable { case title, final }

  private var roles: [UInt64: Role] = [:]

  public init() {}

  /// Parses lexicon lines (`form<TAB>role`).
  public init<Lines: Sequence>(lines: Lines) where Lines.Element: StringProtocol {
    for line in lines {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
      guard let form = fields.first else { continue }
      let role: Role = fields.count > 1 && fields[1].hasPrefix("final") ? .final : .title
      insert(String(form), role: role)
    }
  }

  /// The table in `lexicons/segmentation/abbreviations.txt`; empty when the file is missing.
  public static let standard: AbbreviationTable = {
    guard let lines = try? LexiconDirectory.lines("segmentation/abbreviations.txt") else {
      return AbbreviationTable()
    }
    return AbbreviationTable(lines: lines)
  }()

  public mutating func insert(_ form: String, role: Role) {
    var hash = ScalarHash()
    for scalar in form.unicodeScalars { hash.add(scalar.value) }
    roles[hash.value] = role
  }

  /// The role of the form made of `scalars[range]`, if it is listed.
  func role(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Role? {
    guard !roles.isEmpty else { return nil }
    var hash = ScalarHash()
    for index in range { hash.add(scalars[index]) }
    return roles[hash.value]
  }

  public func role(of form: String) -> Role? {
    var hash = ScalarHash()
    for scalar in form.unicodeScalars { hash.add(scalar.value) }
    return roles[hash.value]
  }
}

/// FNV-1a over whole scalar values: a stable 64-bit hash that needs no allocation.
struct ScalarHash {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  mutating func add(_ scalar: UInt32) {
    value = (value ^ UInt64(scalar)) &* 0x100_0000_01b3
  }
}
