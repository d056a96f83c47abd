import Foundation

extension Evaluation {
  /// One self-contained HTML page (inline CSS, JavaScript and SVG; no network): the summary
  /// tables, a bar chart of F1 per entity type, micro and indicators, and every article's text
  /// with gold and predicted spans marked — found (green), missed (red), false hits (orange).
  ///
  /// Gold has no offsets, so gold spans are found by searching their text in the article;
  /// predicted spans use their `start`/`end` when these hold the predicted text, and are
  /// searched too otherwise.
  public var html: String {
    var page = HTMLPage()
    page.head()
    page.summary(report)
    if !warnings.isEmpty {
      page.append("<section class=\"warnings\"><h2>Warnings</h2><ul>")
      for warning in warnings { page.append("<li>\(escape(warning))</li>") }
      page.append("</ul></section>")
    }
    page.append(
      """
      <section class="controls"><label><input type="checkbox" id="only-errors"> \
      show only articles with errors</label> · <span class="legend"><mark class="s tp">found</mark> \
      <mark class="s fn">missed (gold only)</mark> <mark class="s fp">false hit (predicted only)</mark>\
      </span></section>
      """)
    page.index(articles)
    for (number, article) in articles.enumerated() { page.article(article, number: number + 1) }
    page.tail(report)
    return page.text
  }
}

/// One mark on an article's text.
struct TextMark {
  enum Kind: String { case tp, fn, fp }
  var range: Range<Int>
  var kind: Kind
  /// "entity" or "indicator".
  var layer: String
  var label: String
}

struct HTMLPage {
  var text = ""

  mutating func append(_ line: String) {
    text += line
    text += "\n"
  }

  mutating func head() {
    append(
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>vnx eval report</title>
      <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; padding: 0 1em; }
      h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
      table { border-collapse: collapse; margin: .5em 0 1em; }
      th, td { padding: .15em .7em; border-bottom: 1px solid #ddd; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      tr.total td { font-weight: bold; }
      .tables { display: flex; flex-wrap: wrap; gap: 2em; }
      #chart svg { max-width: 100%; }
      #chart .bar { fill: #4a7fc1; } #chart .bar.micro { fill: #2b5a91; } #chart .bar.indicators { fill: #7a4fb5; }
      #chart text { font: 12px system-ui, sans-serif; fill: #222; }
      #chart line { stroke: #ccc; }
      .article { border-top: 2px solid #ccc; margin-top: 2em; }
      .article h2 { font-family: ui-monospace, monospace; font-size: 1em; }
      .counts { color: #555; }
      .text { white-space: pre-wrap; font: 14px/1.6 Georgia, serif; background: #fafafa; padding: 1em; border: 1px solid #eee; }
      mark.s { background: none; padding: 0 1px; border-radius: 2px; }
      mark.s.tp { background: #c9f0c9; }
      mark.s.fp { background: #ffd9a0; text-decoration: line-through dotted #b35c00; }
      mark.s.fn { background: #ffc4c4; text-decoration: underline wavy #c00; }
      mark.s.layer-indicator { box-shadow: inset 0 -2px 0 #7a4fb5; }
      .lists { display: flex; flex-wrap: wrap; gap: 1em 3em; }
      .lists ul { margin: .2em 0; padding-left: 1.2em; }
      .missed li { color: #a00; } .false li { color: #a65300; }
      .ok { color: #1a7f1a; } .bad { color: #c00; }
      table.meta td, table.meta th { text-align: left; }
      table.index td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
      .hidden { display: none; }
      </style></head><body>
      <h1>vnx eval report</h1>
      """)
  }

  mutating func summary(_ report: EvaluationReport) {
    append("<p>\(report.documents) documents.</p>")
    append("<div id=\"chart\" aria-label=\"F1 per entity type\"></div>")
    append("<div class=\"tables\">")
    append(
      "<table class=\"scores\"><tr><th>entities</th><th>precision</th><th>recall</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr>"
    )
    func row(_ name: String, _ score: Score, total: Bool = false) {
      append(
        "<tr\(total ? " class=\"total\"" : "")><td>\(escape(name))</td><td>\(format(score.precision))</td><td>\(format(score.recall))</td><td>\(format(score.f1))</td><td>\(score.tp)</td><td>\(score.fp)</td><td>\(score.fn)</td></tr>"
      )
    }
    for type in report.entityTypes { row(type, report.entities[type]!) }
    row("micro", report.entities["micro"] ?? Score(), total: true)
    row("indicators", report.indicators.score, total: true)
    append("</table>")
    append(
      "<table class=\"attributes\"><tr><th>attribute</th><th>accuracy</th><th>right</th><th>of</th></tr>"
    )
    for name in ArticleScore.attributeNames {
      let accuracy = report.indicators.attributes[name] ?? Accuracy()
      append(
        "<tr><td>\(name)</td><td>\(accuracy.value.map(format) ?? "–")</td><td>\(accuracy.right)</td><td>\(accuracy.total)</td></tr>"
      )
    }
    for key in report.metaKeys {
      let accuracy = report.meta[key]!
      append(
        "<tr><td>meta \(escape(key))</td><td>\(accuracy.value.map(format) ?? "–")</td><td>\(accuracy.right)</td><td>\(accuracy.total)</td></tr>"
      )
    }
    append("</table></div>")
  }

  /// One line per article with its figures and a link to it, errors first highlighted.
  mutating func index(_ articles: [EvaluatedArticle]) {
    append(
      "<h2>Articles</h2><table class=\"index\"><tr><th>article</th><th>entities F1</th><th>indicators F1</th><th>errors</th></tr>"
    )
    for (number, article) in articles.enumerated() {
      let score = article.score
      append(
        "<tr data-errors=\"\(score.errorCount)\"><td><a href=\"#article-\(number + 1)\">\(escape(article.sample.article))</a></td><td>\(format(score.entityScore.f1))</td><td>\(format(score.indicatorScore.f1))</td><td class=\"\(score.errorCount == 0 ? "ok" : "bad")\">\(score.errorCount)</td></tr>"
      )
    }
    append("</table>")
  }

  mutating func article(_ article: EvaluatedArticle, number: Int) {
    let score = article.score
    let errors = score.errorCount
    let entityScore = score.entityScore
    let indicatorScore = score.indicatorScore
    append("<section class=\"article\" id=\"article-\(number)\" data-errors=\"\(errors)\">")
    append("<h2>\(escape(article.sample.article))</h2>")
    append(
      "<p class=\"counts\">entities F1 \(format(entityScore.f1)) (tp \(entityScore.tp), fp \(entityScore.fp), fn \(entityScore.fn)) · indicators F1 \(format(indicatorScore.f1)) (tp \(indicatorScore.tp), fp \(indicatorScore.fp), fn \(indicatorScore.fn))</p>"
    )
    if !score.meta.isEmpty {
      append("<table class=\"meta\"><tr><th>meta</th><th>gold</th><th>predicted</th><th></th></tr>")
      for key in score.meta.keys.sorted() {
        let check = score.meta[key]!
        append(
          "<tr><td>\(escape(key))</td><td>\(escape(check.gold))</td><td>\(escape(check.predicted ?? "–"))</td><td class=\"\(check.match ? "ok" : "bad")\">\(check.match ? "✓" : "✗")</td></tr>"
        )
      }
      append("</table>")
    }
    for warning in score.warnings ?? [] { append("<p class=\"bad\">\(escape(warning))</p>") }

    let locator = SpanLocator(text: article.text)
    var marks: [TextMark] = []
    var unlocated: [String] = []
    markEntities(article, locator, &marks, &unlocated)
    markIndicators(article, locator, &marks, &unlocated)
    append("<div class=\"text\">\(render(locator.scalars, marks))</div>")

    append("<div class=\"lists\">")
    list(
      "Missed entities", "missed",
      score.entities.fn.map { "\($0.type): \($0.text)" })
    list(
      "False entities", "false",
      score.entities.fp.map { "\($0.type): \($0.text)" })
    list("Missed indicators", "missed", score.indicators.fn.map(describe))
    list("False indicators", "false", score.indicators.fp.map(describe))
    let wrongAttributes = score.indicators.tp.flatMap { match in
      match.attributes.filter { !$0.value }.keys.sorted().map { name in
        "\(match.gold.text ?? describe(match.gold)): \(name) \(attributeText(match.predicted, name)) ≠ gold \(attributeText(match.gold, name))"
      }
    }
    list("Wrong attributes", "false", wrongAttributes)
    list("Gold not found in the text", "missed", unlocated)
    append("</div></section>")
  }

  private mutating func list(_ title: String, _ kind: String, _ items: [String]) {
    guard !items.isEmpty else { return }
    append("<div class=\"\(kind)\"><h3>\(title) (\(items.count))</h3><ul>")
    for item in items { append("<li>\(escape(item))</li>") }
    append("</ul></div>")
  }

  private func markEntities(
    _ article: EvaluatedArticle, _ locator: SpanLocator, _ marks: inout [TextMark],
    _ unlocated: inout [String]
  ) {
    struct Key: Hashable {
      var type: String
      var text: TextKey
    }
    var predictedSpans: [Key: [Range<Int>]] = [:]
    for entity in article.predicted.entities {
      let key = Key(type: entity.type, text: TextKey(entity.text))
      if let range = locator.checked(start: entity.start, end: entity.end, expected: entity.text) {
        predictedSpans[key, default: []].append(range)
      }
    }
    func add(_ ranges: [Range<Int>], _ kind: TextMark.Kind, _ label: String) {
      for range in ranges {
        marks.append(TextMark(range: range, kind: kind, layer: "entity", label: label))
      }
    }
    for match in article.score.entities.tp {
      let key = Key(type: match.type, text: TextKey(match.gold))
      let ranges = predictedSpans[key] ?? locator.occurrences(of: match.gold)
      add(ranges, .tp, "\(match.type) “\(match.gold)”: found")
    }
    for entry in article.score.entities.fn {
      let ranges = locator.occurrences(of: entry.text)
      if ranges.isEmpty { unlocated.append("\(entry.type): \(entry.text)") }
      add(ranges, .fn, "\(entry.type) “\(entry.text)”: missed")
    }
    for entry in article.score.entities.fp {
      let key = Key(type: entry.type, text: TextKey(entry.text))
      let ranges = predictedSpans[key] ?? locator.occurrences(of: entry.text)
      add(ranges, .fp, "\(entry.type) “\(entry.text)”: false hit")
    }
  }

  private func markIndicators(
    _ article: EvaluatedArticle, _ locator: SpanLocator, _ marks: inout [TextMark],
    _ unlocated: inout [String]
  ) {
    // The n-th indicator with a given text takes that text's n-th occurrence.
    var occurrences: [TextKey: [Range<Int>]] = [:]
    var used: [TextKey: Int] = [:]
    func nextOccurrence(_ text: String?) -> Range<Int>? {
      guard let text, !text.isEmpty else { return nil }
      let key = TextKey(text)
      if occurrences[key] == nil { occurrences[key] = locator.occurrences(of: text) }
      let index = used[key, default: 0]
      used[key] = index + 1
      let all = occurrences[key]!
      return index < all.count ? all[index] : all.last
    }
    func predictedRange(_ item: Annotations.IndicatorItem) -> Range<Int>? {
      locator.checked(start: item.start, end: item.end, expected: item.text)
    }
    for match in article.score.indicators.tp {
      let goldRange = nextOccurrence(match.gold.text)
      guard let range = predictedRange(match.predicted) ?? goldRange else { continue }
      let wrong = match.attributes.filter { !$0.value }.keys.sorted()
      let note = wrong.isEmpty ? "found" : "found, wrong \(wrong.joined(separator: ", "))"
      marks.append(
        TextMark(
          range: range, kind: .tp, layer: "indicator", label: "\(describe(match.gold)): \(note)"))
    }
    for item in article.score.indicators.fn {
      guard let range = nextOccurrence(item.text) else {
        unlocated.append(describe(item))
        continue
      }
      marks.append(
        TextMark(range: range, kind: .fn, layer: "indicator", label: "\(describe(item)): missed"))
    }
    used = [:]
    for item in article.score.indicators.fp {
      guard let range = predictedRange(item) ?? nextOccurrence(item.text) else { continue }
      marks.append(
        TextMark(range: range, kind: .fp, layer: "indicator", label: "\(describe(item)): false hit")
      )
    }
  }

  /// The text with marks; where marks overlap, a piece carries all their classes and labels.
  private func render(_ scalars: [Unicode.Scalar], _ marks: [TextMark]) -> String {
    var cuts = Set([0, scalars.count])
    for mark in marks {
      cuts.insert(max(0, min(mark.range.lowerBound, scalars.count)))
      cuts.insert(max(0, min(mark.range.upperBound, scalars.count)))
    }
    let points = cuts.sorted()
    var html = ""
    for (start, end) in zip(points, points.dropFirst()) where start < end {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      let piece = escape(String(view))
      let covering = marks.filter { $0.range.lowerBound <= start && $0.range.upperBound >= end }
      guard !covering.isEmpty else {
        html += piece
        continue
      }
      var classes = ["s"]
      for kind in [TextMark.Kind.tp, .fp, .fn] where covering.contains(where: { $0.kind == kind }) {
        classes.append(kind.rawValue)
      }
      for layer in ["entity", "indicator"] where covering.contains(where: { $0.layer == layer }) {
        classes.append("layer-\(layer)")
      }
      let title = covering.map(\.label).joined(separator: "\n")
      html +=
        "<mark class=\"\(classes.joined(separator: " "))\" title=\"\(escape(title))\">\(piece)</mark>"
    }
    return html
  }

  mutating func tail(_ report: EvaluationReport) {
    var bars: [String] = []
    func bar(_ name: String, _ score: Score, _ group: String) {
      bars.append(
        "{\"name\":\(jsonString(name)),\"group\":\"\(group)\",\"f1\":\(score.f1),\"precision\":\(score.precision),\"recall\":\(score.recall)}"
      )
    }
    for type in report.entityTypes { bar(type, report.entities[type]!, "type") }
    bar("micro", report.entities["micro"] ?? Score(), "micro")
    bar("indicators", report.indicators.score, "indicators")
    let data = "{\"bars\":[\(bars.joined(separator: ","))]}".replacingOccurrences(
      of: "</", with: "<\\/")
    append("<script type=\"application/json\" id=\"vnx-data\">\(data)</script>")
    append(
      """
      <script>
      (function () {
        var data = JSON.parse(document.getElementById('vnx-data').textContent);
        var ns = 'http://www.w3.org/2000/svg';
        var row = 26, left = 110, width = 420, top = 24;
        var svg = document.createElementNS(ns, 'svg');
        var height = top + data.bars.length * row + 10;
        svg.setAttribute('width', left + width + 60);
        svg.setAttribute('height', height);
        svg.setAttribute('role', 'img');
        function el(name, attrs, text) {
          var node = document.createElementNS(ns, name);
          for (var key in attrs) node.setAttribute(key, attrs[key]);
          if (text !== undefined) node.textContent = text;
          svg.appendChild(node);
          return node;
        }
        el('text', {x: left, y: 14}, 'F1');
        [0, 0.25, 0.5, 0.75, 1].forEach(function (tick) {
          var x = left + tick * width;
          el('line', {x1: x, x2: x, y1: top - 4, y2: height - 8});
          el('text', {x: x - 8, y: height}, tick.toString());
        });
        data.bars.forEach(function (bar, index) {
          var y = top + index * row;
          el('text', {x: 4, y: y + 16}, bar.name);
          var rect = el('rect', {x: left, y: y + 3, height: row - 8,
            width: Math.max(1, bar.f1 * width), 'class': 'bar ' + bar.group, 'data-name': bar.name});
          var title = document.createElementNS(ns, 'title');
          title.textContent = bar.name + ': F1 ' + bar.f1.toFixed(3) + ', P ' +
            bar.precision.toFixed(3) + ', R ' + bar.recall.toFixed(3);
          rect.appendChild(title);
          el('text', {x: left + Math.max(1, bar.f1 * width) + 6, y: y + 16}, bar.f1.toFixed(3));
        });
        document.getElementById('chart').appendChild(svg);
        var toggle = document.getElementById('only-errors');
        toggle.addEventListener('change', function () {
          document.querySelectorAll('section.article, table.index tr[data-errors]').forEach(function (section) {
            section.classList.toggle('hidden', toggle.checked && section.dataset.errors === '0');
          });
        });
      })();
      </script>
      </body></html>
      """)
  }
}

func escape(_ text: String) -> String {
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for character in text {
    switch character {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&#39;"
    default: result.append(character)
    }
  }
  return result
}

func jsonString(_ text: String) -> String {
  let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
  return String(decoding: data, as: UTF8.self)
}

func describe(_ item: Annotations.IndicatorItem) -> String {
  var text = "\(numberText(item.value))"
  if let valueMax = item.valueMax { text += "–\(numberText(valueMax))" }
  if let total = item.total { text += "/\(numberText(total))" }
  text += " \(item.unit)"
  if let written = item.text { text = "“\(written)” = " + text }
  return text
}

func attributeText(_ item: Annotations.IndicatorItem, _ name: String) -> String {
  let value: String? =
    switch name {
    case "qualifier": item.qualifier
    case "trend": item.trend
    case "total": item.total.map(numberText)
    case "value_max": item.valueMax.map(numberText)
    case "about": item.about
    default: nil
    }
  return value ?? "none"
}

extension ArticleScore {
  var entityScore: Score {
    Score(tp: entities.tp.count, fp: entities.fp.count, fn: entities.fn.count)
  }
  var indicatorScore: Score {
    Score(tp: indicators.tp.count, fp: indicators.fp.count, fn: indicators.fn.count)
  }
  /// Misses, false hits, wrong attributes and wrong meta values.
  var errorCount: Int {
    entities.fp.count + entities.fn.count + indicators.fp.count + indicators.fn.count
      + indicators.tp.reduce(0) { $0 + $1.attributes.values.filter { !$0 }.count }
      + meta.values.filter { !$0.match }.count
  }
}
