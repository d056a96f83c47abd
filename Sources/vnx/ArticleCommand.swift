import ArgumentParser
import Foundation
import VNX

/// `vnx article`: the clean article of each scraped page, as JSON.
struct ArticleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "article",
    abstract: "Extract the article (title, meta, paragraphs, captions) from scraped pages.",
    discussion: """
      Input: text dumps of whole pages, HTML pages, or JSON Lines with one \
      {"url": …, "html": …} or {"url": …, "text": …} record per line; the form is detected \
      from content unless --format says it. Output: one JSON object per article and line. \
      A file that cannot be read (empty, binary) gives one error line on standard error; \
      the other files are still processed and the exit status is 1.
      """
  )

  @Argument(help: "Page files; standard input when none.")
  var files: [String] = []

  @Option(help: "Input form: text, html or jsonl (detected when omitted).")
  var format: InputFormat?

  @Flag(help: "Include the dropped boilerplate lines, with why they were dropped.")
  var boilerplate = false

  @Flag(help: "Pretty-print the JSON.")
  var pretty = false

  func run() throws {
    var options = ArticleReader.Options(format: format, keepsBoilerplate: boilerplate)
    options.format = format
    let reader = ArticleReader(options: options)
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    var failed = false
    let inputs: [(name: String, data: Data?)] =
      files.isEmpty
      ? [("<stdin>", FileHandle.standardInput.readDataToEndOfFile())]
      : files.map { ($0, FileManager.default.contents(atPath: $0)) }
    for (name, data) in inputs {
      guard let data else {
        FileHandle.standardError.write(Data("vnx article: \(name): cannot read file\n".utf8))
        failed = true
        continue
      }
      do {
        for article in try reader.read([UInt8](data)) {
          let record = ArticleRecord(file: files.isEmpty ? nil : name, article: article)
          FileHandle.standardOutput.write(try encoder.encode(record))
          FileHandle.standardOutput.write(Data("\n".utf8))
        }
      } catch let error as ArticleError {
        FileHandle.standardError.write(Data("vnx article: \(name): \(error)\n".utf8))
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }
}

extension InputFormat: ExpressibleByArgument {}

/// The JSON printed for one article: where it came from, its metadata and its text.
private struct ArticleRecord: Encodable {
  struct Meta: Encodable {
    var title: String?
    var published: String?
    var author: String?
    var url: String?
    var views: Int?
    var comments: Int?
  }

  var file: String?
  var format: String
  var meta: Meta
  var lead: String?
  var paragraphs: [String]
  var captions: [String]
  var boilerplate: [DroppedLine]?
  var warnings: [String]?

  init(file: String?, article: Article) {
    self.file = file
    format = article.format.rawValue
    meta = Meta(
      title: article.title, published: article.published, author: article.author, url: article.url,
      views: article.views, comments: article.comments)
    lead = article.lead
    paragraphs = article.paragraphs
    captions = article.captions
    boilerplate = article.boilerplate
    warnings = article.warnings.isEmpty ? nil : article.warnings
  }
}
