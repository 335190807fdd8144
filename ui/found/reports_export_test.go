package found

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestExportOfTheOpenLossReports: the open loss reports export as their
// list shows them, the guest's name masked for the attendant, and the
// guest's phone (which the list does not show) left out.
func TestExportOfTheOpenLossReports(t *testing.T) {
	e, sc := desk(t)
	fileReport(t, e, "John Smith")
	tbl, err := sc.reportsTable()
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "reports.xlsx")
	w, err := kittest.SaveFile(name)
	if _, err := kit.SaveExport(e.Session, tbl, export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Loss reports")
	if len(rows) != 2 || rows[1][1] != "J*** S***" || rows[1][3] != "Lobby" || rows[1][6] != "black umbrella, wooden handle" {
		t.Fatalf("exported %q", rows)
	}
	for _, cell := range rows[1] {
		if cell == "+44 7700 900123" {
			t.Error("the guest's phone is in the export")
		}
	}
}
