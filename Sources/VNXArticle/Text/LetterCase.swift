import VNXText

/// Lowercasing and letter classes of Unicode scalars over UTF-8 bytes, as
/// `String.lowercased()` and `Unicode.Scalar.Properties` give them, without their per-scalar
/// table searches: every scalar below U+2000 (Latin, Vietnamese's U+1EA0–U+1EF9, Greek,
/// Cyrillic) is looked up in a flat table built once; rarer scalars ask the properties.
///
///     LetterCase.lowercased(Array("Đảng Bộ XÃ".utf8))   // bytes of "đảng bộ xã"
enum LetterCase {
  /// `isAlphabetic` and `isUppercase` of a scalar.
  struct Class: OptionSet, Sendable {
    let rawValue: UInt8
    static let letter = Class(rawValue: 1)
    static let uppercase = Class(rawValue: 2)
  }

  static let tableLimit: UInt32 = 0x2000
  /// A lowercase mapping to more than one scalar ("İ" → "i̇") is marked with this value.
  static let several: UInt32 = 0xFFFF_FFFF

  /// Lowercase mappings and classes of every scalar below `tableLimit`; a hot loop fetches
  /// it once (each read of a global checks that it is initialized).
  struct Table: Sendable {
    var lower: [UInt32]
    var classes: [Class]
  }

  static let table: Table = {
    var lower = [UInt32](repeating: 0, count: Int(tableLimit))
    var classes = [Class](repeating: [], count: Int(tableLimit))
    for value in 0..<tableLimit {
      guard let scalar = Unicode.Scalar(value) else {
        lower[Int(value)] = value
        continue
      }
      lower[Int(value)] = single(scalar.properties.lowercaseMapping) ?? several
      classes[Int(value)] = classify(properties: scalar)
    }
    return Table(lower: lower, classes: classes)
  }()

  private static func single(_ mapping: String) -> UInt32? {
    var scalars = mapping.unicodeScalars.makeIterator()
    guard let first = scalars.next(), scalars.next() == nil else { return nil }
    return first.value
  }

  private static func classify(properties scalar: Unicode.Scalar) -> Class {
    var result: Class = []
    if scalar.properties.isAlphabetic { result.insert(.letter) }
    if scalar.properties.isUppercase { result.insert(.uppercase) }
    return result
  }

  /// The letter class of a scalar value.
  @inline(__always)
  static func of(_ value: UInt32) -> Class {
    if value < tableLimit { return table.classes[Int(value)] }
    guard let scalar = Unicode.Scalar(value) else { return [] }
    return classify(properties: scalar)
  }

  /// The lowercase of a scalar: its single-scalar mapping, or `several`.
  static func lower(_ value: UInt32) -> UInt32 {
    if value < tableLimit { return table.lower[Int(value)] }
    guard let scalar = Unicode.Scalar(value) else { return value }
    return single(scalar.properties.lowercaseMapping) ?? several
  }

  /// Appends the lowercase form of one scalar, given by value and its UTF-8 bytes.
  @inline(__always)
  static func appendLowercase(
    _ value: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int,
    to output: inout [UInt8]
  ) {
    if value < 0x80 {
      output.append(value >= 0x41 && value <= 0x5A ? UInt8(value) | 0x20 : UInt8(value))
      return
    }
    var mapped = value
    if value < tableLimit {
      mapped = table.lower[Int(value)]
    } else if let scalar = Unicode.Scalar(value) {
      mapped = single(scalar.properties.lowercaseMapping) ?? several
    }
    if mapped == value {
      for offset in 0..<length { output.append(bytes[start + offset]) }
    } else if mapped == several {
      output.append(contentsOf: Unicode.Scalar(value)!.properties.lowercaseMapping.utf8)
    } else {
      UTF8Scalars.append(mapped, to: &output)
    }
  }

  /// The UTF-8 bytes of the lowercase form of valid UTF-8 text.
  static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let (value, length) = UTF8Scalars.decode(bytes, at: index)
      appendLowercase(value, bytes, index, length, to: &output)
      index += length
    }
    return output
  }

  static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBufferPointer { lowercased($0) }
  }
}
