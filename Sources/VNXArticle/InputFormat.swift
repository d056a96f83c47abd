/// The forms scrapers hand pages over in.
public enum InputFormat: String, Sendable, Codable, Hashable, CaseIterable {
  /// A text dump of a whole page, one block per line.
  case text
  /// An HTML page.
  case html
  /// JSON Lines, one `{"url": …, "html": …}` or `{"url": …, "text": …}` record per line.
  case jsonl

  /// Guesses the form from the first bytes: JSON Lines when the first non-blank byte opens a
  /// JSON object that has an "html" or "text" key, HTML when markup such as `<!DOCTYPE`,
  /// `<html`, `<head`, `<body`, `<div`, `<p>` or `<meta` appears early, text otherwise.
  ///
  ///     InputFormat.detect(in: Array("<!doctype html><p>Lai Châu</p>".utf8))   // .html
  public static func detect(in bytes: some Collection<UInt8>) -> InputFormat {
    let head = Array(bytes.prefix(4096))
    guard let first = head.firstIndex(where: { !isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
    else { return .text }
    let lowered = head[first...].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
    if head[first] == UInt8(ascii: "{") {
      for key in ["\"html\"", "\"text\"", "\"url\""] where UTF8Search.firstIndex(of: Array(key.utf8), in: lowered) != nil {
        return .jsonl
      }
    }
    let markers = ["<!doctype", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<article",
                   "<title", "<table", "<span", "<h1", "<br"]
    var tags = 0
    for marker in markers where UTF8Search.firstIndex(of: Array(marker.utf8), in: lowered) != nil {
      if head[first] == UInt8(ascii: "<") || marker == "<!doctype" || marker == "<html" { return .html }
      tags += 1
    }
    return tags >= 2 ? .html : .text
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
