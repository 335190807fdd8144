package app

import (
	"encoding/json"
	"fmt"
	"testing"

	"floordesk/data/wire"
)

func TestFoldUnknownKindAndTypeLeaveState(t *testing.T) {
	state := []byte(`{"x":1}`)
	got, err := Fold(wire.EntityRef{Kind: "spaceship", ID: "1"}, state, wire.Event{Type: "x"})
	if err != nil || string(got) != string(state) {
		t.Fatalf("unknown kind: %s, %v", got, err)
	}
	ev := wire.Event{ID: "e1", Type: "staff.teleported", Entity: Ref(KindStaff, "S9")}
	got, err = Fold(ev.Entity, nil, ev)
	if err != nil {
		t.Fatal(err)
	}
	var st Staff
	if err := json.Unmarshal(got, &st); err != nil || st.Head != "e1" || st.Name != "" {
		t.Fatalf("unknown type: %+v, %v", st, err)
	}
}

func TestFoldSkipsMalformedBody(t *testing.T) {
	good := wire.Event{ID: "e1", Type: TypeStaffAdded, Entity: Ref(KindStaff, "S9"), Body: []byte(`{"name":"Li"}`)}
	state, err := Fold(good.Entity, nil, good)
	if err != nil {
		t.Fatal(err)
	}
	bad := wire.Event{ID: "e2", Prev: "e1", Type: TypeStaffUpdated, Entity: good.Entity, Body: []byte(`{"role":7}`)}
	state, err = Fold(bad.Entity, state, bad)
	if err != nil {
		t.Fatal(err)
	}
	var st Staff
	if err := json.Unmarshal(state, &st); err != nil {
		t.Fatal(err)
	}
	if st.Name != "Li" || st.Skipped != 1 || st.Head != "e2" || st.Events != 2 {
		t.Fatalf("state = %+v", st)
	}
}

func TestFoldDetectsConcurrentAdds(t *testing.T) {
	e1 := wire.Event{ID: "e1", Desk: "a", Actor: "S1", Type: TypeStaffAdded, Entity: Ref(KindStaff, "S9"), Body: []byte(`{"name":"Li"}`)}
	e2 := wire.Event{ID: "e2", Desk: "b", Actor: "S2", Type: TypeStaffAdded, Entity: e1.Entity, Body: []byte(`{"name":"Wang"}`)}
	state, _ := Fold(e1.Entity, nil, e1)
	state, _ = Fold(e1.Entity, state, e2)
	var st Staff
	if err := json.Unmarshal(state, &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Conflicts) != 1 || st.Conflicts[0].Code != "staff.added_twice" || st.Conflicts[0].Params["desk_a"] != "a" {
		t.Fatalf("conflicts = %+v", st.Conflicts)
	}
	res := wire.Event{ID: "e3", Prev: "e2", Type: TypeConflictResolved, Entity: e1.Entity, Actor: "S1",
		Body: []byte(`{"conflict":"e2","note":"Wang is right"}`)}
	state, _ = Fold(e1.Entity, state, res)
	st = Staff{}
	_ = json.Unmarshal(state, &st)
	if len(st.Conflicts) != 0 || len(st.Resolved) != 1 || st.Resolved[0].Note != "Wang is right" {
		t.Fatalf("after resolve = %+v", st.Meta)
	}
}

// TestFoldWindow: an event made without seeing the earlier ones clashes
// with those still in the window of the last 32 steps, and is folded as
// sequential when the one it clashes with has left the window.
func TestFoldWindow(t *testing.T) {
	for _, tt := range []struct {
		updates  int
		conflict bool
	}{{0, true}, {window - 1, true}, {window, false}} {
		t.Run(fmt.Sprint(tt.updates, " updates"), func(t *testing.T) {
			ref := Ref(KindStaff, "S9")
			added := wire.Event{ID: "e0", Desk: "a", Actor: "S1", Type: TypeStaffAdded, Entity: ref, Body: []byte(`{"name":"Li"}`)}
			state, _ := Fold(ref, nil, added)
			prev := added.ID
			for i := range tt.updates {
				ev := wire.Event{ID: fmt.Sprint("u", i), Prev: prev, Desk: "a", Actor: "S1", Type: TypeStaffUpdated, Entity: ref,
					Body: []byte(`{"department":"housekeeping","role":"attendant"}`)}
				state, _ = Fold(ref, state, ev)
				prev = ev.ID
			}
			late := wire.Event{ID: "b0", Desk: "b", Actor: "S2", Type: TypeStaffAdded, Entity: ref, Body: []byte(`{"name":"Wang"}`)}
			state, _ = Fold(ref, state, late)
			var st Staff
			if err := json.Unmarshal(state, &st); err != nil {
				t.Fatal(err)
			}
			if st.HasConflict() != tt.conflict || len(st.Steps) != min(tt.updates+2, window) {
				t.Fatalf("conflict %v (want %v), %d steps", st.Conflicts, tt.conflict, len(st.Steps))
			}
		})
	}
}

// TestFoldReadsALongerWindowAsItsOwn: a view written with 64 steps (an
// earlier build) decides a late event as one with the window's 32 would.
func TestFoldReadsALongerWindowAsItsOwn(t *testing.T) {
	ref := Ref(KindStaff, "S9")
	var old Staff
	old.ID, old.Name, old.Head, old.Events = "S9", "Li", "u62", 64
	old.Steps = append(old.Steps, Step{ID: "e0", Type: TypeStaffAdded, Desk: "a", Actor: "S1"})
	for i := range 63 {
		old.Steps = append(old.Steps, Step{ID: fmt.Sprint("u", i), Type: TypeStaffUpdated, Desk: "a", Actor: "S1"})
	}
	state, _ := json.Marshal(old)
	late := wire.Event{ID: "b0", Desk: "b", Actor: "S2", Type: TypeStaffAdded, Entity: ref, Body: []byte(`{"name":"Wang"}`)}
	next, err := Fold(ref, state, late)
	var st Staff
	if err != nil || json.Unmarshal(next, &st) != nil || st.HasConflict() || len(st.Steps) != window {
		t.Fatalf("conflicts %v, %d steps, %v", st.Conflicts, len(st.Steps), err)
	}
}

func TestMessageFillsParams(t *testing.T) {
	err := Conflicting("key.held", "key", "F3-MASTER", "holder", "Wang Fang", "since", "13:10")
	want := "Key F3-MASTER is held by Wang Fang since 13:10 — sign it in first, or report it lost."
	if err.Error() != want {
		t.Fatalf("got %q", err.Error())
	}
}

// TestFoldManyIsFoldInTurn folds one staff member's events, a malformed
// body, a clash and its resolution among them, in one call and split
// at every point: the same bytes as one Fold each.
func TestFoldManyIsFoldInTurn(t *testing.T) {
	ref := Ref(KindStaff, "S9")
	evs := []wire.Event{
		{ID: "e1", Desk: "a", Actor: "S1", Type: TypeStaffAdded, Entity: ref, Body: []byte(`{"name":"Li"}`)},
		{ID: "e2", Desk: "b", Actor: "S2", Type: TypeStaffAdded, Entity: ref, Body: []byte(`{"name":"Wang"}`)},
		{ID: "e3", Prev: "e2", Desk: "a", Actor: "S1", Type: TypeStaffUpdated, Entity: ref, Body: []byte(`{"role":7}`)},
		{ID: "e4", Prev: "e3", Desk: "a", Actor: "S1", Type: TypeConflictResolved, Entity: ref, Body: []byte(`{"conflict":"e2","note":"Wang"}`)},
		{ID: "e5", Prev: "e4", Desk: "b", Actor: "S2", Type: TypeStaffUpdated, Entity: ref, Body: []byte(`{"name":"Wang Fang"}`)},
		{ID: "e6", Prev: "e5", Desk: "b", Actor: "S2", Type: TypeStaffUpdated, Entity: ref, Body: []byte(`{"shift":[]}`)},
	}
	var want []byte
	for _, ev := range evs {
		var err error
		if want, err = Fold(ref, want, ev); err != nil {
			t.Fatal(err)
		}
	}
	var st Staff
	if err := json.Unmarshal(want, &st); err != nil || st.Skipped == 0 || len(st.Resolved) != 1 {
		t.Fatalf("the events do not test a skip and a resolution: %+v, %v", st, err)
	}
	for cut := range len(evs) + 1 {
		got, err := FoldMany(ref, nil, evs[:cut])
		if err == nil {
			got, err = FoldMany(ref, got, evs[cut:])
		}
		if err != nil || string(got) != string(want) {
			t.Fatalf("cut at %d:\n got %s, %v\nwant %s", cut, got, err, want)
		}
	}
	if got, _ := FoldMany(ref, want, nil); string(got) != string(want) {
		t.Fatalf("no events changed the view: %s", got)
	}
}
