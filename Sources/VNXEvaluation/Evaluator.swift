import Foundation
import VNX

/// One scored sample with what the HTML report shows: its text and both sides.
public struct EvaluatedArticle: Sendable {
  public var sample: Sample
  /// The text predicted offsets refer to: the prediction's own text when it has one, else the
  /// article file decoded and normalized.
  public var text: String
  public var gold: Annotations
  public var predicted: Annotations
  public var score: ArticleScore
}

/// The result of `Evaluator`: the report and the articles behind it.
public struct Evaluation: Sendable {
  public var report: EvaluationReport
  public var articles: [EvaluatedArticle]
  /// Predictions that matched no sample, samples without a prediction.
  public var warnings: [String]
}

/// Scores extraction against gold samples: by running the pipeline, or on stored output.
///
///     let samples = try Sample.find(in: ["corpus"])
///     let evaluation = try Evaluator().evaluate(samples)
///     print(evaluation.report.table)
public struct Evaluator: Sendable {
  public var options: Pipeline.Options

  public init(options: Pipeline.Options = Pipeline.Options()) {
    self.options = options
    self.options.includeText = true
  }

  /// Runs the pipeline on each sample's article and scores it.
  public func evaluate(_ samples: [Sample]) throws(EvaluationError) -> Evaluation {
    let pipeline = Pipeline(options: options)
    var articles: [EvaluatedArticle] = []
    for sample in samples {
      let gold = try Self.readGold(sample.gold)
      let bytes = try Self.read(sample.article)
      var warnings: [String] = []
      var predicted = Annotations(path: sample.article)
      do {
        let document = try pipeline.process(bytes, path: sample.article)
        predicted = Annotations(document: document)
        warnings = document.warnings
      } catch {
        warnings.append("not processed: \(error)")
      }
      articles.append(
        article(sample, bytes: bytes, gold: gold, predicted: predicted, warnings: warnings))
    }
    return Evaluation(
      report: EvaluationReport(articles: articles.map(\.score)), articles: articles, warnings: [])
  }

  /// Scores stored predictions (one per document, e.g. the lines of `vnx extract` output),
  /// matched to samples by `source.path`: the same file, else the same file name (the longest
  /// common path suffix wins), else the same name without extension. A sample without a
  /// prediction is scored as if nothing was found.
  public func evaluate(_ samples: [Sample], predictions: [Annotations]) throws(EvaluationError)
    -> Evaluation
  {
    var articles: [EvaluatedArticle] = []
    var used = Set<Int>()
    var warnings: [String] = []
    for sample in samples {
      let gold = try Self.readGold(sample.gold)
      let bytes = try Self.read(sample.article)
      var sampleWarnings: [String] = []
      let predicted: Annotations
      if let index = Self.prediction(for: sample.article, in: predictions, excluding: used) {
        used.insert(index)
        predicted = predictions[index]
      } else {
        predicted = Annotations(path: sample.article)
        sampleWarnings.append("no prediction for this article")
        warnings.append("\(sample.article): no prediction; scored as empty")
      }
      articles.append(
        article(sample, bytes: bytes, gold: gold, predicted: predicted, warnings: sampleWarnings))
    }
    for index in predictions.indices where !used.contains(index) {
      warnings.append(
        "prediction \(index + 1) (\(predictions[index].path ?? "no path")) matches no sample")
    }
    return Evaluation(
      report: EvaluationReport(articles: articles.map(\.score)), articles: articles,
      warnings: warnings)
  }

  private func article(
    _ sample: Sample, bytes: [UInt8], gold: Annotations, predicted: Annotations,
    warnings: [String]
  ) -> EvaluatedArticle {
    let text =
      predicted.text
      ?? (try? TextDecoder(forcedEncoding: options.encoding).decode(bytes)).map {
        TextNormalizer(toneStyle: options.toneStyle).normalize($0.text).text
      } ?? ""
    return EvaluatedArticle(
      sample: sample, text: text, gold: gold, predicted: predicted,
      score: ArticleScore(
        path: sample.article, gold: gold, predicted: predicted, warnings: warnings))
  }

  /// The index of the prediction for `article`, or nil.
  static func prediction(
    for article: String, in predictions: [Annotations], excluding used: Set<Int>
  )
    -> Int?
  {
    let components = URL(fileURLWithPath: article).standardizedFileURL.pathComponents
    func parts(_ path: String) -> [String] {
      URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    }
    var best: (index: Int, common: Int)?
    for (index, prediction) in predictions.enumerated() where !used.contains(index) {
      guard let path = prediction.path, !path.isEmpty else { continue }
      let other = parts(path)
      var common = 0
      while common < min(components.count, other.count),
        components[components.count - 1 - common] == other[other.count - 1 - common]
      {
        common += 1
      }
      if common > 0, common > (best?.common ?? 0) { best = (index, common) }
    }
    if let best { return best.index }
    let stem = URL(fileURLWithPath: article).deletingPathExtension().lastPathComponent
    return predictions.indices.first { index in
      !used.contains(index)
        && predictions[index].path.map {
          URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent == stem
        } ?? false
    }
  }

  static func read(_ path: String) throws(EvaluationError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
    return [UInt8](data)
  }

  /// Reads a gold file (`vnx.gold/1`).
  public static func readGold(_ path: String) throws(EvaluationError) -> Annotations {
    let data = Data(try read(path))
    do {
      return try JSONDecoder().decode(Annotations.self, from: data)
    } catch {
      throw .invalidGold(path: path, reason: Self.describe(error))
    }
  }

  /// Reads predictions: JSON Lines of `vnx.document/1` objects (or any objects with the same
  /// fields); a file holding one JSON array of them works too. Blank lines are skipped.
  public static func readPredictions(_ path: String) throws(EvaluationError) -> [Annotations] {
    let bytes = try read(path)
    let decoder = JSONDecoder()
    if bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
      == UInt8(ascii: "[")
    {
      do {
        return try decoder.decode([Annotations].self, from: Data(bytes))
      } catch {
        throw .invalidPrediction(path: path, line: 1, reason: describe(error))
      }
    }
    var predictions: [Annotations] = []
    for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      .enumerated()
    {
      guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
      do {
        predictions.append(try decoder.decode(Annotations.self, from: Data(line)))
      } catch {
        throw .invalidPrediction(path: path, line: number + 1, reason: describe(error))
      }
    }
    return predictions
  }

  static func describe(_ error: any Error) -> String {
    switch error {
    case Swift.DecodingError.keyNotFound(let key, let context):
      "missing \(pathString(context.codingPath + [key]))"
    case Swift.DecodingError.typeMismatch(_, let context),
      Swift.DecodingError.valueNotFound(_, let context):
      "\(pathString(context.codingPath)): \(context.debugDescription)"
    case Swift.DecodingError.dataCorrupted(let context):
      context.codingPath.isEmpty
        ? "invalid JSON" : "\(pathString(context.codingPath)): \(context.debugDescription)"
    default: "\(error)"
    }
  }

  private static func pathString(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}
