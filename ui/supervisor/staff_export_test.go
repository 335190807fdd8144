package supervisor

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"floordesk/export"
	"floordesk/ui/kit/kittest"
)

// TestStaffListExportsWhatItShows: the staff tab's export holds the
// members it lists, with their number as text and no PIN.
func TestStaffListExportsWhatItShows(t *testing.T) {
	_, sc := desk(t)
	if n := sc.staff.List().Len(); n != 2 {
		t.Fatalf("the tab lists %d members, want 2", n)
	}
	book := filepath.Join(t.TempDir(), sc.staff.ExportName(export.XLSX))
	w, err := kittest.SaveFile(book)
	if _, err := sc.staff.ExportTo(export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows %q, %v; want the header and the two members", rows, err)
	}
	if rows[1][0] != "A01" || rows[1][1] != "Wang Fang" {
		t.Errorf("row %q, want Wang Fang first (as listed)", rows[1])
	}
	for _, r := range rows {
		for _, c := range r {
			if len(c) > 40 {
				t.Errorf("a long cell %q (a PIN hash?)", c)
			}
		}
	}
}
