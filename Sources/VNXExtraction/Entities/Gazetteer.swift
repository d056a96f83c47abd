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
  var names = PhraseTable<[Int32]>()
  private var byCode: [String: [Int]] = [:]

  public static let standard = Gazetteer(files: ["places/divisions-2024.tsv", "places/divisions-2025.tsv"])

  public init(files: [String]) {
    for file in files {
      let structure: Division.Structure = file.contains("2025") ? .after2025 : .before2025
      for line in (try? LexiconDirectory.lines(file)) ?? [] {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 5, let level = Division.Level(rawValue: String(fields[0])) else {
          continue
        }
        let division = Division(
          level: level, code: String(fields[1]), kind: String(fields[2]), name: String(fields[3]),
          parent: String(fields[4]), structure: structure)
        let index = divisions.count
        divisions.append(division)
        byCode["\(structure.rawValue):\(division.code)", default: []].append(index)
        for name in Self.spellings(division.name) {
          for key in EntityLexicon.keys(name) {
            names.insert(key, [Int32(index)]) { $0.append(contentsOf: $1) }
          }
        }
      }
    }
  }

  /// A name and its variant with the final number in the other numeral system, as the press
  /// writes both: "Hòa Tú II" / "Hòa Tú 2", "Phường 3" / "Phường III".
  static func spellings(_ name: String) -> [String] {
    let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    guard let space = name.lastIndex(of: " ") else { return [name] }
    let last = String(name[name.index(after: space)...])
    let stem = name[..<space]
    if let number = romans.firstIndex(of: last) { return [name, "\(stem) \(number + 1)"] }
    if let number = Int(last), (1...10).contains(number) { return [name, "\(stem) \(romans[number - 1])"] }
    return [name]
  }

  /// The divisions whose name is `name` (any level, both structures).
  public func divisions(named name: String) -> [Division] {
    EntityLexicon.keys(name).first.flatMap { names.value($0) }?.map { divisions[Int($0)] } ?? []
  }

  /// The parent of a division, in the same structure.
  public func parent(of division: Division) -> Division? {
    guard !division.parent.isEmpty,
      let index = byCode["\(division.structure.rawValue):\(division.parent)"]?.first(where: {
        divisions[$0].level != division.level
      })
    else { return nil }
    return divisions[index]
  }

  /// The division itself and its ancestors' codes, as "structure:code" keys.
  func lineage(of index: Int) -> [String] {
    var result: [String] = []
    var current: Division? = divisions[index]
    while let division = current {
      result.append("\(division.structure.rawValue):\(division.code)")
      current = parent(of: division)
    }
    return result
  }
}
