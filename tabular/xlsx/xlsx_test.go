package xlsx_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

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
