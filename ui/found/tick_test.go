package found

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestTickMovesAnItemPastItsHoldingPeriod: an umbrella held until some
// day joins the past-holding list when the clock passes that day, with no
// record changing, and its detail says so, at the reader's place.
func TestTickMovesAnItemPastItsHoldingPeriod(t *testing.T) {
	e, sc := desk(t)
	tag := logUmbrella(t, e, "Lobby")
	sc.Show(kit.KindFound, tag)
	sc.Filter().SetSelected(lang.L("found.filter.past_holding"))
	if slices.Contains(sc.List().IDs(), tag) {
		t.Fatal("an item just found is listed as past its holding period")
	}
	item, _ := sc.Record(tag)
	e.Clock.Set(item.HoldUntil)
	sc.Tick()
	if !slices.Contains(sc.List().IDs(), tag) {
		t.Fatalf("after its holding period the filter lists %v", sc.List().IDs())
	}
	if got, want := kittest.Labels(sc.Pane().Content()), lang.L("found.status.past_holding"); !strings.Contains(got, want) {
		t.Errorf("the detail does not say %q:\n%s", want, got)
	}
}
