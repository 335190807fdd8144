package app

import (
	"bytes"
	"encoding/json"

	"floordesk/data/wire"
)

// IndexVersion names what Index files. Change it whenever an index
// changes: every desk then builds its indexes again from its views at the
// next start (data.Options.IndexVersion).
const IndexVersion = "6"

// IndexConflicts files every entity with an open conflict, so the
// conflict list reads those entities and not every view of every kind.
const IndexConflicts = "conflicts"

// statusKinds are the kinds filed by their status (IndexStatus).
var statusKinds = map[string]bool{}

// IndexStatus files every view of kind (decoded as a T) under index
// "status/<kind>" by its status, so ScanViews reads only the entities in
// the statuses it asks for (open requests, loans out, items held) however
// long the history. status gives a view's status, "" for none. Each
// register with such a kind calls it from init.
func IndexStatus[T any](kind string, status func(*T) string) {
	statusKinds[kind] = true
	RegisterIndex(kind, func(v *T) []wire.IndexEntry {
		if st := status(v); st != "" {
			return []wire.IndexEntry{{Name: statusIndex(kind), Key: []byte(st)}}
		}
		return nil
	})
}

func statusIndex(kind string) string { return "status/" + kind }

// indexers are the registers' own indexes, by kind.
var indexers = map[string][]func(ref wire.EntityRef, view []byte) []wire.IndexEntry{}

// RegisterIndex adds an index of a kind whose views decode as a T: fn
// files one view. It runs in every write, for the view before and after,
// so it must be pure and quick and change nothing in the view it is
// given; that view usually comes decoded from the fold that made it.
// Each register calls it from init; remember to change IndexVersion with
// it.
func RegisterIndex[T any](kind string, fn func(*T) []wire.IndexEntry) {
	indexers[kind] = append(indexers[kind], func(ref wire.EntityRef, view []byte) []wire.IndexEntry {
		v, err := peekView[T](ref, view)
		if err != nil {
			return nil
		}
		return fn(v)
	})
}

// Index is FloorDesk's data.IndexFunc: the core's conflict index for every
// kind, then the kind's own indexes and its word index (RegisterSearch).
func Index(ref wire.EntityRef, view []byte) []wire.IndexEntry {
	var out []wire.IndexEntry
	if hasOpenConflict(view) {
		out = append(out, wire.IndexEntry{Name: IndexConflicts})
	}
	for _, fn := range indexers[ref.Kind] {
		out = append(out, fn(ref, view)...)
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
