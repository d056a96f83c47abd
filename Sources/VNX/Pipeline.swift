@_exported import VNXArticle
@_exported import VNXExtraction
@_exported import VNXSegmentation
@_exported import VNXText

/// The whole of vnx in one place: bytes → text → article → sentences → tokens →
/// entities/indicators → `Document`.
public struct Pipeline: Sendable {
  public struct Options: Sendable {
    public var encoding: TextEncoding?
    public var toneStyle: ToneStyle = .old
    /// Keep the normalized text and sentence spans in the document.
    public var includeText = false
    public init() {}
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Processes one input; throws only when the bytes are not text at all.
  public func process(_ bytes: [UInt8], path: String? = nil) throws(DecodingError) -> Document {
    let decoded = try TextDecoder(forcedEncoding: options.encoding).decode(bytes)
    let normalized = TextNormalizer(toneStyle: options.toneStyle).normalize(decoded.text)
    // Article, segmentation and extraction stages are wired in as they land.
    return Document(
      source: .init(
        path: path, sha256: "", bytes: bytes.count, encoding: decoded.encoding.rawValue,
        format: "text"),
      meta: .init(),
      warnings: decoded.warnings,
      text: options.includeText ? normalized.text : nil
    )
  }
}
