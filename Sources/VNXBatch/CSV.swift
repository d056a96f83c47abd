/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, rows end
/// with CRLF.
///
///     CSV.row(["Hà Giang", "2.343 \"đảng viên\"", nil])   // "Hà Giang,\"2.343 \"\"đảng viên\"\"\",\r\n"
public enum CSV {
  public static func row(_ fields: [String?]) -> String {
    var line = ""
    for (index, field) in fields.enumerated() {
      if index > 0 { line += "," }
      if let field { line += quoted(field) }
    }
    return line + "\r\n"
  }

  public static func quoted(_ field: String) -> String {
    let needsQuotes = field.utf8.contains { (byte: UInt8) -> Bool in
      byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Parses CSV text back into rows (for tests and tools).
  public static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          if let next = scalars.next() {
            if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r": continue
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }

  /// A number as a person writes it: integers without ".0", others in Swift's shortest form.
  public static func number(_ value: Double?) -> String? {
    guard let value else { return nil }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}
