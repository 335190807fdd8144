package loans

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	apploans "floordesk/app/loans"
	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/tabular"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// exportWorld is a Chinese desk in Shanghai's zone with rooms numbered
// with a leading zero and three loans: 0301 and 0302 out, 303 returned.
func exportWorld(t *testing.T) (*kittest.Env, *Screen) {
	t.Helper()
	e, sc := world(t, kit.Chinese)
	e.Svc.Location = time.FixedZone("CST", 8*3600)
	sup := e.Session.UserID()
	_, err := e.Svc.ImportRooms("S01", "rooms.csv", strings.NewReader("floor,room,type\n3,0301,twin\n3,0302,king\n3,303,king\n"))
	must(t, err)
	due := kittest.Start.Add(20 * time.Hour)
	for _, in := range []apploans.LendInput{
		{Room: "0301", Guest: "王小明", Lines: []apploans.LoanLine{{Item: "hair_dryer", Count: 1}}, DueAt: due, Deposit: 5000},
		{Room: "0302", Guest: "Smith, John", Lines: []apploans.LoanLine{{Item: "iron", Count: 1}}, DueAt: due},
		{Room: "303", Lines: []apploans.LoanLine{{Item: "adapter", Count: 1, Tags: []string{"AD-01"}}}, DueAt: due},
	} {
		l, err := e.Svc.Lend(sup, in)
		must(t, err)
		changed := []wire.EntityRef{{Kind: kit.KindLoan, ID: l.ID}}
		sc.Refresh(changed) // as the store's change feed makes it
		if l.Room == "303" {
			_, err := e.Svc.ReturnAll(sup, l.ID)
			must(t, err)
			sc.Refresh(changed)
		}
	}
	return e, sc
}

// TestExportHasWhatTheListShows: the open loans found by a search export
// as exactly the rows listed, to a workbook a Chinese desk reads in
// Chinese, with the room's leading zero kept as text, the lending time an
// Excel date-time on the hotel's clock; the CSV of the same list opens
// through the desk's table reader with the same cells.
func TestExportHasWhatTheListShows(t *testing.T) {
	e, sc := exportWorld(t)
	test.Type(sc.Search(), "0301")
	if n := sc.List().Len(); n != 1 {
		t.Fatalf("the search lists %d loans, want 1", n)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, sc.ExportName(export.XLSX))
	if filepath.Base(book) != "借用登记-2026-03-03.xlsx" {
		t.Errorf("the file is named %q", filepath.Base(book))
	}
	w, err := kittest.SaveFile(book)
	if _, err := sc.ExportTo(export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	if got, want := e.Session.LastNotice(), "已导出到 "+book; got != want {
		t.Errorf("notice %q, want %q", got, want)
	}
	f, err := excelize.OpenFile(book)
	must(t, err)
	defer f.Close()
	const sheet = "借用登记"
	rows, err := f.GetRows(sheet)
	must(t, err)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want the header and the loan listed: %q", len(rows), rows)
	}
	if rows[0][0] != "房号" || rows[0][1] != "客人" || rows[0][5] != "借出时间" {
		t.Errorf("header %q, want it in Chinese", rows[0])
	}
	// an attendant's export masks the guest's name as the list does
	if rows[1][0] != "0301" || rows[1][1] != "王**" || rows[1][2] != "吹风机 ×1" || rows[1][8] != "借出中" {
		t.Errorf("row %q", rows[1])
	}
	if typ, _ := f.GetCellType(sheet, "A2"); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("the room is of type %v, want text", typ)
	}
	raw, _ := f.GetCellValue(sheet, "F2", excelize.Options{RawCellValue: true})
	when, err := excelize.ExcelDateToTime(mustFloat(t, raw), false)
	if err != nil || !when.Equal(time.Date(2026, 3, 3, 22, 0, 0, 0, time.UTC)) {
		t.Errorf("lent at %s = %v, want 2026-03-03 22:00 (14:00 UTC in Shanghai)", raw, when)
	}

	text := filepath.Join(dir, sc.ExportName(export.CSV))
	w, err = kittest.SaveFile(text)
	if _, err := sc.ExportTo(export.CSV, w, err); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(text)
	must(t, err)
	if !bytes.HasPrefix(b, []byte(export.BOM)) {
		t.Errorf("the CSV does not start with the BOM: %q", b[:8])
	}
	tab, err := tabular.Read(bytes.NewReader(b), tabular.Options{})
	must(t, err)
	var cells [][]string
	for _, r := range tab.Rows {
		cells = append(cells, r.Cells)
	}
	if trimmed := trimRows(rows); !reflect.DeepEqual(cells, trimmed) {
		t.Errorf("the CSV reads\n%q\nthe workbook\n%q", cells, trimmed)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number: %v", s, err)
	}
	return f
}

// trimRows pads a sheet's rows (excelize leaves out empty cells at a
// row's end) to the header's width.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append(append([]string{}, r...), make([]string, len(rows[0])-len(r))...)
	}
	return out
}

// TestExportOfTheReturnedFilter: the returned filter exports the one
// returned loan, with its asset tag and the time it came back.
func TestExportOfTheReturnedFilter(t *testing.T) {
	_, sc := exportWorld(t)
	sc.Filter().SetSelectedIndex(int(filterReturned))
	name := filepath.Join(t.TempDir(), "returned.xlsx")
	w, err := kittest.SaveFile(name)
	if _, err := sc.ExportTo(export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(name)
	must(t, err)
	defer f.Close()
	rows, _ := f.GetRows("借用登记")
	if len(rows) != 2 || rows[1][0] != "303" || rows[1][3] != "AD-01" || rows[1][8] != "已归还" || rows[1][9] != "2026-03-03 22:00" {
		t.Fatalf("rows %q, want the returned loan of 303", rows)
	}
}

// TestExportIntoAReadOnlyFolderSaysSo: the folder picked cannot be
// written; the desk says so in Chinese, names the folder, and nothing
// breaks.
func TestExportIntoAReadOnlyFolderSaysSo(t *testing.T) {
	e, sc := exportWorld(t)
	dir := kittest.ReadOnlyDir(t)
	w, err := kittest.SaveFile(filepath.Join(dir, "借用登记.xlsx"))
	if err == nil {
		t.Fatal("a read-only folder took the file")
	}
	if _, err := sc.ExportTo(export.XLSX, w, err); err == nil {
		t.Fatal("the export says it was saved")
	}
	want := "无法在文件夹 " + dir + " 中保存文件（只读或不存在）。请选择其他文件夹，例如“文档”。"
	if got := e.Session.LastNotice(); got != want {
		t.Errorf("notice %q, want %q", got, want)
	}
}

// TestExportOntoAFullDiskSaysSo: the disk fills while the file is
// written; the desk says so, and the half-written file is removed.
func TestExportOntoAFullDiskSaysSo(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	e, sc := exportWorld(t)
	sc.Filter().SetSelectedIndex(int(filterOpen))
	name := filepath.Join(t.TempDir(), "full.csv")
	if err := os.Symlink("/dev/full", name); err != nil {
		t.Skip("cannot link to /dev/full:", err)
	}
	w, err := kittest.SaveFile(name)
	if _, err := sc.ExportTo(export.CSV, w, err); err == nil {
		t.Fatal("the export says it was saved")
	}
	if got, want := e.Session.LastNotice(), "磁盘已满，导出文件没有保存。请释放空间或保存到其他磁盘（如U盘）。"; got != want {
		t.Errorf("notice %q, want %q", got, want)
	}
	if _, err := os.Lstat(name); !os.IsNotExist(err) {
		t.Errorf("the file is left: %v", err)
	}
}
