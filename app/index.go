package app

import (
	"bytes"
	"encoding/json"

	"floordesk/data/wire"
)

// IndexVersion names what Index files. Change it whenever an index
// changes: every desk then builds its indexes again from its views at the
// next start (data.Options.IndexVersion).
const IndexVersion = "4"

// IndexConflicts files every entity with an open conflict, so the
// conflict list reads those entities and not every view of every kind.
const IndexConflicts = "conflicts"

// statusKinds are the kinds filed by their status (IndexStatus).
var statusKinds = map[string]bool{}

// IndexStatus files every view of kind under index "status/<kind>" by its
// top-level "status" field, so ScanViews reads only the entities in the
// statuses it asks for (open requests, loans out, items held) however long
// the history. Each register with such a kind calls it from init.
func IndexStatus(kind string) { statusKinds[kind] = true }

func statusIndex(kind string) string { return "status/" + kind }

// indexers are the registers' own indexes, by kind.
var indexers = map[string]func(view []byte) []wire.IndexEntry{}

// RegisterIndex adds a kind's indexes: fn files one of its views (it must
// be pure and quick: it runs in every write). Each register calls it from
// init; remember to change IndexVersion with it.
func RegisterIndex(kind string, fn func(view []byte) []wire.IndexEntry) {
	if _, dup := indexers[kind]; dup {
		panic("app: index registered twice for kind " + kind)
	}
	indexers[kind] = fn
}

// Index is FloorDesk's data.IndexFunc: the core's conflict index for every
// kind, then the kind's own indexes and its word index (RegisterSearch).
func Index(ref wire.EntityRef, view []byte) []wire.IndexEntry {
	var out []wire.IndexEntry
	if hasOpenConflict(view) {
		out = append(out, wire.IndexEntry{Name: IndexConflicts})
	}
	if statusKinds[ref.Kind] {
		var v struct {
			Status string `json:"status"`
		}
		if json.Unmarshal(view, &v) == nil && v.Status != "" {
			out = append(out, wire.IndexEntry{Name: statusIndex(ref.Kind), Key: []byte(v.Status)})
		}
	}
	if fn := indexers[ref.Kind]; fn != nil {
		out = append(out, fn(view)...)
	}
	return append(out, searchEntries(ref.Kind, view)...)
}

// conflictsMark is how an open conflict starts in a view: Meta.Conflicts
// is left out when empty, so a view without it has none and needs no
// decoding (most views, on every write).
var conflictsMark = []byte(`"conflicts":[`)

func hasOpenConflict(view []byte) bool {
	if !bytes.Contains(view, conflictsMark) {
		return false
	}
	var v struct {
		Meta struct {
			Conflicts []json.RawMessage `json:"conflicts"`
		} `json:"meta"`
	}
	return json.Unmarshal(view, &v) == nil && len(v.Meta.Conflicts) > 0
}
