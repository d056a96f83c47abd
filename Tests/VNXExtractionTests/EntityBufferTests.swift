import Testing

@testable import VNXExtraction

/// `EntityBuffer.append(type:text:start:end:kind:)` initializes an entity's stored properties
/// one by one in raw memory: a property it does not name would be left uninitialized.
@Test("An entity appended field by field equals the one its initializer builds")
func fieldByFieldAppendCoversEveryStoredProperty() {
  let expected = Entity(type: .village, text: "Đông Pao", start: 54, end: 62, kind: "bản")
  #expect(
    Mirror(reflecting: expected).children.count == 12,
    "Entity gained or lost a stored property: update EntityBuffer.append(type:text:start:end:kind:)")
  var buffer = EntityBuffer()
  buffer.append(type: .village, text: "Đông Pao", start: 54, end: 62, kind: "bản")
  buffer.append(type: .person, text: "Lò Văn Phà", start: 0, end: 10, kind: nil)
  buffer[1].role = "Bí thư"
  let first = buffer.take(0)
  #expect(first == expected)
  #expect(buffer[1] == Entity(type: .person, text: "Lò Văn Phà", start: 0, end: 10, role: "Bí thư"))
  buffer.deallocate()
}

@Test("An entity taken into memory of its own equals the one taken by value, and leaves the buffer")
func takeIntoSlotMovesTheEntity() {
  var buffer = EntityBuffer(capacity: 1)
  buffer.append(type: .village, text: "Đông Pao", start: 54, end: 62, kind: "bản")
  buffer.append(type: .person, text: "Lò Văn Phà", start: 0, end: 10, kind: nil)
  buffer[1].role = "Bí thư"
  let slot = UnsafeMutablePointer<Entity>.allocate(capacity: 1)
  buffer.take(1, into: slot)
  #expect(slot.pointee == Entity(type: .person, text: "Lò Văn Phà", start: 0, end: 10, role: "Bí thư"))
  #expect(buffer.take(0) == Entity(type: .village, text: "Đông Pao", start: 54, end: 62, kind: "bản"))
  slot.deinitialize(count: 1)
  slot.deallocate()
  buffer.deallocate()
}
