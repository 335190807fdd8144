package supervisor

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/xuri/excelize/v2"

	"floordesk/app"
	appkeys "floordesk/app/keys"
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

// TestKeyRegisterAndStockExport: the key register exports each key with
// its tag as text ("0801" keeps its zero) and its state; the stock, each
// item type with its total as a number.
func TestKeyRegisterAndStockExport(t *testing.T) {
	e, sc := desk(t)
	if _, err := e.Svc.RegisterKey("S01", appkeys.NewKey{Tag: "0801", Type: appkeys.KeyOther, Areas: []string{"0801"}}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"D1", "D2"} {
		if _, err := e.Svc.SetDesk("S01", d, d, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.Svc.SetItemType("S01", app.ItemTypeInput{Code: "iron", Name: "熨斗", Stock: map[string]int{"D1": 2, "D2": 3}}); err != nil {
		t.Fatal(err)
	}
	sc.keys.Refresh(nil)
	sc.items.Refresh(nil)
	rows := exportRows(t, func(w fyne.URIWriteCloser, err error) (string, error) { return sc.keys.ExportTo(export.XLSX, w, err) })
	if len(rows) != 2 || rows[1][0] != "0801" || rows[1][4] != "On the board" {
		t.Errorf("key register rows %q", rows)
	}
	rows = exportRows(t, func(w fyne.URIWriteCloser, err error) (string, error) { return sc.items.ExportTo(export.XLSX, w, err) })
	if len(rows) != 2 || rows[1][1] != "熨斗" || rows[1][2] != "5" || rows[1][3] != "D1 2, D2 3" {
		t.Errorf("stock rows %q", rows)
	}
}

// exportRows exports through save into a new workbook and reads its rows.
func exportRows(t *testing.T, save func(fyne.URIWriteCloser, error) (string, error)) [][]string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "export.xlsx")
	w, err := kittest.SaveFile(book)
	if _, err := save(w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
