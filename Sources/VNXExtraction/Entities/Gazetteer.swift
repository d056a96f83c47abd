import VNXLexicons

/// An administrative division of Vietnam in one of the two structures.
public struct Division: Hashable, Sendable {
  public enum Level: String, Sendable { case province, district, commune }
  /// 2024: before the 2025 reform (63 provinces with districts); 2025: after it (34, none).
  public enum Structure: Int, Sendable { case before2025 = 2024, after2025 = 2025 }

  public var level: Level
  /// The General Statistics Office code: "12" (Lai Châu), "106", "03421".
  public var code: String
  /// "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu".
  public var kind: String
  public var name: String
  /// The parent's code (district or province); empty for provinces.
  public var parent: String
  public var structure: Structure
}

/// Every province, district and commune of Vietnam before and after the 2025 reform, from
/// `lexicons/places/divisions-2024.tsv` and `divisions-2025.tsv`, indexed by name.
///
///     Gazetteer.standard.divisions(named: "Bản Hon")   // [xã Bản Hon (03421), huyện Tam Đường]
public struct Gazetteer: Sendable {
  public private(set) var divisions: [Division] = []
  var names = PhraseTable<[Int32]>(bit: 1 << 8)
  /// The index of each division's parent (same structure), -1 for provinces.
  private(set) var parents: [Int32] = []
  /// Each division's level, structure and kind, beside `divisions` so that the scans read one
  /// field without copying a `Division` and its strings.
  private(set) var levels: [Division.Level] = []
  private(set) var structures: [Division.Structure] = []
  private(set) var kinds: [String] = []
  /// Each division's code and name, read as `kinds` is.
  private(set) var codes: [String] = []
  private(set) var divisionNames: [String] = []

  public static let standard = Gazetteer(files: [
    "places/divisions-2024.tsv", "places/former-names-2024.tsv", "places/divisions-2025.tsv",
  ])

  /// Reads the lexicon lines at the bytes: the fields cut at tabs, each name's keys built
  /// from its words' (`PhraseKeyCache`).
  public init(files: [String]) {
    var keys = PhraseKeyCache()
    for file in files {
      let structure: Division.Structure = file.contains("2025") ? .after2025 : .before2025
      for line in (try? LexiconDirectory.lines(file)) ?? [] {
        let fields = LexiconDirectory.fields(line)
        guard fields.count >= 5, let level = Division.Level(rawValue: String(fields[0])) else {
          continue
        }
        let name = fields[3]
        let division = Division(
          level: level, code: String(fields[1]), kind: String(fields[2]), name: String(name),
          parent: String(fields[4]), structure: structure)
        let index = divisions.count
        divisions.append(division)
        for spelling in Self.spellings(name) {
          for key in keys.keys(spelling) {
            names.insert(key, [Int32(index)]) { $0.append(contentsOf: $1) }
          }
        }
      }
    }
    levels = divisions.map(\.level)
    structures = divisions.map(\.structure)
    kinds = divisions.map(\.kind)
    codes = divisions.map(\.code)
    divisionNames = divisions.map(\.name)
    parents = Self.parents(divisions)
  }

  /// The index of each division's parent (same structure), -1 for provinces or when missing.
  private static func parents(_ divisions: [Division]) -> [Int32] {
    struct Key: Hashable {
      let structure: Division.Structure
      let level: Division.Level
      let code: String
    }
    var byCode: [Key: Int32] = [:]
    byCode.reserveCapacity(divisions.count)
    for (index, division) in divisions.enumerated() {
      byCode[Key(structure: division.structure, level: division.level, code: division.code)] =
        Int32(index)
    }
    return divisions.map { division in
      let level: Division.Level
      switch division.level {
      case .province: return -1
      case .district: level = .province
      case .commune: level = division.structure == .after2025 ? .province : .district
      }
      return byCode[Key(structure: division.structure, level: level, code: division.parent)] ?? -1
    }
  }

  /// A name and its variant with the final number in the other numeral system, as the press
  /// writes both: "Hòa Tú II" / "Hòa Tú 2", "Phường 3" / "Phường III"; "NT" (nông trường)
  /// written out.
  static func spellings(_ name: Substring) -> [Substring] {
    // "NT Mộc Châu" is written out in running text: "thị trấn Nông trường Mộc Châu".
    if name.utf8.starts(with: "NT ".utf8) {
      let written: Substring = "Nông trường " + name.dropFirst(3)
      return [name, written]
    }
    guard let space = name.utf8.lastIndex(of: 0x20) else { return [name] }
    let last = name[name.utf8.index(after: space)...]
    // Only a numeral (I, V, X) or a number (a digit or a sign first) is read below.
    let numeralStarts: [UInt8] = Array("IVX+-0123456789".utf8)
    guard let first = last.utf8.first, numeralStarts.contains(first) else { return [name] }
    let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    let stem = String(name[..<space])
    if let number = romans.firstIndex(where: { $0 == last }) {
      return [name, Substring(stem + " " + String(number + 1))]
    }
    if let number = Int(last), (1...10).contains(number) {
      return [name, Substring(stem + " " + romans[number - 1])]
    }
    return [name]
  }

  /// The divisions whose name is `name` (any level, both structures).
  public func divisions(named name: String) -> [Division] {
    EntityLexicon.keys(name).first.flatMap { names.value($0) }?.map { divisions[Int($0)] } ?? []
  }

  /// The parent of a division, in the same structure.
  public func parent(of index: Int) -> Int? {
    parents[index] >= 0 ? Int(parents[index]) : nil
  }

  /// Whether `ancestor` is the parent or grandparent of `index`.
  func isAncestor(_ ancestor: Int32, of index: Int32) -> Bool {
    var current = parents[Int(index)]
    while current >= 0 {
      if current == ancestor { return true }
      current = parents[Int(current)]
    }
    return false
  }

  /// Whether a parent or grandparent of `index` is among `divisions`.
  func hasAncestor(_ index: Int32, in divisions: [Int32]) -> Bool {
    var current = parents[Int(index)]
    while current >= 0 {
      if divisions.contains(current) { return true }
      current = parents[Int(current)]
    }
    return false
  }

  /// The division and its ancestors, as indices.
  func lineage(of index: Int32) -> [Int32] {
    var result: [Int32] = [index]
    var current = parents[Int(index)]
    while current >= 0 {
      result.append(current)
      current = parents[Int(current)]
    }
    return result
  }
}
