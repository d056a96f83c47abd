/// The entities one scan has found so far, in memory the scan owns: each built in place,
/// changed in place (`buffer[i].role = …` touches one field, copies no entity) and moved out
/// at the end, so an entity's strings are neither retained again nor released twice.
///
///     var found = EntityBuffer()
///     found.append(Entity(type: .village, text: "Đông Pao", start: 54, end: 62))
///     found[0].kind = "bản"
///     let entity = found.take(0)   // the buffer no longer holds it
///
/// Not a collection: `deallocate()` must be called once, and an entity taken out is not read
/// or taken again (the scan's `finish` takes each entity at most once, then destroys the rest).
struct EntityBuffer {
  private var base: UnsafeMutablePointer<Entity>
  private var capacity: Int
  private(set) var count = 0
  /// Which entities have been taken out (allocated at the first `take`).
  private var taken: UnsafeMutableBufferPointer<Bool>?

  init(capacity: Int = 16) {
    self.capacity = max(capacity, 1)
    base = .allocate(capacity: self.capacity)
  }

  var indices: Range<Int> { 0..<count }

  subscript(index: Int) -> Entity {
    unsafeAddress {
      precondition(index >= 0 && index < count, "entity index out of range")
      return UnsafePointer(base + index)
    }
    // Mutating, so that `buffer[i].parent = f()` starts its access after `f` ran: `f` may
    // append and move the storage.
    unsafeMutableAddress {
      precondition(index >= 0 && index < count, "entity index out of range")
      return base + index
    }
  }

  mutating func append(_ entity: __owned Entity) {
    nextSlot().initialize(to: entity)
    count += 1
  }

  /// Appends an entity built from these fields in its slot (the others nil), field by field:
  /// built whole, as `Entity(…)`, the entity was made on the stack, copied into the slot
  /// (its strings retained) and destroyed (released), about 380 instructions per entity.
  @inline(__always)
  mutating func append(
    type: EntityType, text: __owned String, start: Int, end: Int, kind: __owned String?
  ) {
    let slot = UnsafeMutableRawPointer(nextSlot())
    /// The stored property at `field` of the slot's entity, uninitialized.
    @inline(__always) func field<T>(_ path: KeyPath<Entity, T>) -> UnsafeMutablePointer<T> {
      (slot + MemoryLayout<Entity>.offset(of: path)!).assumingMemoryBound(to: T.self)
    }
    field(\.type).initialize(to: type)
    field(\.text).initialize(to: text)
    field(\.start).initialize(to: start)
    field(\.end).initialize(to: end)
    field(\.kind).initialize(to: kind)
    field(\.role).initialize(to: nil)
    field(\.village).initialize(to: nil)
    field(\.value).initialize(to: nil)
    field(\.date).initialize(to: nil)
    field(\.canonical).initialize(to: nil)
    field(\.code).initialize(to: nil)
    field(\.parent).initialize(to: nil)
    count += 1
  }

  /// The uninitialized slot after the last entity, room made.
  private mutating func nextSlot() -> UnsafeMutablePointer<Entity> {
    precondition(taken == nil, "entity appended after one was taken")
    if count == capacity {
      let grown = UnsafeMutablePointer<Entity>.allocate(capacity: capacity * 2)
      grown.moveInitialize(from: base, count: count)
      base.deallocate()
      base = grown
      capacity *= 2
    }
    return base + count
  }

  /// Moves entity `index` out of the buffer.
  mutating func take(_ index: Int) -> Entity {
    markTaken(index)
    return (base + index).move()
  }

  /// Moves entity `index` out of the buffer into `slot` (uninitialized memory): one copy of
  /// the entity, where `take` and an append made two.
  mutating func take(_ index: Int, into slot: UnsafeMutablePointer<Entity>) {
    markTaken(index)
    slot.moveInitialize(from: base + index, count: 1)
  }

  private mutating func markTaken(_ index: Int) {
    precondition(index >= 0 && index < count, "entity index out of range")
    if taken == nil {
      let flags = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
      flags.initialize(repeating: false)
      taken = flags
    }
    precondition(!taken![index], "entity taken twice")
    taken![index] = true
  }

  /// Destroys the entities still held and frees the memory.
  mutating func deallocate() {
    if let taken {
      for index in 0..<count where !taken[index] { (base + index).deinitialize(count: 1) }
      taken.deallocate()
    } else {
      base.deinitialize(count: count)
    }
    base.deallocate()
    count = 0
    taken = nil
  }
}
