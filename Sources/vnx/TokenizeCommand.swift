import ArgumentParser
import Foundation
import VNX

/// `vnx tokenize`: sentences, one per line, with the syllables of a word joined by `_`.
struct TokenizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize",
    abstract: "Split text into sentences, tokens and words (one sentence per line).",
    discussion: """
      Input is decoded and normalized like every vnx input. Output: one sentence per line, \
      tokens separated by spaces, the syllables of a multi-syllable word joined by "_" \
      ("Hà_Giang có 2.343 đảng_viên ."). With --json, one JSON object per sentence with its \
      tokens (kind, Unicode scalar offsets into the normalized text) and words.
      """
  )

  @Argument(help: "Text files; standard input when none.")
  var files: [String] = []

  @Flag(help: "Print one JSON object per sentence with typed tokens, words and offsets.")
  var json = false

  @Flag(help: "Treat each input line as one sentence (for corpora already split).")
  var lines = false

  @Flag(help: "Do not join syllables into words (tokens only).")
  var noWords = false

  @Option(help: .hidden)
  var windowBytes = Pipeline.Options().windowBytes

  @Option(
    help: ArgumentHelp(
      "Time sentences, tokens and words over the inputs instead of printing them, "
        + "until this many megabytes were processed.", valueName: "megabytes"))
  var benchmark: Double?

  func run() throws {
    let segmenter = Segmenter()
    if let benchmark {
      try runBenchmark(segmenter, megabytes: benchmark)
      return
    }
    var output = TokenizeOutput()
    if files.isEmpty {
      let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
      try tokenize(bytes, segmenter, &output)
    }
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("cannot read \(file)")
      }
      try tokenize([UInt8](data), segmenter, &output)
    }
    output.flush()
  }

  /// Prints the throughput of `Segmenter.sentences(in:)` (sentences, tokens and words) on one
  /// core, over text already decoded and normalized.
  private func runBenchmark(_ segmenter: Segmenter, megabytes: Double) throws {
    var texts: [String] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("cannot read \(file)")
      }
      let decoded = try TextDecoder().decode([UInt8](data))
      texts.append(TextNormalizer().normalize(decoded.text).text)
    }
    let bytesPerPass = texts.reduce(0) { $0 + $1.utf8.count }
    guard bytesPerPass > 0 else { throw ValidationError("--benchmark needs input files") }
    var segmenter = segmenter
    segmenter.segmentsWords = !noWords
    var bytes = 0
    var sentences = 0
    var tokens = 0
    var words = 0
    let clock = ContinuousClock()
    let cpuStart = Self.threadCPUTime()
    let elapsed = clock.measure {
      while Double(bytes) < megabytes * 1_000_000 {
        for text in texts {
          for sentence in segmenter.sentences(in: text) {
            sentences += 1
            tokens += sentence.tokens.count
            words += sentence.words.count
          }
        }
        bytes += bytesPerPass
      }
    }
    let cpu = Self.threadCPUTime() - cpuStart
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    let megabytes = Double(bytes) / 1_000_000
    print(
      "segmented \(rounded(megabytes)) MB (\(sentences) sentences, \(tokens) tokens, \(words) words): "
        + "\(rounded(megabytes / cpu)) MB/s of CPU time on one core (\(rounded(cpu)) s), "
        + "\(rounded(megabytes / wall)) MB/s wall clock (\(rounded(wall)) s)")
  }

  /// CPU time of the calling thread, in seconds (immune to other processes on the machine).
  private static func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  private func tokenize(_ bytes: [UInt8], _ segmenter: Segmenter, _ output: inout TokenizeOutput)
    throws
  {
    let decoded = try TextDecoder().decode(bytes)
    let text = TextNormalizer().normalize(decoded.text).text
    var segmenter = segmenter
    if noWords { segmenter.model = nil }
    // A long text goes window by window (cut at paragraph breaks, as `vnx extract` does), so
    // that memory stays that of one window; an article is one window.
    try Pipeline.forEachWindow(of: text, limit: windowBytes) { window, offset in
      try write(window, offset: offset, segmenter, &output)
    }
  }

  /// Prints the sentences of `text`, which starts at scalar offset `offset` of the input.
  private func write(
    _ text: String, offset: Int, _ segmenter: Segmenter, _ output: inout TokenizeOutput
  ) throws {
    let sentences = lines ? segmenter.sentences(lines: text) : segmenter.sentences(in: text)
    let utf8 = Array(text.utf8)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for sentence in sentences {
      if json {
        let record = SentenceRecord(sentence, utf8, offset: offset)
        output.write(String(decoding: try encoder.encode(record), as: UTF8.self))
        output.write("\n")
        continue
      }
      var line = ""
      for (position, word) in sentence.words.enumerated() {
        if position > 0 { line += " " }
        for index in word.tokenStart..<word.tokenEnd {
          if index > word.tokenStart { line += "_" }
          let token = sentence.tokens[index]
          line += String(decoding: utf8[token.utf8Start..<token.utf8End], as: UTF8.self)
        }
      }
      output.write(line)
      output.write("\n")
    }
  }
}

/// One sentence of `vnx tokenize --json`.
private struct SentenceRecord: Encodable {
  struct TokenRecord: Encodable {
    var text: String
    var kind: TokenKind
    var start: Int
    var end: Int
  }
  struct WordRecord: Encodable {
    var text: String
    var start: Int
    var end: Int
    var tokens: [Int]
  }
  var start: Int
  var end: Int
  var text: String
  var tokens: [TokenRecord]
  var words: [WordRecord]

  /// `utf8` is the text the sentence was split from, which starts at scalar `offset` of the input.
  init(_ sentence: Sentence, _ utf8: [UInt8], offset: Int) {
    func slice(_ from: Int, _ to: Int) -> String { String(decoding: utf8[from..<to], as: UTF8.self) }
    start = sentence.start + offset
    end = sentence.end + offset
    text = slice(sentence.utf8Start, sentence.utf8End)
    tokens = sentence.tokens.map {
      TokenRecord(
        text: slice($0.utf8Start, $0.utf8End), kind: $0.kind, start: $0.start + offset,
        end: $0.end + offset)
    }
    words = sentence.words.map {
      WordRecord(
        text: slice($0.utf8Start, $0.utf8End), start: $0.start + offset, end: $0.end + offset,
        tokens: [$0.tokenStart, $0.tokenEnd])
    }
  }
}

/// Buffered standard output.
private struct TokenizeOutput {
  private var buffer: [UInt8] = []

  mutating func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count > 1 << 16 { flush() }
  }

  mutating func flush() {
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
