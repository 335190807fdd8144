package app

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"floordesk/data/wire"
)

// coreIndexVersion names what Index files for every kind (the conflict
// and word indexes, IndexStatus). Change it when those change: every desk
// then builds all its indexes again from its views at the next start,
// which takes a minute or more on years of history.
const coreIndexVersion = "6"

// IndexVersion names what Index files (data.Options.IndexVersion): the
// core version, then each kind's own (RegisterIndexVersion), as
// "6;door=1;loan=1". A change to a kind's version makes a desk file that
// kind's views again, and no other's. Registers set theirs from init, so
// read it after (never from a package variable's initializer).
var IndexVersion = coreIndexVersion

var kindIndexVersions = map[string]string{}

// RegisterIndexVersion names what a register's own indexes of kind file
// (RegisterIndex). A register changes it with them; the first version of
// a kind's indexes is "1". Call it from init.
func RegisterIndexVersion(kind, version string) {
	kindIndexVersions[kind] = version
	v := coreIndexVersion
	for _, k := range slices.Sorted(maps.Keys(kindIndexVersions)) {
		v += ";" + k + "=" + kindIndexVersions[k]
	}
	IndexVersion = v
}

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
// Each register calls it from init, with RegisterIndexVersion for its
// kind, which it changes whenever fn changes.
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
	return append(out, searchEntries(ref, view)...)
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
