import CLibXML2
import Foundation
import VNXText

/// Turns a parsed HTML page into blocks in reading order, the page's metadata, and the
/// container that holds the article.
///
/// One iterative walk over the libxml2 tree (no recursion: 100,000 nested elements are fine).
/// Scripts, styles and forms' widgets are skipped; navigation, headers, footers, asides and
/// elements whose class or id names a menu, sidebar, related list, share bar… mark their
/// blocks as boilerplate. The container is chosen by content scoring as readability does:
/// each prose block adds its length, less its link text, to its parent (full) and
/// grandparent (half); the best-scored element wins.
struct HTMLPageReader {
  var normalizer: TextNormalizer
  var filter = BoilerplateFilter()
  /// Blocks past this many are dropped (`Page.reachedBlockLimit`).
  var maximumBlocks = Int.max

  struct Page {
    var blocks: [PageBlock] = []
    /// Whether blocks were dropped past `maximumBlocks`.
    var reachedBlockLimit = false
    /// The shape of each block, measured once for content scoring and the assembler.
    var shapes: [LineShape] = []
    var metadata = HTMLMetadata()
  }

  /// Class and id words that mark page furniture.
  static let boilerplateWords = ByteStringTable([
    "menu": "navigation", "nav": "navigation", "navbar": "navigation", "navigation": "navigation",
    "breadcrumb": "navigation", "breadcrumbs": "navigation", "footer": "footer", "copyright": "footer",
    "sidebar": "aside", "related": "related", "relate": "related", "other": "related", "othernews": "related",
    "tinlienquan": "related", "tinkhac": "related", "lienquan": "related", "morenews": "related",
    "comment": "comments", "comments": "comments", "binhluan": "comments", "share": "share",
    "social": "share", "sharing": "share", "print": "share", "toolbar": "share", "tags": "tags", "tag": "tags",
    "keywords": "tags", "banner": "advert", "ads": "advert", "adv": "advert", "advert": "advert",
    "advertisement": "advert", "quangcao": "advert", "rating": "rating", "vote": "rating", "login": "session",
    "search": "navigation", "pagination": "navigation", "paging": "navigation", "widget": "aside",
    "topbar": "navigation", "top-bar": "navigation", "logo": "header", "hotnews": "related",
    "mostview": "related", "mostread": "related",
  ])

  private struct Frame {
    var tag: HTMLTag
    var id: Int
    var isBlock: Bool
    var hint: PageBlock.Hint
    var isLink: Bool
    var node: xmlNodePtr
  }

  func read(_ document: HTMLDocument) -> Page {
    var page = Page()
    var frames: [Frame] = []
    // Counters and stacks kept alongside the frames so that no step looks down the whole
    // path: pages nested 100,000 deep stay linear.
    var blockIds: [Int] = []
    var hints: [PageBlock.Hint] = []
    var boilerplateReasons: [String] = []
    var links = 0
    var italics = 0
    var figures = 0
    var ends: [Int] = []
    var parents: [Int] = []
    var paragraphFlags: [Bool] = []
    var blockElements: [Int] = []
    var buffer: [UInt8] = []
    var linkBytes = 0
    var italicBytes = 0
    var afterImage = false
    var scriptJSON: [UInt8]?
    var titleText: [UInt8]?
    var inArticleTag = 0

    func currentHint() -> PageBlock.Hint {
      if let reason = boilerplateReasons.first { return .boilerplate(reason) }
      // "<div class="sapo"><h2>…</h2></div>": a heading inside the summary is the summary.
      if hints.last == .heading, hints.contains(.lead) { return .lead }
      return hints.last ?? .none
    }
    func nearestBlockId() -> Int { blockIds.last ?? -1 }
    func flush() {
      defer {
        buffer.removeAll(keepingCapacity: true)
        linkBytes = 0
        italicBytes = 0
      }
      guard buffer.contains(where: { $0 > 0x20 }) else { return }
      guard page.blocks.count < maximumBlocks else {
        page.reachedBlockLimit = true
        return
      }
      // libxml2 writes UTF-8, valid but for odd character references: the repairing decode
      // only when the quick validation fails.
      let raw = buffer.withUnsafeBufferPointer { UTF8Validation.string(validating: $0) }
        ?? String(decoding: buffer, as: UTF8.self)
      let text = collapse(normalizer.normalize(raw).text)
      guard !text.isEmpty else { return }
      var block = PageBlock(text: text)
      block.linkDensity = buffer.isEmpty ? 0 : min(1, Double(linkBytes) / Double(buffer.count))
      block.hint = currentHint()
      // The short line right under a picture, in italics or in the picture's table or
      // figure, is its caption (NukeViet and table-layout sites mark it no other way).
      if afterImage, block.hint == .none, linkBytes == 0, text.split(separator: " ").count <= 40,
        italicBytes * 10 >= buffer.count * 8 || figures > 0
      {
        block.hint = .caption
      }
      afterImage = false
      page.blocks.append(block)
      blockElements.append(nearestBlockId())
    }

    var node = document.firstNode
    var nextId = 0
    while let current = node {
      var descend = false
      if current.isElement {
        let tag = current.pointee.name.map { HTMLTag(name: $0) } ?? HTMLTag(lowercased: "")
        switch tag.name {
        case .meta: page.metadata.meta(current)
        case .link: page.metadata.link(current)
        case .script:
          if (current.attribute("type") ?? "").lowercased().contains("ld+json") { scriptJSON = [] }
        case .title: titleText = []
        case .br, .hr: flush()
        case .img:
          // Images end a line: a caption written next to one is its own block.
          flush()
          afterImage = true
        default: break
        }
        if scriptJSON != nil || titleText != nil {
          descend = current.pointee.children != nil
        } else if !tag.flags.contains(.skipped), tag.name != .meta, tag.name != .link {
          descend = true
        }
        if descend {
          let isBlock = tag.flags.contains(.block)
          if isBlock { flush() }
          if tag.name == .article || tag.name == .main { inArticleTag += 1 }
          let hint = hint(for: current, tag: tag, insideArticle: inArticleTag > 0)
          let id = nextId
          nextId += 1
          ends.append(id)
          parents.append(blockIds.last ?? -1)
          frames.append(Frame(tag: tag, id: id, isBlock: isBlock, hint: hint, isLink: tag.name == .a, node: current))
          if isBlock { blockIds.append(id) }
          switch hint {
          case .none: break
          case .boilerplate(let reason): boilerplateReasons.append(reason)
          default: hints.append(hint)
          }
          if tag.name == .a { links += 1 }
          if tag.name == .i || tag.name == .em { italics += 1 }
          if tag.name == .table || tag.name == .figure { figures += 1 }
          paragraphFlags.append(tag.flags.contains(.paragraph))
        }
      } else if current.isText, let content = current.pointee.content {
        let length = strlen(content)
        let bytes = UnsafeBufferPointer(start: content, count: length)
        if scriptJSON != nil {
          scriptJSON!.append(contentsOf: bytes)
        } else if titleText != nil {
          titleText!.append(contentsOf: bytes)
        } else if !buffer.isEmpty || bytes.contains(where: { $0 > 0x20 }) {
          buffer.append(contentsOf: bytes)
          if links > 0 { linkBytes += length }
          if italics > 0 { italicBytes += length }
        }
      }
      if descend, let child = current.pointee.children {
        node = child
        continue
      }
      // Leave this node and every ancestor that has no next sibling.
      var leaving: xmlNodePtr? = current
      node = nil
      while let left = leaving {
        if left.isElement, descendedInto(left, frames) {
          let frame = frames.last!
          if frame.isBlock, frame.tag.name != .title { flush() }
          frames.removeLast()
          if frame.isBlock { blockIds.removeLast() }
          switch frame.hint {
          case .none: break
          case .boilerplate: boilerplateReasons.removeLast()
          default: hints.removeLast()
          }
          if frame.tag.name == .a { links -= 1 }
          if frame.tag.name == .i || frame.tag.name == .em { italics -= 1 }
          if frame.tag.name == .table || frame.tag.name == .figure { figures -= 1 }
          if frame.tag.name == .script, let json = scriptJSON {
            page.metadata.jsonLD(json)
            scriptJSON = nil
          } else if frame.tag.name == .title, let title = titleText {
            page.metadata.documentTitle = collapse(normalizer.normalize(String(decoding: title, as: UTF8.self)).text)
            titleText = nil
          }
          if frame.tag.name == .article || frame.tag.name == .main { inArticleTag -= 1 }
          // Sibling fields laid out by style ("<span>10:30</span><span>Lượt xem 412</span>")
          // are separate words, not one.
          if frame.tag.flags.contains(.field), let next = left.pointee.next, next.isElement,
            let last = buffer.last, last > 0x20
          {
            buffer.append(0x20)
          }
          ends[frame.id] = nextId - 1
          // Close the subtree range of the element we leave.
        }
        if let next = left.pointee.next {
          node = next
          break
        }
        leaving = left.pointee.parent
        if leaving == nil || leaving!.pointee.type == XML_HTML_DOCUMENT_NODE
          || leaving!.pointee.type == XML_DOCUMENT_NODE
        {
          break
        }
      }
    }
    flush()
    page.shapes = page.blocks.map { LineShape($0.text, lexicon: filter.lexicon) }
    markContent(&page, blockElements: blockElements, parents: parents, ends: ends, paragraphs: paragraphFlags)
    return page
  }

  /// Whether `node` is the element on top of the frame stack (it was descended into).
  private func descendedInto(_ node: xmlNodePtr, _ frames: [Frame]) -> Bool {
    frames.last?.node == node
  }

  private func hint(for node: xmlNodePtr, tag: HTMLTag, insideArticle: Bool) -> PageBlock.Hint {
    switch tag.name {
    case .nav: return .boilerplate("navigation")
    case .footer: return .boilerplate("footer")
    case .aside: return .boilerplate("aside")
    case .header where !insideArticle: return .boilerplate("header")
    case .figcaption: return .caption
    case .h1: return .title
    case .time: return .date
    default: break
    }
    let plain: PageBlock.Hint = tag.flags.contains(.headingLike) ? .heading : .none
    guard let names = Self.classAndId(of: node) else { return plain }
    return Self.hint(names: names) ?? plain
  }

  /// The class and id of an element, lowercased, joined by a space; nil when it has neither.
  /// ASCII values are read and lowered in place; others go through `String` as they always did.
  static func classAndId(of node: xmlNodePtr) -> [UInt8]? {
    guard node.hasAttribute("class") || node.hasAttribute("id") else { return nil }
    var names: [UInt8] = []
    node.appendAttribute("class", to: &names)
    names.append(0x20)
    node.appendAttribute("id", to: &names)
    if names.allSatisfy({ $0 < 0x80 }) {
      for index in names.indices where names[index] >= 0x41 && names[index] <= 0x5A { names[index] |= 0x20 }
      return names
    }
    return LetterCase.lowercased(Array(((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).utf8))
  }

  /// What lowercased class and id names say about an element, if anything.
  static func hint(names: [UInt8]) -> PageBlock.Hint? {
    guard names.contains(where: { $0 != 0x20 }) else { return nil }
    // Words of class and id names: runs of letters and digits (any non-ASCII byte is a letter).
    let words = names.split(whereSeparator: { $0 < 0x80 && !Self.isASCIIAlphanumeric($0) })
    let content = words.contains { Self.contentWords.contains($0) }
    for word in words {
      if let reason = Self.boilerplateWords.value(of: word), !(content && (reason == "related" || reason == "header")) {
        return .boilerplate(reason)
      }
    }
    // The markers the names hold, as bits of `markers`' indices, found in one pass.
    var found: UInt64 = 0
    Self.markerTrie.forEachMatchAnywhere(in: names) { found |= 1 << UInt64($0) }
    guard found != 0 || words.contains(where: { $0.elementsEqual("sum".utf8) }) else { return nil }
    func has(_ marker: Marker) -> Bool { found & 1 << UInt64(marker.rawValue) != 0 }
    func hasAny(_ group: [Marker]) -> Bool { group.contains { has($0) } }
    for (marker, reason) in Self.boilerplateMarkers where has(marker) { return .boilerplate(reason) }
    if has(.caption) || has(.chuthich) || has(.desc) && has(.img) || has(.imageDesc) || has(.photoDesc) {
      return .caption
    }
    if hasAny(Self.leadMarkers) { return .lead }
    if words.contains(where: { $0.elementsEqual("sum".utf8) }) { return .lead }  // "article-sum", "news-sum"
    if hasAny(Self.authorMarkers) { return .author }
    if hasAny(Self.dateMarkers) { return .date }
    return nil
  }

  /// Substrings of class and id names that give a hint (`hint(names:)`), looked for all at
  /// once in a `PhraseTrie`: a pass over the names instead of one search per marker.
  enum Marker: Int, CaseIterable {
    case related, lienquan, tinkhac, breadcrumb, sidebar, footer, comment, social
    case caption, chuthich, desc, img, imageDesc, photoDesc
    case sapo, lead, summary, chapeau, hometext, tomtat, excerpt, intro, description, abstract
    case author, tacgia, byline, writer
    case date, time, publish, ngaydang, datetime

    /// The substring: the case's name, but "image-desc" and "photo-desc".
    var text: String {
      switch self {
      case .imageDesc: "image-desc"
      case .photoDesc: "photo-desc"
      default: "\(self)"
      }
    }
  }

  private static let markerTrie = PhraseTrie(Marker.allCases.map { Array($0.text.utf8) })

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
  }

  private static let contentWords = ByteStringSet(["content", "detail", "body", "article", "post", "entry", "news"])
  private static let boilerplateMarkers: [(Marker, String)] = [
    (.related, "related"), (.lienquan, "lienquan"), (.tinkhac, "tinkhac"), (.breadcrumb, "breadcrumb"),
    (.sidebar, "sidebar"), (.footer, "footer"), (.comment, "comment"), (.social, "social"),
  ]
  private static let leadMarkers: [Marker] = [
    .sapo, .lead, .summary, .chapeau, .hometext, .tomtat, .excerpt, .intro, .description, .abstract,
  ]
  private static let authorMarkers: [Marker] = [.author, .tacgia, .byline, .writer]
  private static let dateMarkers: [Marker] = [.date, .time, .publish, .ngaydang, .datetime]

  /// Chooses the element richest in prose and marks the blocks inside it as content.
  private func markContent(
    _ page: inout Page, blockElements: [Int], parents: [Int], ends: [Int], paragraphs: [Bool]
  ) {
    var scores: [Int: Double] = [:]
    for (index, block) in page.blocks.enumerated() {
      if case .boilerplate = block.hint { continue }
      let shape = page.shapes[index]
      guard shape.isProse, block.linkDensity < 0.5 else { continue }
      let score = Double(shape.scalars) * (1 - block.linkDensity)
      var element = blockElements[index]
      guard element >= 0 else { continue }
      if paragraphs[element] { element = parents[element] }
      guard element >= 0 else { continue }
      scores[element, default: 0] += score
      let grandparent = parents[element]
      if grandparent >= 0 { scores[grandparent, default: 0] += score / 2 }
    }
    guard let best = scores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key
    else { return }
    let range = best...ends[best]
    for index in page.blocks.indices {
      page.blocks[index].inContent = range.contains(blockElements[index])
    }
  }
}

/// Collapses runs of whitespace (markup indentation, newlines) into single spaces and trims
/// both ends, over UTF-8 bytes.
func collapse(_ text: String) -> String {
  var text = text
  return text.withUTF8 { collapse(UnsafeBufferPointer(rebasing: $0[...])) }
}

/// `collapse(_:)` over the UTF-8 of a string, or of a part of one cut at ASCII bytes: valid
/// UTF-8, which stays valid once ASCII spaces are dropped, so the result is copied into a
/// `String` without a second validation.
func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
  var index = 0
  var end = bytes.count
  func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
  while index < end, isSpace(bytes[index]) { index += 1 }
  while end > index, isSpace(bytes[end - 1]) { end -= 1 }
  guard index < end else { return "" }
  // Most lines have single spaces only: then they are copied as they are.
  var plain = true
  var afterSpace = false
  var scan = index
  // Eight bytes at a time while they hold no control byte and no two spaces in a row.
  if let base = bytes.baseAddress {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while scan + 8 <= end {
      let word = UnsafeRawPointer(base + scan).loadUnaligned(as: UInt64.self)
      // Bytes below 0x20: their top three bits are zero.
      let top = word & 0xE0E0_E0E0_E0E0_E0E0
      let control = ~(((top & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | top) & highs
      let spaced = word ^ (ones &* 0x20)
      let spaces = ~(((spaced & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | spaced) & highs
      let doubled = spaces & (spaces << 8) != 0 || afterSpace && spaces & 0x80 != 0
      if control != 0 || doubled { break }
      afterSpace = spaces >> 63 != 0
      scan += 8
    }
  }
  while scan < end {
    let byte = bytes[scan]
    scan += 1
    if byte > 0x20 {
      afterSpace = false
    } else if byte == 0x20, !afterSpace {
      afterSpace = true
    } else if isSpace(byte) {
      plain = false
      break
    } else {
      afterSpace = false
    }
  }
  if plain {
    let slice = UnsafeBufferPointer(rebasing: bytes[index..<end])
    assert(String(validating: slice, as: UTF8.self) != nil, "invalid UTF-8")
    return String(copying: UTF8Span(unchecked: slice.span))
  }
  return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - index) { output in
    var count = 0
    var pendingSpace = false
    while index < end {
      let byte = bytes[index]
      index += 1
      if isSpace(byte) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        output[count] = 0x20
        count += 1
        pendingSpace = false
      }
      output[count] = byte
      count += 1
    }
    let collapsed = UnsafeBufferPointer(rebasing: output[..<count])
    assert(String(validating: collapsed, as: UTF8.self) != nil, "invalid UTF-8")
    return String(copying: UTF8Span(unchecked: collapsed.span))
  }
}
