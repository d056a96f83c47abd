import Foundation

extension EvaluationReport {
  /// The report as a plain-text table for a terminal.
  ///
  ///     entities        precision  recall      f1     tp     fp     fn
  ///     person              0.900   0.818   0.857      9      1      2
  ///     …
  ///     micro               0.850   0.800   0.824    120     21     30
  public var table: String {
    var lines = ["vnx eval: \(documents) document\(documents == 1 ? "" : "s")", ""]
    let header = ["precision", "recall", "f1", "tp", "fp", "fn"]
    func row(_ name: String, _ score: Score) -> String {
      pad(name, 14)
        + [score.precision, score.recall, score.f1].map { leftPad(format($0), 10) }.joined()
        + [score.tp, score.fp, score.fn].map { leftPad(String($0), 7) }.joined()
    }
    lines.append(
      pad("entities", 14) + header.prefix(3).map { leftPad($0, 10) }.joined()
        + header.suffix(3).map { leftPad($0, 7) }.joined())
    for type in entityTypes { lines.append(row(type, entities[type]!)) }
    lines.append(row("micro", entities["micro"] ?? Score()))
    lines.append("")
    lines.append(row("indicators", indicators.score))
    lines.append("")
    lines.append(
      pad("attributes", 14) + leftPad("accuracy", 10) + leftPad("right", 7) + leftPad("of", 7))
    for name in ArticleScore.attributeNames {
      let accuracy = indicators.attributes[name] ?? Accuracy()
      lines.append(
        pad(name, 14) + leftPad(accuracy.value.map(format) ?? "-", 10)
          + leftPad(String(accuracy.right), 7) + leftPad(String(accuracy.total), 7))
    }
    lines.append("")
    lines.append(pad("meta", 14) + leftPad("accuracy", 10) + leftPad("right", 7) + leftPad("of", 7))
    if metaKeys.isEmpty { lines.append("(no meta in gold)") }
    for key in metaKeys {
      let accuracy = meta[key]!
      lines.append(
        pad(key, 14) + leftPad(accuracy.value.map(format) ?? "-", 10)
          + leftPad(String(accuracy.right), 7) + leftPad(String(accuracy.total), 7))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

func pad(_ text: String, _ width: Int) -> String {
  let count = text.count
  return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
}

func leftPad(_ text: String, _ width: Int) -> String {
  let count = text.count
  return count >= width ? " " + text : String(repeating: " ", count: width - count) + text
}
