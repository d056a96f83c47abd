import CLibXML2
import Foundation

/// What a page says about itself: `<title>`, Open Graph and article `<meta>` tags, canonical
/// link, and JSON-LD `NewsArticle` objects (headline, datePublished, author).
struct HTMLMetadata: Sendable {
  var documentTitle: String?
  var properties: [String: String] = [:]
  var canonical: String?
  var headline: String?
  var datePublished: String?
  var author: String?

  /// Records `<meta property|name|itemprop=… content=…>`; the first value of a key wins.
  mutating func meta(_ node: xmlNodePtr) {
    guard let content = node.attribute("content"), !content.isEmpty else { return }
    for attribute: StaticString in ["property", "name", "itemprop"] {
      if let key = node.attribute(attribute)?.lowercased(), properties[key] == nil {
        properties[key] = content
      }
    }
  }

  mutating func link(_ node: xmlNodePtr) {
    guard canonical == nil, (node.attribute("rel") ?? "").lowercased() == "canonical" else { return }
    canonical = node.attribute("href")
  }

  /// Reads a JSON-LD script; finds the first (News)Article, maybe inside `@graph` or an array.
  mutating func jsonLD(_ bytes: [UInt8]) {
    guard headline == nil, bytes.count < 1 << 20,
      let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    else { return }
    var queue: [Any] = [object]
    while !queue.isEmpty {
      let item = queue.removeFirst()
      if let array = item as? [Any] {
        queue.append(contentsOf: array)
        continue
      }
      guard let dictionary = item as? [String: Any] else { continue }
      if let graph = dictionary["@graph"] { queue.append(graph) }
      let types: [String] = (dictionary["@type"] as? [String]) ?? [(dictionary["@type"] as? String) ?? ""]
      guard types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "ReportageNewsArticle" })
      else { continue }
      headline = (dictionary["headline"] as? String) ?? (dictionary["name"] as? String)
      datePublished = dictionary["datePublished"] as? String
      author = Self.name(of: dictionary["author"])
      return
    }
  }

  private static func name(of value: Any?) -> String? {
    if let text = value as? String { return text }
    if let dictionary = value as? [String: Any] { return dictionary["name"] as? String }
    if let array = value as? [Any] {
      let names = array.compactMap { name(of: $0) }
      return names.isEmpty ? nil : names.joined(separator: ", ")
    }
    return nil
  }

  var title: String? {
    headline ?? properties["og:title"] ?? properties["twitter:title"] ?? properties["title"]
  }

  var published: String? {
    datePublished ?? properties["article:published_time"] ?? properties["datepublished"]
      ?? properties["pubdate"] ?? properties["publishdate"] ?? properties["dc.date.issued"]
      ?? properties["dc.date"] ?? properties["date"] ?? properties["og:published_time"]
  }

  var byline: String? { author ?? properties["author"] ?? properties["article:author"] ?? properties["dc.creator"] }

  var url: String? { canonical ?? properties["og:url"] }
}
