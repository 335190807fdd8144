package demo

import (
	"testing"

	"floordesk/app"
	"floordesk/data/wire"
)

// TestFoldManyGivesTheStoredViews folds every entity of a demo hotel
// again from its stream with app.FoldMany, in one call and in two (cut
// in the middle): the bytes the store folded one event at a time.
func TestFoldManyGivesTheStoredViews(t *testing.T) {
	f := demoFixture(t, 13, 1500)
	checked := 0
	for _, kind := range app.RegisteredKinds() {
		err := f.Store.Views(kind, func(id string, view []byte) error {
			ref := app.Ref(kind, id)
			evs, err := f.Store.Stream(ref)
			if err != nil {
				return err
			}
			for _, cut := range []int{len(evs), len(evs) / 2} {
				got := foldTwice(t, ref, evs, cut)
				if string(got) != string(view) {
					t.Fatalf("%s cut at %d of %d:\n got %s\nwant %s", ref, cut, len(evs), got, view)
				}
			}
			checked++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d entities checked", checked)
	}
}

func foldTwice(t *testing.T, ref wire.EntityRef, evs []wire.Event, cut int) []byte {
	t.Helper()
	state, err := app.FoldMany(ref, nil, evs[:cut])
	if err == nil {
		state, err = app.FoldMany(ref, state, evs[cut:])
	}
	if err != nil {
		t.Fatal(err)
	}
	return state
}
