import Foundation

/// The forms scrapers hand pages over in.
public enum InputFormat: String, Sendable, Codable, Hashable, CaseIterable {
  /// A text dump of a whole page, one block per line.
  case text
  /// An HTML page.
  case html
  /// JSON Lines, one `{"url": …, "html": …}` or `{"url": …, "text": …}` record per line.
  case jsonl

  /// Guesses the form from the first 4,096 bytes: JSON Lines when the first non-blank byte
  /// opens a JSON object that has an "html", "text" or "url" key, HTML when markup such as
  /// `<!DOCTYPE`, `<html`, `<head`, `<body`, `<div`, `<p>` or `<meta` appears early, text
  /// otherwise. One pass: only the bytes after a `<` or a `"` are compared.
  ///
  ///     InputFormat.detect(in: Array("<!doctype html><p>Lai Châu</p>".utf8))   // .html
  public static func detect(in bytes: some Collection<UInt8>) -> InputFormat {
    bytes.withContiguousStorageIfAvailable { detect(head: UnsafeBufferPointer(rebasing: $0.prefix(4096))) }
      ?? Array(bytes.prefix(4096)).withUnsafeBufferPointer { detect(head: $0) }
  }

  private static func detect(head: UnsafeBufferPointer<UInt8>) -> InputFormat {
    guard let first = head.firstIndex(where: { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
    else { return .text }
    if head[first] == UInt8(ascii: "{") {
      for index in first..<head.count where head[index] == UInt8(ascii: "\"") {
        for key in keys where matches(key, in: head, at: index) { return .jsonl }
      }
    }
    // Which markers occur, each counted once.
    var seen = [Bool](repeating: false, count: markers.count)
    var tags = 0
    var index = first
    while let found = next(UInt8(ascii: "<"), in: head, from: index) {
      for (number, marker) in markers.enumerated() where !seen[number] && matches(marker, in: head, at: found) {
        if head[first] == UInt8(ascii: "<") || number < 2 { return .html }
        seen[number] = true
        tags += 1
      }
      index = found + 1
    }
    return tags >= 2 ? .html : .text
  }

  /// The index of the next `byte` in `bytes` from `start` (`memchr`: pages of text have none).
  private static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, Int32(byte), bytes.count - start)
    else { return nil }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  private static let keys: [[UInt8]] = ["\"html\"", "\"text\"", "\"url\""].map { Array($0.utf8) }
  /// `<!doctype` and `<html` first: either alone makes a page HTML.
  private static let markers: [[UInt8]] = [
    "<!doctype", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<article", "<title", "<table",
    "<span", "<h1", "<br",
  ].map { Array($0.utf8) }

  /// Whether `marker` (lowercase) starts at `index`, ASCII capitals of the input lowered; its
  /// first byte is known to match.
  private static func matches(_ marker: [UInt8], in head: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard head.count - index >= marker.count else { return false }
    for offset in 1..<marker.count {
      let byte = head[index + offset]
      if (byte >= 65 && byte <= 90 ? byte | 0x20 : byte) != marker[offset] { return false }
    }
    return true
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
