package export_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"floordesk/export"
	"floordesk/tabular"
)

// shanghai is the hotel's zone in these tests: UTC+8, no summer time.
var shanghai = time.FixedZone("CST", 8*3600)

// loansTable is a loans list as a Chinese desk exports it.
func loansTable() export.Table {
	lent := time.Date(2026, 12, 6, 1, 5, 0, 0, time.UTC) // 09:05 in the hotel
	return export.Table{Name: "借用登记", Loc: shanghai,
		Header: []string{"房号", "客人", "物品", "借出时间", "数量"},
		Rows: export.Slice([][]export.Cell{
			{export.TextCell("0801"), export.TextCell("王小明"), export.TextCell("吹风机, \"戴森\""), export.TimeCell(lent), export.NumberCell(2)},
			{export.TextCell("1203"), export.TextCell("Smith,\nJohn"), export.TextCell("=HYPERLINK(\"x\")"), export.TimeCell(time.Time{}), export.NumberCell(1.5)},
		})}
}

func TestCSVIsWhatExcelOnChineseWindowsOpens(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteCSV(&b, loansTable()); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF房号,客人,物品,借出时间,数量\r\n" +
		"0801,王小明,\"吹风机, \"\"戴森\"\"\",2026-12-06 09:05,2\r\n" +
		"1203,\"Smith,\r\nJohn\",\"'=HYPERLINK(\"\"x\"\")\",,1.5\r\n"
	if got := b.String(); got != want {
		t.Fatalf("CSV:\n%q\nwant\n%q", got, want)
	}
}

// TestCSVOpensThroughTabular: the file reads back through the desk's own
// table reader with the same cells: the BOM taken as UTF-8, the leading
// zero kept, the Chinese intact, the quoted comma and line break inside
// their cells.
func TestCSVOpensThroughTabular(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteCSV(&b, loansTable()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no BOM: % x", b.Bytes()[:3])
	}
	got, err := tabular.Read(&b, tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cells [][]string
	for _, r := range got.Rows {
		cells = append(cells, r.Cells)
	}
	want := [][]string{
		{"房号", "客人", "物品", "借出时间", "数量"},
		{"0801", "王小明", `吹风机, "戴森"`, "2026-12-06 09:05", "2"},
		{"1203", "Smith,\nJohn", `'=HYPERLINK("x")`, "", "1.5"},
	}
	if got.Encoding != "UTF-8" || got.Delimiter != ',' || !reflect.DeepEqual(cells, want) {
		t.Fatalf("read %s %q: %q\nwant %q", got.Encoding, got.Delimiter, cells, want)
	}
}

// failingWriter takes n bytes, then fails as a full disk does.
type failingWriter struct{ n int }

var errFull = errors.New("no space left on device")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestCSVReturnsTheWritersError(t *testing.T) {
	rows := make([][]export.Cell, 20_000)
	for i := range rows {
		rows[i] = []export.Cell{export.TextCell(strings.Repeat("房", 10))}
	}
	err := export.WriteCSV(&failingWriter{n: 100_000}, export.Table{Header: []string{"房号"}, Rows: export.Slice(rows)})
	if !errors.Is(err, errFull) {
		t.Fatalf("err = %v, want the writer's", err)
	}
}

func TestFileName(t *testing.T) {
	day := time.Date(2026, 12, 6, 23, 0, 0, 0, shanghai)
	tests := []struct {
		name string
		f    export.Format
		want string
	}{
		{"借用登记", export.XLSX, "借用登记-2026-12-06.xlsx"},
		{"loans", export.CSV, "loans-2026-12-06.csv"},
		{"keys: lost/found?", export.XLSX, "keys- lost-found--2026-12-06.xlsx"},
		{" ", export.CSV, "export-2026-12-06.csv"},
	}
	for _, tt := range tests {
		if got := export.FileName(tt.name, day, tt.f); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
