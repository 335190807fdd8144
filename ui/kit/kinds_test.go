package kit

import (
	"testing"

	"floordesk/app"
	"floordesk/data/wire"
)

// TestKindsAreTheDomains: every entity kind the desk names is a kind the
// domain folds, so that a screen never waits for changes of a kind that
// no longer exists.
func TestKindsAreTheDomains(t *testing.T) {
	ev := wire.Event{ID: "00000000-0000-7000-8000-000000000001", Type: "kit.test"}
	for _, k := range kinds {
		view, err := app.Fold(wire.EntityRef{Kind: k.kind, ID: "x"}, nil, ev)
		if err != nil || view == nil {
			t.Errorf("app folds no kind %q (view %q, err %v)", k.kind, view, err)
		}
	}
	if view, _ := app.Fold(wire.EntityRef{Kind: "no-such-kind", ID: "x"}, nil, ev); view != nil {
		t.Fatalf("app folds an unknown kind into %q: the check above proves nothing", view)
	}
}
