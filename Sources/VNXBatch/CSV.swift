/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, rows end
/// with CRLF.
///
///     CSV.row(["Hà Giang", "2.343 \"đảng viên\"", nil])   // "Hà Giang,\"2.343 \"\"đảng viên\"\"\",\r\n"
public enum CSV {
  public static func row(_ fields: [String?]) -> String {
    var rows = Rows()
    for field in fields { rows.field(field) }
    rows.endRow()
    return String(decoding: rows.bytes, as: UTF8.self)
  }

  /// CSV rows appended field by field to one byte buffer: no `String` per field or row, the
  /// quoting decided on the UTF-8 bytes.
  ///
  ///     var rows = CSV.Rows()
  ///     rows.field("Điện Biên"); rows.field(2024); rows.endRow()   // "Điện Biên,2024\r\n"
  struct Rows: RowWriter {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
      if !atRowStart { bytes.append(0x2C) }
      atRowStart = false
    }

    /// The fields of another row, whole (quoted as they were written there).
    mutating func fields(_ row: Rows) {
      guard !row.atRowStart else { return }
      separate()
      bytes.append(contentsOf: row.bytes)
    }

    mutating func field(_ value: String?) {
      separate()
      guard var value else { return }
      value.withUTF8 { utf8 in
        guard Self.needsQuotes(utf8) else { return bytes.append(contentsOf: utf8) }
        bytes.append(0x22)
        for byte in utf8 {
          if byte == 0x22 { bytes.append(0x22) }
          bytes.append(byte)
        }
        bytes.append(0x22)
      }
    }

    mutating func field(_ value: Int?) {
      separate()
      guard let value else { return }
      appendDecimal(Int64(value))
    }

    /// A number as `CSV.number` writes it.
    mutating func field(_ value: Double?) {
      guard let value else { return separate() }
      if value == value.rounded(), abs(value) < 1e15 {
        separate()
        appendDecimal(Int64(value))
      } else {
        field(String(value))
      }
    }

    /// Whether a field holds a comma, quote, CR or LF: eight bytes at a time, then byte by byte.
    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = utf8.baseAddress else { return false }
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt64) -> Bool {
        let masked = word ^ (ones &* byte)
        return (masked &- ones) & ~masked & highs != 0
      }
      var index = 0
      while utf8.count - index >= 8 {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if hasByte(word, 0x2C) || hasByte(word, 0x22) || hasByte(word, 0x0A) || hasByte(word, 0x0D) { return true }
        index += 8
      }
      while index < utf8.count {
        let byte = utf8[index]
        if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        index += 1
      }
      return false
    }

    mutating func endRow() {
      bytes.append(0x0D)
      bytes.append(0x0A)
      atRowStart = true
    }

    private mutating func appendDecimal(_ value: Int64) {
      if value < 0 { bytes.append(0x2D) }
      var magnitude = value.magnitude
      var digits: (UInt64, UInt64) = (0, 0)  // room for 20 digits, filled from the end
      var count = 0
      withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
          count += 1
          buffer[buffer.count - count] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
          magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: buffer[(buffer.count - count)...])
      }
    }
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
