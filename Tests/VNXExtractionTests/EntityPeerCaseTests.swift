import Foundation
import Testing

@testable import VNXExtraction

/// Named-entity cases of underthesea (`../shared/data/peer-cases/underthesea/ner*.tsv`), where
/// they fall within vnx's entity types: organizations (ORG) of the Vietnamese state. Their PER
/// and LOC tags for foreign people and countries are outside SAMPLES.md's types.
enum NERPeerCases {
  /// (input, organization names) from the observed CRF output: B-ORG/I-ORG words joined.
  static func organizations() -> [(String, [String])] {
    PeerCases.rows("underthesea/ner_observed_9.5.0.tsv").compactMap { row in
      guard row.count >= 2, let data = row[1].data(using: .utf8),
        let words = try? JSONSerialization.jsonObject(with: data) as? [[String]]
      else { return nil }
      var names: [String] = []
      for word in words where word.count == 4 {
        if word[3] == "B-ORG" { names.append(word[0]) }
        if word[3] == "I-ORG", !names.isEmpty { names[names.count - 1] += " " + word[0] }
      }
      return (row[0], names)
    }
  }
}

@Test("underthesea NER: organizations of the state", .enabled(if: PeerCases.available))
func peerOrganizations() {
  let cases = NERPeerCases.organizations()
  #expect(!cases.isEmpty)
  for (input, names) in cases {
    let found = EntityFixture.extract(input).filter { $0.type == .organization }.map(\.text)
    #expect(found == names, "\(input)")
  }
}

@Test("underthesea NER: empty input gives no entities", .enabled(if: PeerCases.available))
func peerEmptyInput() {
  let empty = PeerCases.rows("underthesea/ner.tsv").filter { $0.first?.isEmpty == true }
  #expect(!empty.isEmpty)
  for _ in empty { #expect(EntityFixture.extract("").isEmpty) }
}
