import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's HTML parser (`htmlReadMemory`), which recovers from
/// broken markup the way browsers do. Owns the libxml2 tree and frees it in `deinit`.
///
/// The parser is given UTF-8 (vnx decodes bytes itself first) and never touches the network.
final class HTMLDocument {
  let pointer: htmlDocPtr
  /// Why libxml2 stopped before the end of the markup, when it did (nesting deeper than its
  /// limit, for one): the rest of the page is not in the tree.
  let stoppedEarly: String?

  /// Parses UTF-8 markup; nil only when libxml2 gives back no tree at all.
  init?(utf8 markup: [UInt8]) {
    Self.silenceErrors
    let markup = AttributeLimit.capped(markup) ?? markup
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue
        | HTML_PARSE_IGNORE_ENC.rawValue)
    guard let context = htmlNewParserCtxt() else { return nil }
    defer { htmlFreeParserCtxt(context) }
    let document = markup.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        htmlCtxtReadMemory(context, base, Int32(clamping: buffer.count), nil, "UTF-8", options)
      }
    }
    guard let document else { return nil }
    pointer = document
    let error = context.pointee.lastError
    if error.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue) || error.code == Int32(XML_ERR_NO_MEMORY.rawValue)
      || context.pointee.instate == XML_PARSER_EOF && error.level == XML_ERR_FATAL
    {
      let message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
      stoppedEarly = message.split(separator: "\n").first.map(String.init) ?? message
    } else {
      stoppedEarly = nil
    }
  }

  deinit { xmlFreeDoc(pointer) }

  /// The first top-level node (the `<html>` element or whatever the page starts with).
  var firstNode: xmlNodePtr? { pointer.pointee.children }

  private static let silenceErrors: Void = vnx_xml_silence_errors()
}

extension UnsafeMutablePointer where Pointee == xmlNode {
  var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

  /// The lowercased tag name ("div").
  var tagName: String {
    guard let name = pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  /// The value of an attribute, read in place without libxml2 allocating a copy.
  func attribute(_ wanted: StaticString) -> String? {
    var attribute = pointee.properties
    while let current = attribute {
      if let name = current.pointee.name, Self.equalsIgnoringASCIICase(name, wanted) {
        var value = ""
        var child = current.pointee.children
        while let node = child {
          if let content = node.pointee.content { value += String(cString: content) }
          child = node.pointee.next
        }
        return value
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// Whether the element has an attribute of this (ASCII lowercase) name.
  func hasAttribute(_ wanted: StaticString) -> Bool {
    var attribute = pointee.properties
    while let current = attribute {
      if let name = current.pointee.name, Self.equalsIgnoringASCIICase(name, wanted) { return true }
      attribute = current.pointee.next
    }
    return false
  }

  /// Appends the bytes of an attribute's value (what `attribute(_:)` reads) to `buffer`.
  func appendAttribute(_ wanted: StaticString, to buffer: inout [UInt8]) {
    var attribute = pointee.properties
    while let current = attribute {
      if let name = current.pointee.name, Self.equalsIgnoringASCIICase(name, wanted) {
        var child = current.pointee.children
        while let node = child {
          if let content = node.pointee.content {
            buffer.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
          }
          child = node.pointee.next
        }
        return
      }
      attribute = current.pointee.next
    }
  }

  /// Compares a C string with an ASCII lowercase name, without making a Swift string (the
  /// name a literal: its bytes read in place, not through `String.UTF8View`).
  private static func equalsIgnoringASCIICase(_ name: UnsafePointer<xmlChar>, _ wanted: StaticString) -> Bool {
    let bytes = wanted.utf8Start
    let count = wanted.utf8CodeUnitCount
    for index in 0..<count {
      var found = name[index]
      if found >= 0x41 && found <= 0x5A { found |= 0x20 }
      guard found == bytes[index] else { return false }
    }
    return name[count] == 0
  }
}
