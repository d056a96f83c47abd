import ArgumentParser
import Foundation
import VNX
import VNXBatch

/// `vnx bench STAGE FILE...`: times one stage of the pipeline alone over every document of the
/// inputs (hidden; `Tests/scripts/bench.sh` drives it).
///
/// Each record (a page file, or a line of a JSON Lines file) goes through the stages before
/// STAGE untimed, then through STAGE under the thread CPU clock and the monotonic clock, so
/// that only the stage is counted and memory stays that of one record at a time.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time one pipeline stage alone over files (for Tests/scripts/bench.sh).",
    discussion: """
      Stages: decode (decode + normalize the page), article (ArticleReader on the record: \
      JSON, decode, normalize, boilerplate), segment (sentences + tokens + words on the \
      article text), entities (entity extraction alone on the segmented text), extract \
      (entities + indicators on the segmented text), pipeline (the whole vnx extract work \
      per record: Pipeline + JSON encoding, no output). Prints one \
      line of key=value pairs: documents, bytes (the records), stage_bytes (what the stage \
      reads: the page, the record, or the article text), cpu and wall seconds of the stage.
      """,
    shouldDisplay: false
  )

  enum Stage: String, ExpressibleByArgument, CaseIterable {
    case decode, article, segment, entities, extract, pipeline
  }

  @Argument(help: "decode, article, segment, entities, extract or pipeline.")
  var stage: Stage

  @Argument(help: "Page files or JSON Lines files of scraped records.")
  var files: [String]

  func run() throws {
    var timer = StageTimer()
    let reader = ArticleReader()
    var segmenter = Segmenter()
    segmenter.segmentsWords = true
    let entities = stage == .extract || stage == .entities ? EntityExtractor() : nil
    let indicators = stage == .extract ? IndicatorExtractor() : nil
    let processor = RecordProcessor(pipeline: Pipeline())
    // Lexicons and models load before the clock starts.
    let warmUp = Array("Năm 2023, xã Hòa Bình (huyện Tân Châu) giảm 120 hộ nghèo.".utf8)
    _ = try? processor.pipeline.process(warmUp)
    if let entities {
      let text = String(decoding: warmUp, as: UTF8.self)
      let sentences = segmenter.sentences(in: text)
      let found = entities.extract(from: text, sentences: sentences)
      _ = indicators?.extract(from: text, sentences: sentences, entities: found)
    }
    var documents = 0
    var bytes = 0
    var stageBytes = 0
    var items = 0
    for file in files {
      try RecordSplitter.read(file: file) { record in
        guard record.problem == nil else { return }
        documents += 1
        bytes += record.bytes.count
        switch stage {
        case .decode:
          let page = Self.page(of: record)
          stageBytes += page.count
          items += timer.measure {
            guard let decoded = try? TextDecoder().decode(page) else { return 0 }
            return TextNormalizer().normalize(decoded.text).text.utf8.count
          }
        case .article:
          stageBytes += record.bytes.count
          let articles = timer.measure { (try? reader.read(record.bytes)) ?? [] }
          items += articles.count
        case .segment:
          for article in (try? reader.read(record.bytes)) ?? [] {
            let text = article.text.text
            stageBytes += text.utf8.count
            items += timer.measure { segmenter.sentences(in: text).reduce(0) { $0 + $1.words.count } }
          }
        case .entities:
          for article in (try? reader.read(record.bytes)) ?? [] {
            let text = article.text.text
            stageBytes += text.utf8.count
            let sentences = segmenter.sentences(in: text)
            items += timer.measure { entities!.extract(from: text, sentences: sentences).count }
          }
        case .extract:
          for article in (try? reader.read(record.bytes)) ?? [] {
            let text = article.text.text
            stageBytes += text.utf8.count
            let sentences = segmenter.sentences(in: text)
            items += timer.measure {
              let found = entities!.extract(from: text, sentences: sentences)
              return found.count + indicators!.extract(from: text, sentences: sentences, entities: found).count
            }
          }
        case .pipeline:
          stageBytes += record.bytes.count
          items += try timer.measure {
            guard case .document(let document, _) = processor.process(record) else { return 0 }
            return document.json().count
          }
        }
      }
    }
    print(
      "stage=\(stage.rawValue) documents=\(documents) bytes=\(bytes) stage_bytes=\(stageBytes) "
        + "items=\(items) cpu=\(timer.cpu) wall=\(timer.wall)")
  }

  /// The page inside a scraped record (its "html", "text" or "content" string), else the bytes.
  private static func page(of record: InputRecord) -> [UInt8] {
    guard record.bytes.first == UInt8(ascii: "{"),
      let object = try? JSONSerialization.jsonObject(with: Data(record.bytes)) as? [String: Any],
      let page = object["html"] as? String ?? object["text"] as? String ?? object["content"] as? String
    else { return record.bytes }
    return Array(page.utf8)
  }
}

/// Sums the CPU time of the calling thread and the wall-clock time spent in measured closures.
private struct StageTimer {
  private(set) var cpu = 0.0
  private(set) var wall = 0.0

  mutating func measure<T>(_ body: () throws -> T) rethrows -> T {
    let cpuStart = Self.now(CLOCK_THREAD_CPUTIME_ID)
    let wallStart = Self.now(CLOCK_MONOTONIC)
    let result = try body()
    cpu += Self.now(CLOCK_THREAD_CPUTIME_ID) - cpuStart
    wall += Self.now(CLOCK_MONOTONIC) - wallStart
    return result
  }

  private static func now(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
