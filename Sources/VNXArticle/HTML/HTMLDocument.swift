import CLibXML2

/// An HTML page parsed by libxml2's HTML parser (`htmlReadMemory`), which recovers from
/// broken markup the way browsers do. Owns the libxml2 tree and frees it in `deinit`.
///
/// The parser is given UTF-8 (vnx decodes bytes itself first) and never touches the network.
final class HTMLDocument {
  let pointer: htmlDocPtr

  /// Parses UTF-8 markup; nil only when libxml2 gives back no tree at all.
  init?(utf8 markup: [UInt8]) {
    Self.silenceErrors
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
    let document = markup.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        htmlReadMemory(base, Int32(clamping: buffer.count), nil, "UTF-8", options)
      }
    }
    guard let document else { return nil }
    pointer = document
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
  func attribute(_ wanted: String) -> String? {
    var attribute = pointee.properties
    while let current = attribute {
      if let name = current.pointee.name, String(cString: name).lowercased() == wanted {
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
}
