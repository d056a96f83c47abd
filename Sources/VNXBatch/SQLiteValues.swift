/// The SQLite values of one document, prepared by a worker: every text in one byte buffer, so
/// that the writer binds pointers into it and frees one buffer, not a `Document` of hundreds of
/// strings allocated by another thread.
///
///     var values = SQLiteValues()
///     values.field("Điện Biên"); values.field(2024); values.field(nil as Double?)
///     values.values   // [.text(0, 12), .integer(2024), .null]
struct SQLiteValues: RowWriter, Sendable {
  enum Value: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    /// A range of `bytes`.
    case text(start: Int32, count: Int32)
  }

  private(set) var values: [Value] = []
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) {
    values.reserveCapacity(capacity)
    bytes.reserveCapacity(capacity * 12)
  }

  mutating func field(_ value: String?) {
    guard var value else { return values.append(.null) }
    let start = Int32(bytes.count)
    value.withUTF8 { bytes.append(contentsOf: $0) }
    values.append(.text(start: start, count: Int32(bytes.count) - start))
  }

  mutating func field(_ value: Int?) {
    values.append(value.map { .integer(Int64($0)) } ?? .null)
  }

  mutating func field(_ value: Double?) {
    values.append(value.map { .real($0) } ?? .null)
  }
}
