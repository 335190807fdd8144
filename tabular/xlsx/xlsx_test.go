package xlsx_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"floordesk/tabular"
	_ "floordesk/tabular/xlsx"
)

// workbook has a first sheet of notes and a second with the rooms; 0901
// is a number shown with four digits, as Excel keeps a number typed into
// a cell formatted "0000".
func workbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "2026 房间表说明")
	f.NewSheet("房间")
	f.SetSheetRow("房间", "A2", &[]any{"房号", "楼层", "房型"})
	f.SetSheetRow("房间", "A3", &[]any{"0801", 8, "大床房"})
	f.SetSheetRow("房间", "A5", &[]any{901, 9, "双床房"})
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0000")})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle("房间", "A5", "A5", style)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func ptr[T any](v T) *T { return &v }

func isHeader(cells []string) bool { return len(cells) > 0 && cells[0] == "房号" }

func TestReadsTheSheetWithAHeader(t *testing.T) {
	got, err := tabular.Read(bytes.NewReader(workbook(t)), tabular.Options{IsHeader: isHeader})
	if err != nil {
		t.Fatal(err)
	}
	want := []tabular.Row{{Line: 2, Cells: []string{"房号", "楼层", "房型"}}, {Line: 3, Cells: []string{"0801", "8", "大床房"}}, {Line: 5, Cells: []string{"0901", "9", "双床房"}}}
	if got.Sheet != "房间" || got.Encoding != "XLSX" || !reflect.DeepEqual(got.Rows, want) {
		t.Fatalf("sheet %q (%s): %+v", got.Sheet, got.Encoding, got.Rows)
	}
	first, err := tabular.Read(bytes.NewReader(workbook(t)), tabular.Options{})
	if err != nil || first.Sheet != "Sheet1" {
		t.Fatalf("without a header test, read sheet %q, want the first: %v", first.Sheet, err)
	}
}

func TestRowLimitInAWorkbook(t *testing.T) {
	_, err := tabular.Read(bytes.NewReader(workbook(t)), tabular.Options{Limits: tabular.Limits{Bytes: 1 << 20, Rows: 2, Columns: 3, CellRunes: 10}, IsHeader: isHeader})
	var le *tabular.LimitError
	// The first sheet has one row; the second's third row is past the limit.
	if !errors.As(err, &le) || le.Limit != tabular.LimitRows || le.Line != 5 {
		t.Fatalf("%v, want the row limit on row 5", err)
	}
}

func TestNotAWorkbook(t *testing.T) {
	_, err := tabular.Read(bytes.NewReader([]byte("PK\x03\x04 not a zip")), tabular.Options{})
	var fe *tabular.FormatError
	if !errors.As(err, &fe) || fe.Format != "xlsx" {
		t.Fatalf("%v, want an xlsx FormatError", err)
	}
}

// TestDatesReadAsISO: a date cell reads as 2026-12-06 whatever Excel's
// format shows (the built-in short date shows "12-06-26"); a date typed
// as text stays as typed, and a room number is not taken for a date.
func TestDatesReadAsISO(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	day := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	f.SetSheetRow("Sheet1", "A1", &[]any{"房号", "离店", "到店"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"0801", day, day.Add(14*time.Hour + 30*time.Minute)})
	f.SetSheetRow("Sheet1", "A3", &[]any{"0802", "2026/12/6", day})
	short, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	custom, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy/m/d")})
	f.SetCellStyle("Sheet1", "C3", "C3", custom)
	f.SetCellStyle("Sheet1", "B2", "B2", short)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	got, err := tabular.Read(&b, tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"房号", "离店", "到店"}, {"0801", "2026-12-06", "2026-12-06 14:30"}, {"0802", "2026/12/6", "2026-12-06"}}
	for i, r := range got.Rows {
		if !reflect.DeepEqual(r.Cells, want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, r.Cells, want[i])
		}
	}
}
