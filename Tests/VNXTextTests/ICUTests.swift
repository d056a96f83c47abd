import Testing
import VNXText

@Test("ICU composes NFD Vietnamese into NFC")
func icuComposes() throws {
  #expect(try ICU.nfc("Vie\u{302}\u{323}t Nam") == "Việt Nam")
}

@Test("ICU decodes Windows-1258 (base letters + combining tone bytes)")
func icuDecodesWindows1258() throws {
  // "Vi" + ê (0xEA) + combining dot below (0xF2) + "t"
  let text = try ICU.decode([0x56, 0x69, 0xEA, 0xF2, 0x74], charset: "windows-1258")
  #expect(try ICU.nfc(text) == "Việt")
}
