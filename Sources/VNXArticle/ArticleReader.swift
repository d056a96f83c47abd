import Foundation
import VNXText

/// Reads scraped pages — text dumps, HTML, JSON Lines of `{"url", "html"|"text"}` records —
/// into articles: bytes → `TextDecoder` → `TextNormalizer` → blocks → `ArticleAssembler`.
///
///     let articles = try ArticleReader().read(Array(data))
///     articles[0].title   // "Mường Ảng: Nỗ lực xóa bản chưa có đảng viên, năm 2023 kết nạp…"
///
/// A text dump or an HTML page gives one article, a JSON Lines file one per record.
/// Time and memory are linear in the input, which is cut at `Options.maximumBytes` (with a
/// warning) so that a 50 MB one-line page stays cheap.
public struct ArticleReader: Sendable {
  public struct Options: Sendable {
    /// The input form; detected from content when nil.
    public var format: InputFormat?
    /// The text encoding; detected when nil.
    public var encoding: TextEncoding?
    public var toneStyle: ToneStyle = .old
    /// Keep the dropped lines in `Article.boilerplate` (debugging).
    public var keepsBoilerplate = false
    /// Pages (and JSON Lines records) longer than this are cut, with a warning.
    public var maximumBytes = 8 << 20
    /// Pages with more lines or HTML blocks than this are read up to it, with a warning
    /// (an article page has a few hundred; this bounds memory on pathological pages).
    public var maximumBlocks = 20_000
    /// HTML with more tags than this is cut before the next one, with a warning (an article
    /// page has a few thousand; libxml2's tree grows with the tags).
    public var maximumTags = 200_000

    public init(format: InputFormat? = nil, keepsBoilerplate: Bool = false) {
      self.format = format
      self.keepsBoilerplate = keepsBoilerplate
    }
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Reads every article in the bytes of one input file.
  public func read(_ bytes: [UInt8], url: String? = nil) throws(ArticleError) -> [Article] {
    guard bytes.contains(where: { $0 > 0x20 }) else { throw .empty }
    let format = options.format ?? InputFormat.detect(in: bytes)
    if format == .jsonl {
      let decoded: DecodedText
      do {
        decoded = try TextDecoder(forcedEncoding: options.encoding ?? .utf8).decode(bytes)
      } catch {
        throw .notText(error)
      }
      var text = decoded.text
      return try text.withUTF8 { readJSONLines($0) }.get()
    }
    var warnings: [String] = []
    var input = bytes
    if input.count > options.maximumBytes {
      input = Self.cut(input, at: options.maximumBytes)
      warnings.append("input cut to its first \(input.count) of \(bytes.count) bytes")
    }
    let decoded: DecodedText
    do {
      decoded = try TextDecoder(forcedEncoding: options.encoding).decode(input)
    } catch {
      throw .notText(error)
    }
    let resolved = options.format ?? InputFormat.detect(in: decoded.text.utf8)
    var article = read(decoded: decoded.text, format: resolved == .jsonl ? .text : resolved, url: url)
    article.warnings = decoded.warnings + warnings + article.warnings
    return [article]
  }

  /// Reads one page already decoded to a string (text dump or HTML markup).
  public func read(decoded text: String, format: InputFormat, url: String? = nil) -> Article {
    let normalizer = TextNormalizer(
      toneStyle: options.toneStyle, decodesCharacterReferences: format != .html)
    var assembler = ArticleAssembler()
    assembler.keepsBoilerplate = options.keepsBoilerplate
    switch format {
    case .html:
      return readHTML(text, normalizer: normalizer, assembler: assembler, url: url)
    case .text, .jsonl:
      var blocks = Self.lines(
        of: normalizer.normalize(text).text, limit: min(options.maximumBlocks, Int.max - 1) + 1)
      let cut = blocks.count > options.maximumBlocks
      if cut { blocks.removeLast(blocks.count - options.maximumBlocks) }
      var article = assembler.assemble(blocks, metadata: .init(url: url), format: .text)
      if blocks.isEmpty { article.warnings.append("no text") }
      if cut { article.warnings.append(Self.blockLimitWarning(options.maximumBlocks)) }
      return article
    }
  }

  private func readHTML(_ markup: String, normalizer: TextNormalizer, assembler: ArticleAssembler, url: String?)
    -> Article
  {
    var bytes = Array(markup.utf8)
    // libxml2 builds a node per tag: a page of a million tags would take gigabytes.
    var tagsCut = false
    if let end = Self.endOfTags(bytes, limit: options.maximumTags) {
      bytes.removeSubrange(end...)
      tagsCut = true
    }
    guard let document = HTMLDocument(utf8: bytes) else {
      var article = Article(url: url, format: .html)
      article.warnings.append("HTML could not be parsed")
      return article
    }
    var pageReader = HTMLPageReader(normalizer: normalizer)
    pageReader.maximumBlocks = options.maximumBlocks
    let page = pageReader.read(document)
    let meta = page.metadata
    func clean(_ value: String?) -> String? {
      guard let value else { return nil }
      let text = collapse(normalizer.normalize(value).text)
      return text.isEmpty ? nil : text
    }
    var metadata = ArticleAssembler.Metadata()
    let heading = page.blocks.first { $0.hint == .title && $0.text.split(separator: " ").count >= 3 }?.text
    // A block that repeats the page's <title> is the headline, whatever its tag: "<h3 class=…>".
    let repeatedTitle = clean(meta.documentTitle).map(Self.siteSuffixRemoved).flatMap { title in
      page.blocks.first { $0.text == title && title.split(separator: " ").count >= 3 }?.text
    }
    metadata.title =
      clean(meta.headline) ?? heading ?? repeatedTitle
      ?? clean(meta.properties["og:title"]).map(Self.siteSuffixRemoved)
    metadata.published = meta.published.flatMap { PublishedDate(iso: $0)?.iso }
    // Metadata authors are often the newspaper itself: a person's name wins at once, anything
    // else only when the page shows no byline.
    metadata.author = clean(meta.author).flatMap(Byline.name) ?? clean(meta.byline).flatMap(Byline.name)
    metadata.url = url ?? meta.url
    var article = assembler.assemble(page.blocks, shapes: page.shapes, metadata: metadata, format: .html)
    if article.author == nil, let author = clean(meta.author) ?? clean(meta.byline) { article.author = author }
    if article.title == nil, let title = clean(meta.documentTitle) { article.title = Self.siteSuffixRemoved(title) }
    if let reason = document.stoppedEarly {
      article.warnings.append("HTML parsing stopped early, the rest of the page is ignored: \(reason)")
    }
    if page.blocks.isEmpty { article.warnings.append("no text in the HTML page") }
    if tagsCut {
      article.warnings.append("HTML cut after its first \(options.maximumTags) tags, the rest is ignored")
    }
    if page.reachedBlockLimit { article.warnings.append(Self.blockLimitWarning(options.maximumBlocks)) }
    return article
  }

  /// Where the tag after the first `limit` ones starts, if the markup has more.
  static func endOfTags(_ bytes: [UInt8], limit: Int) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return nil }
      var tags = 0
      var index = 0
      while index < buffer.count, let found = memchr(base + index, 0x3C, buffer.count - index) {
        let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        tags += 1
        if tags > limit { return position }
        index = position + 1
      }
      return nil
    }
  }

  static func blockLimitWarning(_ limit: Int) -> String {
    "page read up to its first \(limit) lines or blocks, the rest is ignored"
  }

  /// The non-blank lines of a text dump (at most `limit`), whitespace collapsed, in one pass
  /// over its bytes.
  static func lines(of text: String, limit: Int = .max) -> [PageBlock] {
    var text = text
    return text.withUTF8 { bytes in
      var blocks: [PageBlock] = []
      var start = 0
      while start < bytes.count, blocks.count < limit {
        var end = bytes.count
        if let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) {
          end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let line = collapse(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        if !line.isEmpty { blocks.append(PageBlock(text: line)) }
        start = end + 1
      }
      return blocks
    }
  }

  /// "Tiêu đề bài viết - Báo Lai Châu" → "Tiêu đề bài viết": a short site name after the
  /// last " - ", " | ", " – " or " :: " goes; dashes inside the title stay ("2020 - 2025").
  /// At most a few names go, so a title of megabytes costs a few passes, not one per dash.
  static func siteSuffixRemoved(_ title: String) -> String {
    var title = title
    var removed = 0
    search: while removed < 4 {
      for separator in [" | ", " - ", " – ", " :: "] {
        let bytes = Array(title.utf8)
        guard let start = UTF8Search.lastIndex(of: Array(separator.utf8), in: bytes) else { continue }
        let head = bytes[..<start]
        let tail = bytes[(start + separator.utf8.count)...]
        guard let first = String(decoding: tail.prefix(4), as: UTF8.self).unicodeScalars.first,
          first.properties.isUppercase
        else { continue }
        if words(in: tail, upTo: 8) <= 7, words(in: head, upTo: 4) >= 4 {
          title = String(decoding: head, as: UTF8.self)
          removed += 1
          continue search
        }
      }
      break
    }
    return title
  }

  /// The number of space-separated words in `bytes`, counted up to `limit`.
  private static func words(in bytes: ArraySlice<UInt8>, upTo limit: Int) -> Int {
    var count = 0
    var inWord = false
    for byte in bytes {
      let isSpace = byte == 0x20
      if !isSpace, !inWord {
        count += 1
        if count >= limit { return count }
      }
      inWord = !isSpace
    }
    return count
  }

  /// Cuts UTF-8 bytes at a scalar boundary at or before `limit`.
  static func cut(_ bytes: [UInt8], at limit: Int) -> [UInt8] {
    var end = limit
    while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return Array(bytes[..<end])
  }

  /// One article per JSON Lines record; a line that is not a record gives a warning article.
  /// The bytes are those of a decoded string: valid UTF-8, read in place.
  private func readJSONLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[Article], ArticleError> {
    var articles: [Article] = []
    var lineNumber = 0
    var lineStart = 0
    while lineStart <= bytes.count {
      var lineEnd = bytes.count
      if lineStart < bytes.count, let base = bytes.baseAddress,
        let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
      {
        lineEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      }
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
      lineStart = lineEnd + 1
      lineNumber += 1
      guard line.contains(where: { $0 > 0x20 }) else { continue }
      guard let record = try? ScrapedRecord(validUTF8: line) else {
        articles.append(Article(format: .jsonl, warnings: ["line \(lineNumber): not a JSON object"]))
        continue
      }
      let url = record.url
      let body: String
      let format: InputFormat
      if let html = record.html {
        body = html
        format = .html
      } else if let text = record.text ?? record.content {
        body = text
        format = options.format == .html ? .html : InputFormat.detect(in: text.utf8) == .html ? .html : .text
      } else {
        articles.append(Article(url: url, format: .jsonl, warnings: ["line \(lineNumber): no \"html\" or \"text\""]))
        continue
      }
      var input = body
      var warnings: [String] = []
      if body.utf8.count > options.maximumBytes {
        input = String(decoding: Self.cut(Array(body.utf8), at: options.maximumBytes), as: UTF8.self)
        warnings.append("line \(lineNumber): record cut to \(options.maximumBytes) bytes")
      }
      var article = read(decoded: input, format: format, url: url)
      article.format = .jsonl
      article.warnings = warnings + article.warnings
      if article.title == nil, let title = record.title { article.title = title }
      articles.append(article)
    }
    guard !articles.isEmpty else { return .failure(.noRecords) }
    return .success(articles)
  }
}
