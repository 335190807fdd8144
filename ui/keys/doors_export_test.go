package keys

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestExportDoorOpenings: the door openings listed export with the room,
// the guest, the ID checked (its last four alone) and who opened.
func TestExportDoorOpenings(t *testing.T) {
	e, sc := world(t, kit.Chinese)
	f := sc.openDoors()
	test.Type(f.room, "301")
	test.Type(f.guest, "陈静")
	f.idType.SetSelected(lang.L("keys.id.passport"))
	test.Type(f.last4, "123X")
	test.Tap(f.Save)
	if f.Errs.Any() {
		t.Fatalf("door opening refused: %q", f.Errs.Text(""))
	}
	tbl, err := sc.doorsTable()
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "doors.xlsx")
	w, err := kittest.SaveFile(name)
	if _, err := kit.SaveExport(e.Session, tbl, export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("开门登记")
	if len(rows) != 2 || rows[0][0] != "开门时间" || rows[1][1] != "301" || rows[1][2] != "陈静" ||
		rows[1][3] != "护照" || rows[1][4] != "123X" || rows[1][5] != "Wang Fang" {
		t.Errorf("exported %q", rows)
	}
}
