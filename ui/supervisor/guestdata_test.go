package supervisor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// TestGuestDataDeletion: a supervisor names a guest by phone, sees the
// guest's loss report listed, deletes it, and the report then shows that
// the data was removed at the guest's request; a room alone is refused on
// its row, with what to do.
func TestGuestDataDeletion(t *testing.T) {
	e, sc := desk(t)
	r, _, err := e.Svc.FileLostReport("A01", appfound.LostReportInput{Guest: "陈晓燕", Contact: "139 1234 5678",
		Place: "大堂", LostAt: e.Clock.Now(), Category: app.CatElectronics, Description: "Huawei phone"})
	if err != nil {
		t.Fatal(err)
	}
	g := sc.guests
	test.Type(g.room, "302")
	test.Tap(g.f.Save)
	if got := g.f.Errs.Text("name"); !strings.Contains(got, "name or phone") || !g.delete.Disabled() {
		t.Fatalf("a room alone: %q, delete enabled %v", got, !g.delete.Disabled())
	}
	g.room.SetText("")
	test.Type(g.phone, "13912345678")
	test.Tap(g.f.Save)
	if !strings.Contains(g.found.Text, "1 record") || !strings.Contains(g.found.Text, "Loss report") || g.delete.Disabled() {
		t.Fatalf("found %q, delete disabled %v", g.found.Text, g.delete.Disabled())
	}
	g.erase() // as the confirmation's yes does
	after, _ := e.Svc.LostReport(r.ID)
	if after.Guest != "" || kit.Personal(after.Guest, after.Personal) != "(removed at the guest's request)" {
		t.Fatalf("the report after deletion shows %q", kit.Personal(after.Guest, after.Personal))
	}
	test.Tap(g.f.Save)
	if !strings.Contains(g.found.Text, "No record") {
		t.Fatalf("searching again: %q", g.found.Text)
	}
}
