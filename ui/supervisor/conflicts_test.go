package supervisor

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"floordesk/app"
	"floordesk/app/apptest/registers"
	appkeys "floordesk/app/keys"
	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// otherDesk opens a second desk's store and service on the same clock.
func otherDesk(t *testing.T, e *kittest.Env) (*data.Store, *registers.All) {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-b", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := app.New(st, e.Clock.Now)
	svc.PINCost, svc.Location, svc.DeskCode = e.Svc.PINCost, time.UTC, "D2"
	return st, registers.New(svc)
}

// exchange sends each store's outbox to the other, as the server would.
func exchange(t *testing.T, stores ...*data.Store) {
	t.Helper()
	sent := make([][]wire.Event, len(stores))
	for i, st := range stores {
		evs, err := st.Outbox(100000)
		if err != nil {
			t.Fatal(err)
		}
		sent[i] = evs
	}
	for i, st := range stores {
		for j := range stores {
			if i != j && len(sent[j]) > 0 {
				if _, err := st.ApplyRemote(sent[j], 0); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for i, st := range stores {
		ids := make([]string, len(sent[i]))
		for k, ev := range sent[i] {
			ids[k] = ev.ID
		}
		if err := st.Ack(ids); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResolveConflictFromTwoOfflineDesks(t *testing.T) {
	e, sc := desk(t)
	e.Attendant(t, "S01", "A02", "Zhang Wei")
	if _, err := e.Svc.RegisterKey("S01", appkeys.NewKey{Tag: "F3-SEC-A", Type: appkeys.KeySection, Areas: []string{"3F east"}}); err != nil {
		t.Fatal(err)
	}
	storeB, svcB := otherDesk(t, e)
	exchange(t, e.Store, storeB)
	due := e.Clock.Now().Add(time.Hour)
	if _, err := e.Svc.SignOutKey("A01", appkeys.KeySignOut{Tag: "F3-SEC-A", Holder: "A01", Purpose: "clean", Due: due}); err != nil {
		t.Fatal(err)
	}
	if _, err := svcB.SignOutKey("A02", appkeys.KeySignOut{Tag: "F3-SEC-A", Holder: "A02", Purpose: "repair", Due: due}); err != nil {
		t.Fatal(err)
	}
	exchange(t, e.Store, storeB)

	sc.Refresh([]wire.EntityRef{{Kind: "key", ID: "F3-SEC-A"}})
	c := sc.conflicts
	waitScan(t, c)
	if c.list.Len() != 1 || !strings.Contains(sc.tabs.Items[5].Text, "(1)") {
		t.Fatalf("conflicts %v, tab %q", c.list.IDs(), sc.tabs.Items[5].Text)
	}
	checkConflictExport(t, e, c)
	if !sc.Show("conflict", "key/F3-SEC-A") {
		t.Fatal("Show did not open the conflict")
	}
	test.Tap(c.resolve.Save)
	if c.resolve.Errs.Text("note") == "" && c.resolve.Errs.Text("") == "" {
		t.Fatal("resolving without a note shows no refusal")
	}
	test.Type(c.note, "Zhang has it; Wang's sign-out was a mistake")
	test.Tap(c.resolve.Save)
	if c.list.Len() != 0 || !c.empty.Visible() {
		t.Fatalf("still listed: %v; %q", c.list.IDs(), c.resolve.Errs.Text(""))
	}
	exchange(t, e.Store, storeB)
	if left, _ := svcB.Conflicts(); len(left) != 0 {
		t.Fatalf("the other desk still shows %+v", left)
	}
}

// waitScan waits for the background conflict scan to end.
func waitScan(t *testing.T, c *conflictsTab) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.mu.Lock()
		running := c.running
		c.mu.Unlock()
		if !running {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the conflict scan did not end")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkConflictExport saves the conflicts listed as an Excel workbook and
// reads it back: the key, what the conflict is, and its two sign-outs.
func checkConflictExport(t *testing.T, e *kittest.Env, c *conflictsTab) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "conflicts.xlsx")
	w, err := kittest.SaveFile(name)
	if _, err := kit.SaveExport(e.Session, c.table(), export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != 2 || rows[0][1] != "Record" || rows[1][1] != "F3-SEC-A" || rows[1][2] != kit.SayConflict(c.conflicts[c.list.IDs()[0]].Conflict) ||
		rows[1][3] != "2" || len(strings.Fields(rows[1][4])) != 2 {
		t.Errorf("exported %q", rows)
	}
}
