import VNX

/// A CI gate of `vnx eval --min-f1`: a minimum F1 for entities (micro), indicators or one
/// entity type.
///
///     F1Gate.parse("entities=0.9,indicators=0.92,person=0.9")
public struct F1Gate: Sendable, Hashable {
  /// "entities" (micro), "indicators", or an entity type ("person").
  public var name: String
  public var minimum: Double

  public init(name: String, minimum: Double) {
    self.name = name
    self.minimum = minimum
  }

  /// The names a gate may have.
  public static let names: Set<String> = Set(
    ["entities", "micro", "indicators"] + EntityType.allCases.map(\.rawValue))

  /// Reads comma-separated `NAME=NUMBER` gates.
  public static func parse(_ text: String) throws(EvaluationError) -> [F1Gate] {
    var gates: [F1Gate] = []
    for part in text.split(separator: ",") {
      let pieces = part.split(separator: "=", maxSplits: 1).map {
        String($0).trimmingSpaces
      }
      guard pieces.count == 2, !pieces[0].isEmpty, let minimum = Double(pieces[1]),
        minimum >= 0, minimum <= 1
      else { throw .invalidGate(String(part)) }
      let name = pieces[0].lowercased()
      guard names.contains(name) else { throw .invalidGate(String(part)) }
      gates.append(F1Gate(name: name, minimum: minimum))
    }
    guard !gates.isEmpty else { throw .invalidGate(text) }
    return gates
  }

  /// The F1 this gate checks in `report`; an entity type absent from gold and predictions
  /// has nothing to miss and counts as 1.
  public func measured(in report: EvaluationReport) -> Double {
    switch name {
    case "entities", "micro": (report.entities["micro"] ?? Score()).f1
    case "indicators": report.indicators.score.f1
    default: (report.entities[name] ?? Score()).f1
    }
  }

  /// Nil when the gate passes, else a line saying why it does not.
  public func failure(in report: EvaluationReport) -> String? {
    let value = measured(in: report)
    return value + 1e-12 >= minimum
      ? nil : "\(name) F1 \(format(value)) is below the minimum \(format(minimum))"
  }
}
