package handover

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	appdemo "floordesk/app/demo"
	apphandover "floordesk/app/handover"
	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestExportOfTheHandovers: the handovers listed export with their state,
// who handed over and who took over, and when.
func TestExportOfTheHandovers(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	d.sign(apphandover.SignOutgoing, "Wang Fang", appdemo.DemoPIN)
	d.sign(apphandover.SignIncoming, "Zhang Wei", appdemo.DemoPIN)
	name := filepath.Join(t.TempDir(), "handovers.xlsx")
	w, err := kittest.SaveFile(name)
	if _, err := kit.SaveExport(d.env.Session, d.sc.table(), export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Shift handovers")
	at := kit.Clock(d.env.Clock.Now().In(d.env.Session.Location()))
	if len(rows) != 2 || rows[0][4] != "Handed over by" || rows[1][3] != "Signed by both — final" ||
		rows[1][4] != "Wang Fang" || rows[1][6] != "Zhang Wei" || len(rows[1][5]) < 5 || rows[1][5][len(rows[1][5])-5:] != at {
		t.Errorf("exported %q (signed at %s)", rows, at)
	}
}
