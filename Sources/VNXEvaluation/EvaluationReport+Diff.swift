extension EvaluationReport {
  /// What changed from `old` to this report: the figures side by side, then per article the
  /// entities and indicators found or lost and the false hits added or dropped.
  public func changes(from old: EvaluationReport) -> String {
    var lines = ["changes from the old report (\(old.documents) → \(documents) documents)", ""]
    lines.append(pad("", 22) + leftPad("old", 8) + leftPad("new", 8) + leftPad("change", 9))
    func line(_ name: String, _ before: Double?, _ after: Double?) {
      let change: String
      if let before, let after {
        let delta = after - before
        change = abs(delta) < 0.0005 ? "=" : (delta > 0 ? "+" : "") + format(delta)
      } else {
        change = ""
      }
      lines.append(
        pad(name, 22) + leftPad(before.map(format) ?? "-", 8) + leftPad(after.map(format) ?? "-", 8)
          + leftPad(change, 9))
    }
    var types = entityTypes
    for type in old.entityTypes where !types.contains(type) { types.append(type) }
    for type in types { line("\(type) F1", old.entities[type]?.f1, entities[type]?.f1) }
    line("entities micro P", old.entities["micro"]?.precision, entities["micro"]?.precision)
    line("entities micro R", old.entities["micro"]?.recall, entities["micro"]?.recall)
    line("entities micro F1", old.entities["micro"]?.f1, entities["micro"]?.f1)
    line("indicators P", old.indicators.score.precision, indicators.score.precision)
    line("indicators R", old.indicators.score.recall, indicators.score.recall)
    line("indicators F1", old.indicators.score.f1, indicators.score.f1)
    for name in ArticleScore.attributeNames {
      line("  \(name)", old.indicators.attributes[name]?.value, indicators.attributes[name]?.value)
    }
    var keys = metaKeys
    for key in old.metaKeys where !keys.contains(key) { keys.append(key) }
    for key in keys { line("meta \(key)", old.meta[key]?.value, meta[key]?.value) }

    var details: [String] = []
    let oldArticles = Dictionary(
      old.articles.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    let oldByName = Dictionary(
      old.articles.map { (fileName($0.path), $0) }, uniquingKeysWith: { a, _ in a })
    for article in articles {
      guard let before = oldArticles[article.path] ?? oldByName[fileName(article.path)] else {
        details.append("  \(article.path): new article")
        continue
      }
      let changes = article.changes(from: before)
      if !changes.isEmpty {
        details.append("  \(article.path)")
        details.append(contentsOf: changes.map { "    " + $0 })
      }
    }
    let paths = Set(articles.map { fileName($0.path) })
    for article in old.articles where !paths.contains(fileName(article.path)) {
      details.append("  \(article.path): no longer evaluated")
    }
    lines.append("")
    if details.isEmpty {
      lines.append("no article changed")
    } else {
      lines.append("articles (+ better, - worse):")
      lines.append(contentsOf: details)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension ArticleScore {
  func changes(from old: ArticleScore) -> [String] {
    func entityKeys(_ items: [(String, String)]) -> [String] {
      items.map { "\($0.0) \"\($0.1)\"" }
    }
    func difference(_ now: [String], _ before: [String]) -> (added: [String], removed: [String]) {
      var counts: [String: Int] = [:]
      for item in before { counts[item, default: 0] += 1 }
      var added: [String] = []
      for item in now {
        if let count = counts[item], count > 0 {
          counts[item] = count - 1
        } else {
          added.append(item)
        }
      }
      var removed: [String] = []
      for item in before {
        if let count = counts[item], count > 0 {
          removed.append(item)
          counts[item] = count - 1
        }
      }
      return (added, removed)
    }
    var lines: [String] = []
    let found = difference(
      entityKeys(entities.tp.map { ($0.type, $0.gold) }),
      entityKeys(old.entities.tp.map { ($0.type, $0.gold) }))
    lines += found.added.map { "+ found \($0)" } + found.removed.map { "- lost \($0)" }
    let falseHits = difference(
      entityKeys(entities.fp.map { ($0.type, $0.text) }),
      entityKeys(old.entities.fp.map { ($0.type, $0.text) }))
    lines +=
      falseHits.removed.map { "+ no longer finds \($0)" }
      + falseHits.added.map { "- new false hit \($0)" }
    func indicatorKey(_ item: Annotations.IndicatorItem) -> String {
      "\"\(item.text ?? "")\" = \(numberText(item.value)) \(item.unit)"
    }
    let indicatorsFound = difference(
      indicators.tp.map { indicatorKey($0.gold) }, old.indicators.tp.map { indicatorKey($0.gold) })
    lines +=
      indicatorsFound.added.map { "+ found indicator \($0)" }
      + indicatorsFound.removed.map { "- lost indicator \($0)" }
    let indicatorHits = difference(
      indicators.fp.map(indicatorKey), old.indicators.fp.map(indicatorKey))
    lines +=
      indicatorHits.removed.map { "+ no longer finds indicator \($0)" }
      + indicatorHits.added.map { "- new false indicator \($0)" }
    for key in meta.keys.sorted() {
      guard let now = meta[key], let before = old.meta[key], now.match != before.match else {
        continue
      }
      lines.append(
        now.match
          ? "+ meta \(key) now right" : "- meta \(key) now wrong: \(now.predicted ?? "none")")
    }
    return lines
  }
}

func fileName(_ path: String) -> String {
  path.split(separator: "/").last.map(String.init) ?? path
}

/// A number as people write it in reports: 2343, 5.5, 1.2e9 → 1200000000.
func numberText(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return String(value)
}
