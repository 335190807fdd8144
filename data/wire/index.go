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
	// ByPrefix files the entry where a reader finds it by any prefix of
	// Key (IndexReader.Scan), as a word index needs: "qb" finds the keys
	// that start with it. Indexed and IndexedAt list only the entries
	// without it; an index holds entries of one form.
	ByPrefix bool
	// View makes the entry carry the entity's view, so reading the index
	// reads no view apart: for an index a command reads every time, whose
	// entities' views are otherwise cold reads deep in the store (the loss
	// reports a found item is matched against).
	View bool
}

// IndexReader reads the entries of one index filed ByPrefix, and views,
// from one snapshot of a store, so what it reads agrees.
type IndexReader interface {
	// Scan calls fn with the key and entity of each entry whose key starts
	// with prefix and is not before from (nil: the first of prefix), in
	// key order, until fn returns false. key is valid only during the
	// call.
	Scan(prefix, from []byte, fn func(key []byte, ref EntityRef) bool) error
	// View returns an entity's view; ErrNotFound when it has none.
	View(ref EntityRef) ([]byte, error)
}
