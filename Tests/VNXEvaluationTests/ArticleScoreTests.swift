import Testing

@testable import VNXEvaluation

typealias E = Annotations.EntityItem
typealias I = Annotations.IndicatorItem

@Test("Entities are a set per article of (type, key)")
func entitySets() {
  let gold = Annotations(entities: [
    E(type: "person", text: "Lò Văn Phà"), E(type: "commune", text: "Bản Hon"),
    E(type: "organization", text: "Đảng ủy xã Bản Hon"), E(type: "date", text: "22/9/2017"),
  ])
  let predicted = Annotations(entities: [
    E(type: "person", text: "Lò Văn Phà", start: 0, end: 10),
    E(type: "person", text: "lò văn  phà", start: 40, end: 51),  // same key: counted once
    E(type: "commune", text: "Bản Hon"),
    E(type: "organization", text: "Đảng uỷ xã Bản Hon"),  // other tone style: a match
    E(type: "district", text: "Bản Hon"),  // right text, wrong type: a false hit
  ])
  let score = ArticleScore(path: "a.txt", gold: gold, predicted: predicted)
  #expect(score.entities.tp.map(\.gold) == ["Lò Văn Phà", "Bản Hon", "Đảng ủy xã Bản Hon"])
  #expect(score.entities.fn.map(\.text) == ["22/9/2017"])
  #expect(score.entities.fp.map { "\($0.type):\($0.text)" } == ["district:Bản Hon"])
}

@Test("Duplicate gold entities count once")
func goldDuplicates() {
  let gold = Annotations(entities: [
    E(type: "person", text: "Hồ Chí Minh"), E(type: "person", text: "Hồ Chí Minh"),
  ])
  let score = ArticleScore(path: "a", gold: gold, predicted: Annotations())
  #expect(score.entities.fn.count == 1)
}

@Test("Missing predictions: everything in gold is a miss, nothing is a false hit")
func missingPredictions() {
  let gold = Annotations(
    meta: ["title": "Bản Hon"], entities: [E(type: "person", text: "Lò Văn Phà")],
    indicators: [I(text: "166 đảng viên", value: 166, unit: "đảng viên")])
  let score = ArticleScore(path: "a", gold: gold, predicted: Annotations())
  let report = EvaluationReport(articles: [score])
  #expect(report.entities["micro"] == Score(tp: 0, fp: 0, fn: 1))
  #expect(report.entities["person"]!.f1 == 0)
  #expect(report.indicators.score == Score(tp: 0, fp: 0, fn: 1))
  #expect(report.meta["title"] == Accuracy(right: 0, total: 1))
}

@Test("Indicators are a multiset: each occurrence counts")
func indicatorMultiset() {
  let gold = Annotations(indicators: [
    I(text: "146 hộ", value: 146, unit: "hộ"), I(text: "146 hộ", value: 146, unit: "hộ"),
    I(text: "146 hộ", value: 146, unit: "hộ"), I(text: "2.343 tấn", value: 2343, unit: "tấn"),
  ])
  let predicted = Annotations(indicators: [
    I(text: "146 hộ", value: 146, unit: "hộ gia đình"), I(text: "146 hộ", value: 146, unit: "hộ"),
    I(text: "2.343 tấn", value: 2343, unit: "tấn"), I(text: "2.343 tấn", value: 2343, unit: "tấn"),
    I(text: "2.343 ha", value: 2343, unit: "ha"),
  ])
  let score = ArticleScore(path: "a", gold: gold, predicted: predicted)
  #expect(score.indicators.tp.count == 3)
  #expect(score.indicators.fn.map(\.unit) == ["hộ"])
  #expect(score.indicators.fp.map(\.unit).sorted() == ["ha", "tấn"])
}

@Test("The matching is maximal when unit prefixes overlap")
func maximalMatching() {
  // Greedy would give gold "hộ" the exact "hộ" prediction and leave "hộ gia đình" (which only
  // "hộ" matches) without a partner; "hộ nghèo" fits gold "hộ" as well.
  let gold = Annotations(indicators: [
    I(value: 3, unit: "hộ"), I(value: 3, unit: "hộ gia đình"),
  ])
  let predicted = Annotations(indicators: [I(value: 3, unit: "hộ"), I(value: 3, unit: "hộ nghèo")])
  let score = ArticleScore(path: "a", gold: gold, predicted: predicted)
  #expect(score.indicators.tp.count == 2)
  #expect(score.indicators.fn.isEmpty && score.indicators.fp.isEmpty)
}

@Test("Attributes are scored on matched pairs where gold gives them")
func attributeAccuracy() {
  let gold = Annotations(indicators: [
    I(value: 5.5, unit: "ha", qualifier: "over"),
    I(value: 2.8, unit: "%", trend: "decrease", about: "tỷ lệ hộ nghèo"),
    I(value: 13, unit: "chi bộ", total: 13),
    I(value: 3, unit: "hộ", valueMax: 4),
    I(value: 166, unit: "đảng viên"),
  ])
  let predicted = Annotations(indicators: [
    I(value: 5.5, unit: "ha", qualifier: "approx"),
    I(value: 2.8, unit: "%", trend: "decrease", about: "Tỷ lệ hộ nghèo toàn xã"),
    I(value: 13, unit: "chi bộ", total: 13),
    I(value: 3, unit: "hộ gia đình", valueMax: 5),
    I(value: 166, unit: "đảng viên", qualifier: "over"),  // gold gives no qualifier: not scored
  ])
  let report = EvaluationReport(articles: [
    ArticleScore(path: "a", gold: gold, predicted: predicted)
  ])
  #expect(report.indicators.score == Score(tp: 5, fp: 0, fn: 0))
  let attributes = report.indicators.attributes
  #expect(attributes["qualifier"] == Accuracy(right: 0, total: 1))
  #expect(attributes["trend"] == Accuracy(right: 1, total: 1))
  #expect(attributes["about"] == Accuracy(right: 1, total: 1))
  #expect(attributes["total"] == Accuracy(right: 1, total: 1))
  #expect(attributes["value_max"] == Accuracy(right: 0, total: 1))
}

@Test(
  "Meta: published matches to the minute by ISO prefix; text keys elsewhere",
  arguments: [
    ("published", "2019-01-27T17:44", "2019-01-27T17:44:00+07:00", true),
    ("published", "2019-01-27T17:44", "2019-01-27T17:45:00+07:00", false),
    ("published", "2020-03-05", "2020-03-05T08:00:00+07:00", true),
    ("published", "2020-03-05", "2020-03-06", false),
    ("published", "2019-01-27T17:44:31", "2019-01-27T17:44:00+07:00", true),
    (
      "title", "Đảng bộ xã Bản Hon nâng cao chất lượng", "Đảng bộ xã Bản Hon nâng cao  chất lượng",
      true
    ),
    ("author", "Thanh Sơn", "THANH SƠN", true),
    ("author", "Thanh Sơn", "Thanh Sơn (TTXVN)", false),
  ])
func metaMatching(_ key: String, _ gold: String, _ predicted: String, _ match: Bool) {
  let score = ArticleScore(
    path: "a", gold: Annotations(meta: [key: gold]), predicted: Annotations(meta: [key: predicted]))
  #expect(score.meta[key]?.match == match)
}
