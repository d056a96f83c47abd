import VNXText

/// One line of a JSON Lines file of scraped pages: `{"url": …, "html"|"text"|"content": …,
/// "title": …}`; other members are checked and skipped.
///
/// A small strict JSON reader (RFC 8259) that keeps only the top-level string members a record
/// needs, instead of building a dictionary of every value: scraped records carry whole pages,
/// and this is read once per record on the hot path.
///
///     ScrapedRecord(json: Array(#"{"url": "https://x.vn/1", "text": "Xã Bản Hon"}"#.utf8))
public struct ScrapedRecord: Sendable, Equatable {
  public var url: String?
  public var html: String?
  public var text: String?
  public var content: String?
  public var title: String?

  /// Why a line is not a JSON object.
  public enum Problem: Error, Equatable {
    case notJSON
    case notObject
  }

  /// Nesting deeper than this is refused (as Foundation's parser does), so hostile input
  /// cannot exhaust the stack.
  static let maximumDepth = 512

  /// Reads one JSON value that must be an object; whitespace may surround it.
  public init(json bytes: [UInt8]) throws(Problem) {
    // One validation of the whole line instead of one per string: outside its strings a
    // JSON text is ASCII, so the line is valid UTF-8 when every string of it is.
    let result = bytes.withUnsafeBufferPointer { buffer in
      Self.read(buffer, isValidUTF8: UTF8Validation.isValid(buffer))
    }
    self = try result.get()
  }

  /// `init(json:)` over bytes known to be valid UTF-8 (a line of a decoded string).
  init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(Problem) {
    self = try Self.read(bytes, isValidUTF8: true).get()
  }

  private static func read(_ bytes: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool) -> Result<Self, Problem> {
    // One buffer per record for the strings with escapes, as long as the record.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { scratch in
      var record = ScrapedRecord()
      var reader = JSONReader(bytes: bytes, isValidUTF8: isValidUTF8, scratch: scratch)
      reader.skipSpace()
      guard reader.peek == UInt8(ascii: "{") else {
        // A valid value that is not an object is a different problem from broken JSON.
        return reader.skipValue(depth: 0) && reader.atEndAfterSpace ? .failure(.notObject) : .failure(.notJSON)
      }
      guard reader.readObject(into: &record), reader.atEndAfterSpace else { return .failure(.notJSON) }
      return .success(record)
    }
  }

  private init() {}

  mutating func keep(_ key: String, _ value: String) {
    switch key {
    case "url": url = value
    case "html": html = value
    case "text": text = value
    case "content": content = value
    case "title": title = value
    default: break
    }
  }

  static func wants(_ key: String) -> Bool {
    key == "url" || key == "html" || key == "text" || key == "content" || key == "title"
  }
}
