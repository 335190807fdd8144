package found

import (
	"testing"

	"fyne.io/fyne/v2/lang"

	appfound "floordesk/app/found"
	"floordesk/ui/kit/kittest"
)

// The screen holds only the items awaiting claim; the claimed and
// disposed ones are read when a person picks their filter, and listed.
func TestClaimedItemsAreReadWhenAskedFor(t *testing.T) {
	e := kittest.New(t)
	e.Demo(t, 400)
	e.SignIn(t, "S01")
	claimed, err := e.Svc.FoundItems(appfound.FoundClaimed)
	if err != nil || len(claimed) == 0 {
		t.Fatalf("the demo hotel has no claimed item (%v)", err)
	}
	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	for f := range sc.Records() {
		if f.Status != appfound.FoundHeld {
			t.Fatalf("the screen read %s (%s) before anyone asked for it", f.Tag, f.Status)
		}
	}
	sc.Filter().SetSelected(lang.L("found.filter.claimed"))
	if got := sc.List().IDs(); len(got) != len(claimed) {
		t.Fatalf("claimed filter lists %d items, the register has %d claimed", len(got), len(claimed))
	}
	sc.Filter().SetSelected(lang.L("found.filter.awaiting"))
	for _, id := range sc.List().IDs() {
		if f, _ := sc.Record(id); f.Status != appfound.FoundHeld {
			t.Fatalf("awaiting filter lists %s (%s)", id, f.Status)
		}
	}
}
