package xlsx_test

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"floordesk/export"
	"floordesk/export/xlsx"
)

var shanghai = time.FixedZone("CST", 8*3600)

func loansTable() export.Table {
	lent := time.Date(2026, 12, 6, 1, 5, 0, 0, time.UTC) // 09:05 in the hotel
	return export.Table{Name: "借用登记", Loc: shanghai,
		Header: []string{"房号", "客人", "物品", "借出时间", "数量"},
		Rows: export.Slice([][]export.Cell{
			{export.TextCell("0801"), export.TextCell("王小明"), export.TextCell("吹风机"), export.TimeCell(lent), export.NumberCell(2)},
			{export.TextCell("1203"), export.TextCell("Smith"), export.TextCell("=1+1"), export.TimeCell(time.Time{}), export.NumberCell(1.5)},
		})}
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestWorkbookReadsBack: a real sheet named in Chinese, the header bold
// and frozen, the room number text with its zero, the Chinese intact, the
// time an Excel date-time on the hotel's clock, the number a number, and
// a cell starting with "=" text rather than a formula.
func TestWorkbookReadsBack(t *testing.T) {
	var b bytes.Buffer
	if err := xlsx.Write(&b, loansTable()); err != nil {
		t.Fatal(err)
	}
	f := open(t, b.Bytes())
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"借用登记"}) {
		t.Fatalf("sheets %q", got)
	}
	const sh = "借用登记"
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"房号", "客人", "物品", "借出时间", "数量"}; !reflect.DeepEqual(rows[0], want) {
		t.Errorf("header %q", rows[0])
	}
	if rows[1][0] != "0801" || rows[1][1] != "王小明" || rows[2][2] != "=1+1" {
		t.Errorf("rows %q", rows[1:])
	}
	for _, cell := range []string{"A2", "B2", "C3"} {
		if typ, _ := f.GetCellType(sh, cell); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s is of type %v, want text", cell, typ)
		}
		if formula, _ := f.GetCellFormula(sh, cell); formula != "" {
			t.Errorf("%s has the formula %q", cell, formula)
		}
	}

	style, _ := f.GetCellStyle(sh, "A1")
	if st, err := f.GetStyle(style); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header style %+v, %v: not bold", st, err)
	}
	if panes, err := f.GetPanes(sh); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v: the header is not frozen", panes, err)
	}
	if w, _ := f.GetColWidth(sh, "B"); w < 6 || w > 60 {
		t.Errorf("column B is %v wide", w)
	}

	if typ, _ := f.GetCellType(sh, "D2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("time cell of type %v, want a number formatted as a date", typ)
	}
	raw, _ := f.GetCellValue(sh, "D2", excelize.Options{RawCellValue: true})
	serial := mustFloat(t, raw)
	when, err := excelize.ExcelDateToTime(serial, false)
	if err != nil || !when.Equal(time.Date(2026, 12, 6, 9, 5, 0, 0, time.UTC)) {
		t.Errorf("time cell %s = %v, want 2026-12-06 09:05 (the hotel's clock)", raw, when)
	}
	if shown, _ := f.GetCellValue(sh, "D2"); shown != "2026-12-06 09:05" {
		t.Errorf("time cell shows %q", shown)
	}
	if st, _ := f.GetCellStyle(sh, "D2"); st == 0 {
		t.Error("the time cell has no date format")
	}
	if typ, _ := f.GetCellType(sh, "E3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("number cell of type %v", typ)
	}
	if v, _ := f.GetCellValue(sh, "E3"); v != "1.5" {
		t.Errorf("number cell %q", v)
	}
	if v, _ := f.GetCellValue(sh, "D3"); v != "" {
		t.Errorf("a zero time shows %q, want an empty cell", v)
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

// TestCellOverExcelsLimitIsRefused: a cell Excel would cut is refused by
// name, and nothing is written.
func TestCellOverExcelsLimitIsRefused(t *testing.T) {
	long := make([]byte, export.MaxCellChars+1)
	for i := range long {
		long[i] = 'x'
	}
	var b bytes.Buffer
	tab := export.Table{Header: []string{"body"}, Rows: export.Slice([][]export.Cell{
		{export.TextCell(string(long[:export.MaxCellChars]))}, // at the limit: kept
		{export.TextCell(string(long))},
	})}
	err := xlsx.Write(&b, tab)
	var lim *export.LimitError
	if !errors.As(err, &lim) || lim.Limit != export.LimitCell || lim.Row != 3 {
		t.Fatalf("err = %v, want the cell limit at row 3", err)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written", b.Len())
	}
}

// TestBookHasASheetPerTable: a report's tables are one workbook, a sheet
// each, in order, each with its header and rows.
func TestBookHasASheetPerTable(t *testing.T) {
	second := export.Table{Name: "各部门用时", Header: []string{"部门", "需求数"},
		Rows: export.Slice([][]export.Cell{{export.TextCell("客房部"), export.NumberCell(96)}})}
	var b bytes.Buffer
	if err := xlsx.WriteBook(&b, []export.Table{loansTable(), second}); err != nil {
		t.Fatal(err)
	}
	f := open(t, b.Bytes())
	if got := f.GetSheetList(); len(got) != 2 || got[0] != loansTable().Name || got[1] != "各部门用时" {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("各部门用时")
	if err != nil || len(rows) != 2 || rows[0][0] != "部门" || rows[1][0] != "客房部" || rows[1][1] != "96" {
		t.Fatalf("second sheet %q, %v", rows, err)
	}
	first, _ := f.GetRows(loansTable().Name)
	if len(first) < 2 {
		t.Fatalf("first sheet %q", first)
	}
}
