/// Why a file could not be read as text.
public enum DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The bytes are a binary format (PDF, PNG, ZIP…) or hold NUL bytes.
  case binary(format: String)
  /// `--encoding` forced an encoding these bytes cannot be in.
  case undecodable(encoding: TextEncoding, reason: String)

  public var description: String {
    switch self {
    case .binary(let format): "not text: looks like \(format)"
    case .undecodable(let encoding, let reason): "cannot decode as \(encoding.rawValue): \(reason)"
    }
  }
}
