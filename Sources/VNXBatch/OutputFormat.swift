import Foundation

/// The datasets `vnx batch` writes; `errors.jsonl` and the ledger are always written.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable, Codable {
  /// `documents.jsonl`: one `vnx.document/1` object per line.
  case jsonl
  /// `entities.csv` and `indicators.csv`.
  case csv
  /// `vnx.sqlite`: table documents, views entities and indicators (see `SQLiteDataset`).
  case sqlite

  /// Parses "jsonl,csv,sqlite" (or "all").
  public static func list(_ text: String) -> Set<OutputFormat>? {
    if text == "all" { return Set(allCases) }
    var formats = Set<OutputFormat>()
    for name in text.split(separator: ",") {
      guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
      else { return nil }
      formats.insert(format)
    }
    return formats.isEmpty ? nil : formats
  }
}
