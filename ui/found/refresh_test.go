package found

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// logUmbrella logs an umbrella found at place through the service, as
// another desk would, and returns its tag.
func logUmbrella(t *testing.T, e *kittest.Env, place string) string {
	t.Helper()
	f, _, err := e.Svc.LogFound(e.Session.UserID(), appfound.FoundInput{FoundAt: e.Clock.Now(), Place: place,
		Finder: "Zhao Min", Category: app.CatOther, Description: "black umbrella with a wooden handle", Storage: "Store room B"})
	if err != nil {
		t.Fatal(err)
	}
	return f.Tag
}

// transfer moves item tag to location through the service, as another
// desk would, and returns the change to refresh with.
func transfer(t *testing.T, e *kittest.Env, tag, location string) []wire.EntityRef {
	t.Helper()
	if _, err := e.Svc.TransferFound(e.Session.UserID(), tag, location, false, ""); err != nil {
		t.Fatal(err)
	}
	return []wire.EntityRef{{Kind: kit.KindFound, ID: tag}}
}

// longItem logs an umbrella that moves many times, shows it and scrolls
// its detail down by 300.
func longItem(t *testing.T, e *kittest.Env, sc *Screen) string {
	t.Helper()
	tag := logUmbrella(t, e, "Lobby")
	for i := range 30 {
		transfer(t, e, tag, fmt.Sprintf("Shelf %d", i+1))
	}
	sc.Show(kit.KindFound, tag)
	kittest.ScrollDown(t, sc.Pane().Content(), 300)
	return tag
}

func TestRefreshOfAnotherItemLeavesTheDetail(t *testing.T) {
	e, sc := desk(t)
	other := logUmbrella(t, e, "Restaurant")
	longItem(t, e, sc)
	before := sc.Pane().Object()
	sc.Refresh(transfer(t, e, other, "Cabinet 7"))
	kittest.StillShows(t, sc.Pane(), before, 300)
}

func TestRefreshOfTheShownItemKeepsTheReadersPlace(t *testing.T) {
	e, sc := desk(t)
	tag := longItem(t, e, sc)
	sc.Refresh(transfer(t, e, tag, "Cabinet 7"))
	kittest.ShowsAt(t, sc.Pane(), "Cabinet 7", 300)
}

func TestLossReportFromAnotherDeskShowsAsAMatch(t *testing.T) {
	e, sc := desk(t)
	longItem(t, e, sc)
	r, _, err := e.Svc.FileLostReport(e.Session.UserID(), appfound.LostReportInput{Guest: "John Smith",
		Contact: "+44 7700 900123", LostAt: e.Clock.Now(), Place: "Lobby", Category: app.CatOther,
		Description: "black umbrella, wooden handle"})
	if err != nil {
		t.Fatal(err)
	}
	sc.Refresh([]wire.EntityRef{{Kind: kit.KindLostReport, ID: r.ID}})
	if !slices.Contains(sc.lastDetail.matches, r.ID) {
		t.Errorf("the detail lists the matches %v, not the new report", sc.lastDetail.matches)
	}
	kittest.ShowsAt(t, sc.Pane(), lang.L("found.matching_reports"), 300)
}

func TestRefreshLeavesTheFormBeingTyped(t *testing.T) {
	tests := []struct {
		name string
		open func(sc *Screen, tag string) *kit.Entry
	}{
		{"log", func(sc *Screen, _ string) *kit.Entry { sc.showLogForm(); return sc.lastLogForm.desc }},
		{"loss report", func(sc *Screen, _ string) *kit.Entry { sc.showReportForm(); return sc.lastReportForm.guest }},
		{"claim", func(sc *Screen, tag string) *kit.Entry { sc.showClaimForm(tag); return sc.lastClaim.claimant }},
		{"transfer", func(sc *Screen, tag string) *kit.Entry {
			sc.showTransferForm(tag)
			return sc.lastForm.First.(*kit.Entry)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, sc := desk(t)
			tag := logUmbrella(t, e, "Lobby")
			sc.Show(kit.KindFound, tag)
			kittest.TypeThrough(t, sc.Pane(), tt.open(sc, tag), "Room 305", func() {
				sc.Refresh(transfer(t, e, tag, "Cabinet 7"))
				sc.Refresh(nil)
			})
		})
	}
}

// fileReport files a loss report of a black umbrella lost in the lobby by
// guest, through the service, as another desk would, and returns the
// change to refresh with.
func fileReport(t *testing.T, e *kittest.Env, guest string) []wire.EntityRef {
	t.Helper()
	r, _, err := e.Svc.FileLostReport(e.Session.UserID(), appfound.LostReportInput{Guest: guest,
		Contact: "+44 7700 900123", LostAt: e.Clock.Now(), Place: "Lobby", Category: app.CatOther,
		Description: "black umbrella, wooden handle"})
	if err != nil {
		t.Fatal(err)
	}
	return []wire.EntityRef{{Kind: kit.KindLostReport, ID: r.ID}}
}

func TestRefreshRebuildsTheOpenLossReportsAtTheReadersPlace(t *testing.T) {
	e, sc := desk(t)
	tag := logUmbrella(t, e, "Restaurant")
	for i := range 30 {
		fileReport(t, e, fmt.Sprintf("Guest %d", i+1))
	}
	sc.showReports()
	before := sc.Pane().Object()
	kittest.ScrollDown(t, sc.Pane().Content(), 300)
	sc.Refresh(transfer(t, e, tag, "Cabinet 7"))
	kittest.StillShows(t, sc.Pane(), before, 300)
	sc.Refresh(fileReport(t, e, "John Smith"))
	kittest.ShowsAt(t, sc.Pane(), lang.L("found.open_reports"), 300)
	if !strings.Contains(kittest.Buttons(sc.Pane().Content()), kit.GuestName("John Smith")) {
		t.Error("the new report is not listed")
	}
}

func TestRefreshRebuildsTheLossReportAtTheReadersPlace(t *testing.T) {
	e, sc := desk(t)
	for range 30 {
		logUmbrella(t, e, "Lobby")
	}
	id := fileReport(t, e, "John Smith")[0].ID
	sc.Show(kit.KindLostReport, id)
	before := sc.Pane().Object()
	kittest.ScrollDown(t, sc.Pane().Content(), 300)
	sc.Refresh(fileReport(t, e, "Jane Doe"))
	kittest.StillShows(t, sc.Pane(), before, 300)
	tag := logUmbrella(t, e, "Lobby")
	sc.Refresh([]wire.EntityRef{{Kind: kit.KindFound, ID: tag}})
	kittest.ShowsAt(t, sc.Pane(), lang.L("found.matching_items"), 300)
	if !slices.Contains(sc.lastReport.matches, tag) || !strings.Contains(kittest.Buttons(sc.Pane().Content()), tag) {
		t.Errorf("the report lists the matches %v, not the new item %s", sc.lastReport.matches, tag)
	}
}
