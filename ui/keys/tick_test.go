package keys

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestTickTurnsAKeyLateAsTheClockMoves: a key due in an hour, shown with
// the "overdue" filter picked, turns late and joins that list when the
// clock passes its due time, with no record changing, and its detail says
// how late, at the reader's place.
func TestTickTurnsAKeyLateAsTheClockMoves(t *testing.T) {
	e, sc := world(t, kit.English)
	sc.Refresh(lend(t, e, "F3-SEC-A", "Turn-down service"))
	sc.Show(kit.KindKey, "F3-SEC-A")
	sc.Filter().SetSelected(lang.L("keys.filter.overdue"))
	if slices.Contains(sc.List().IDs(), "F3-SEC-A") {
		t.Fatal("a key due in an hour is listed as overdue")
	}
	if _, _, imp := row(sc, "F3-SEC-A"); imp == widget.DangerImportance {
		t.Fatal("a key due in an hour shows red")
	}
	e.Clock.Advance(90 * time.Minute)
	sc.Tick()
	if !slices.Contains(sc.List().IDs(), "F3-SEC-A") {
		t.Fatalf("after the due time the overdue filter lists %v", sc.List().IDs())
	}
	_, note, imp := row(sc, "F3-SEC-A")
	late := kit.Late(e.Clock.Now().Add(-30*time.Minute), e.Clock.Now())
	if imp != widget.DangerImportance || note != late {
		t.Errorf("row after the due time: %q, importance %v; want %q in red", note, imp, late)
	}
	if got := kittest.Labels(sc.Pane().Content()); !strings.Contains(got, late) {
		t.Errorf("the detail does not say %q:\n%s", late, got)
	}
}
