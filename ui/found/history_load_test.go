package found

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"floordesk/app"
	appdemo "floordesk/app/demo"
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

// A wallet claimed three years ago, with more than a page of items found
// since: the "all" filter shows the latest page and says so, and finds the
// wallet by its pinyin initials.
func TestAllFilterFindsAnItemClaimedYearsAgo(t *testing.T) {
	e, sc := desk(t)
	now := e.Clock.Now()
	e.Clock.Set(now.AddDate(-3, 0, 0))
	w, _, err := e.Svc.LogFound(e.Session.UserID(), appfound.FoundInput{FoundAt: e.Clock.Now().Add(-time.Hour), Place: "Lobby",
		Finder: "Zhao Min", Category: app.CatCash, Description: "黑色钱包 black wallet", Storage: "Safe 1", InSafe: true,
		Witness: "A02", WitnessPIN: appdemo.DemoPIN})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Svc.ClaimFound(e.Session.UserID(), appfound.ClaimInput{Tag: w.Tag, Claimant: "陈静", Contact: "138",
		IDType: "id_card", IDLast4: "1234", Description: "黑色钱包"}); err != nil {
		t.Fatal(err)
	}
	e.Clock.Set(now.AddDate(0, 0, -20))
	for range app.SearchPageSize + 5 {
		logUmbrella(t, e, "Lobby")
		e.Clock.Advance(time.Hour)
	}
	e.Clock.Set(now)
	sc.Refresh(nil)
	sc.Filter().SetSelected(lang.L("found.filter.all"))
	if ids := sc.List().IDs(); len(ids) != app.SearchPageSize || slices.Contains(ids, w.Tag) {
		t.Fatalf("all, nothing typed: %d items (the wallet among them: %v)", len(ids), slices.Contains(ids, w.Tag))
	}
	kittest.Shows(t, sc.Content(), lang.L("kit.latest", map[string]int{"Count": app.SearchPageSize}))
	sc.Search().SetText("qb")
	if ids := sc.List().IDs(); !slices.Equal(ids, []string{w.Tag}) {
		t.Fatalf("all, qb: %v", ids)
	}
	sc.List().SelectID(w.Tag)
	kittest.Shows(t, sc.Pane().Content(), w.Tag, lang.L("found.status.claimed"))
	sc.Filter().SetSelected(lang.L("found.filter.awaiting"))
	if n := sc.List().Len(); n != 0 {
		t.Fatalf("awaiting claim, qb: %v", sc.List().IDs())
	}
}

// An item claimed at the desk leaves the items awaiting claim and is
// among the claimed ones, typed for or not.
func TestClaimMovesTheItemToTheClaimed(t *testing.T) {
	e, sc := desk(t)
	tag := logUmbrella(t, e, "Lobby")
	sc.Refresh(nil)
	for _, q := range []string{"", "umbrella"} {
		sc.Search().SetText(q)
		sc.Filter().SetSelected(lang.L("found.filter.claimed"))
		if n := sc.List().Len(); n != 0 {
			t.Fatalf("claimed %q before the claim: %v", q, sc.List().IDs())
		}
	}
	sc.Search().SetText("")
	sc.Filter().SetSelected(lang.L("found.filter.awaiting"))
	sc.showClaimForm(tag)
	c := sc.lastClaim
	test.Type(c.claimant, "John Smith")
	test.Type(c.contact, "+44 7700 900123")
	test.Type(c.desc, "black umbrella")
	c.idType.SetSelected("Passport")
	test.Type(c.last4, "4321")
	test.Tap(c.Save)
	if n := sc.List().Len(); n != 0 {
		t.Fatalf("awaiting claim after the claim: %v (%q)", sc.List().IDs(), c.Errs.Text(""))
	}
	for _, q := range []string{"", "umb", "john"} {
		sc.Search().SetText(q)
		sc.Filter().SetSelected(lang.L("found.filter.claimed"))
		if ids := sc.List().IDs(); !slices.Equal(ids, []string{tag}) {
			t.Errorf("claimed %q: %v", q, ids)
		}
	}
}
