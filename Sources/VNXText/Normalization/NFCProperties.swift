/// NFC properties of BMP scalars, read once from ICU into a flat table.
enum NFCProperties {
  /// Bit 0: boundary before; bit 1: NFC quick check yes.
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 3, count: 0x10000)
    for value in 0x300..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      let flags = ICU.nfcFlags(scalar)
      table[value] =
        (flags.contains(.boundaryBefore) ? 1 : 0) | (flags.contains(.quickCheckYes) ? 2 : 0)
    }
    return table
  }()

  /// True when the scalar never combines with what comes before it (BMP scalars).
  @inline(__always)
  static func hasBoundaryBefore(_ value: UInt32) -> Bool {
    value < 0x300 || (value < 0x10000 && table[Int(value)] & 1 != 0)
  }

  /// True when the scalar starts a new NFC segment and may stay as it is.
  @inline(__always)
  static func isStable(_ value: UInt32) -> Bool {
    if value < 0x300 { return true }
    if value < 0x10000 { return table[Int(value)] == 3 }
    return ICU.nfcFlags(Unicode.Scalar(value)!).isSuperset(of: [.boundaryBefore, .quickCheckYes])
  }
}
