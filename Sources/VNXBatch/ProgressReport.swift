import Foundation

/// How `vnx batch` shows its progress on standard error.
public enum ProgressReport {
  /// The one-line bar redrawn on a terminal:
  /// `[#########-----------]  45%  1234 docs  2 errors  150.3 docs/s  7.1 MB/s  ETA 1m05s`.
  public static func bar(_ progress: BatchRunner.Progress, width: Int = 24) -> String {
    let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytes) / Double(progress.totalBytes)) : 0
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    var line = "[\(bar)] \(percent(fraction))  \(counts(progress))  \(rates(progress))"
    if let eta = eta(progress) { line += "  ETA \(eta)" }
    return line
  }

  /// A plain line for logs: `vnx batch: 45% 1234 documents, 2 errors, … ETA 1m05s`.
  public static func line(_ progress: BatchRunner.Progress) -> String {
    let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytes) / Double(progress.totalBytes)) : 0
    var line = "vnx batch: \(percent(fraction)) \(counts(progress)), \(rates(progress))"
    if let eta = eta(progress) { line += ", ETA \(eta)" }
    return line
  }

  /// The closing summary.
  public static func summary(_ progress: BatchRunner.Progress, out: String) -> String {
    var text = progress.interrupted ? "vnx batch: interrupted; rerun the same command to resume. " : "vnx batch: "
    text += "\(progress.documents) documents, \(progress.errors) errors"
    if progress.skipped > 0 { text += ", \(progress.skipped) skipped (already done)" }
    text += " in \(String(format: "%.1f", progress.seconds)) s (\(rates(progress))) → \(out)"
    if progress.errors > 0 { text += " (errors listed in \(out)/errors.jsonl)" }
    return text
  }

  static func percent(_ fraction: Double) -> String {
    let value = Int((fraction * 100).rounded(.down))
    return String(repeating: " ", count: max(0, 3 - String(value).count)) + "\(value)%"
  }

  static func counts(_ progress: BatchRunner.Progress) -> String {
    var text = "\(progress.documents) docs  \(progress.errors) errors"
    if progress.skipped > 0 { text += "  \(progress.skipped) skipped" }
    return text
  }

  static func rates(_ progress: BatchRunner.Progress) -> String {
    let seconds = max(progress.seconds, 1e-6)
    let documents = Double(progress.documents + progress.errors) / seconds
    let megabytes = Double(progress.bytes) / 1_000_000 / seconds
    return String(format: "%.1f docs/s, %.2f MB/s", documents, megabytes)
  }

  static func eta(_ progress: BatchRunner.Progress) -> String? {
    guard !progress.finished, progress.bytes > 0, progress.totalBytes > progress.bytes else { return nil }
    let remaining = Double(progress.totalBytes - progress.bytes) / Double(progress.bytes) * progress.seconds
    let total = Int(remaining.rounded())
    if total >= 3600 { return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m" }
    if total >= 60 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
    return "\(total)s"
  }
}
