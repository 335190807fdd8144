package loans

import (
	"testing"
	"time"

	apploans "floordesk/app/loans"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestAScannedAssetTagOpensItsLoan: the label of a lent adapter, scanned
// (in any case), brings its loan to the front, and Enter then starts the
// return; a tag no open loan has opens nothing.
func TestAScannedAssetTagOpensItsLoan(t *testing.T) {
	e, sc := world(t, kit.English)
	l, err := e.Svc.Lend(e.Session.UserID(), apploans.LendInput{Room: "301", Guest: "Ms. Li",
		Lines: []apploans.LoanLine{{Item: "adapter", Count: 1, Tags: []string{"AD-02"}}}, DueAt: kittest.Start.Add(20 * time.Hour)})
	must(t, err)
	sc.Refresh([]wire.EntityRef{{Kind: kit.KindLoan, ID: l.ID}})
	if !sc.Show(kit.KindAssetTag, "ad-02") {
		t.Fatal("the scanned tag AD-02 opened no loan")
	}
	if r := sc.Pane().Record(); r.Kind != kit.KindLoan || r.ID != l.ID {
		t.Fatalf("the pane shows %+v, want loan %s", r, l.ID)
	}
	if !sc.Act() {
		t.Fatal("Enter after the scan started nothing")
	}
	kittest.Shows(t, sc.Pane().Content(), "Take back")
	if sc.Show(kit.KindAssetTag, "AD-01") {
		t.Error("AD-01, on the shelf, opened a loan")
	}
}
