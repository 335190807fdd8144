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
	// View makes the entry carry the entity's view, so reading the index
	// reads no view apart: for an index a command reads every time, whose
	// entities' views are otherwise cold reads deep in the store (the loss
	// reports a found item is matched against).
	View bool
}
