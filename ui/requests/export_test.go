package requests

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"floordesk/export"
	"floordesk/tabular"
	"floordesk/ui/kit/kittest"
)

// TestExportHasTheRequestsSearchedFor: three requests open, a search
// lists two; the CSV export holds exactly those two, in the list's order,
// with the header and the kind in the user's language.
func TestExportHasTheRequestsSearchedFor(t *testing.T) {
	d := newDesk(t)
	d.openRequest("301", "Extra towels, two sets", "")
	d.openRequest("302", "Extra pillow", "")
	d.openRequest("501", "Iron and board", "")
	test.Type(d.sc.Search(), "extra")
	listed := d.sc.List().IDs()
	if len(listed) != 2 {
		t.Fatalf("the search lists %d requests, want 2", len(listed))
	}
	name := filepath.Join(t.TempDir(), d.sc.ExportName(export.CSV))
	w, err := kittest.SaveFile(name)
	if _, err := d.sc.ExportTo(export.CSV, w, err); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := tabular.Read(bytes.NewReader(b), tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 3 || tab.Rows[0].Cell(0) != "Room" || tab.Rows[0].Cell(2) != "Kind" {
		t.Fatalf("rows %+v, want the header and two requests", tab.Rows)
	}
	for i, id := range listed {
		rec, _ := d.sc.Record(id)
		if got := tab.Rows[i+1]; got.Cell(0) != rec.Room || got.Cell(3) != rec.Description || got.Cell(2) != kindName(rec.Kind) {
			t.Errorf("row %d is %q, want request %s of room %s", i+1, got.Cells, id, rec.Room)
		}
	}
	if filepath.Base(name) != "requests-2026-03-03.csv" {
		t.Errorf("file named %q", filepath.Base(name))
	}
}
