package wire

// IndexEntry is one place an entity's view is filed under in a store
// index, so a query reads the entities it needs and not every view of a
// kind: Name is the index ("conflicts", "keys.out"), Key the entity's sort
// key in it (a due time, a room; empty when the index is just a set).
// Entries are computed from the view alone, so every desk holding the
// same events files the same entries.
type IndexEntry struct {
	Name string
	Key  []byte
}
