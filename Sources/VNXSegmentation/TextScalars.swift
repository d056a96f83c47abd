/// The Unicode scalars of a whole text, as the segmenter decoded them for its own scan, shared
/// by every sentence of the text: a later stage reads a token's scalars
/// (`values[token.start..<token.end]`) without decoding the text's UTF-8 again.
///
///     let sentences = Segmenter().sentences(in: "Xã Bản Hon họp.")
///     sentences[0].textScalars.values.count   // 15
///
/// A hand-over, not part of a sentence's value: sentences compare, hash and encode alike with
/// it or without it (empty, as a decoded or hand-made sentence has it).
public struct TextScalars: Hashable, Sendable {
  /// The scalar values of the text, from its first scalar on; empty when not handed over.
  public let values: [UInt32]

  public init(_ values: [UInt32] = []) { self.values = values }

  public static func == (_: TextScalars, _: TextScalars) -> Bool { true }
  public func hash(into hasher: inout Hasher) {}
}
