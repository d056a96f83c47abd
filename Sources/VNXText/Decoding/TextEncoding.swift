/// An encoding that vnx reads. The raw value is the name users pass to `--encoding`.
public enum TextEncoding: String, CaseIterable, Codable, Sendable, Hashable {
  case utf8 = "utf-8"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  /// Microsoft's Vietnamese code page, decoded through ICU's converter.
  case windows1258 = "windows-1258"
  /// TCVN 5712:1993 VN3, the "ABC" font encoding (.VnTime).
  case tcvn3 = "tcvn3"
  /// The VNI-Windows font encoding (VNI-Times): ASCII letters followed by mark bytes.
  case vniWindows = "vni-windows"
  /// VIQR: ASCII letters followed by mark characters, as in "Vie^.t Nam".
  case viqr = "viqr"
}
