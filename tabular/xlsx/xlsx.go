// Package xlsx reads Excel workbooks (.xlsx) for package tabular, with
// excelize. Importing it registers the reader with tabular.RegisterSheets;
// the domain (app/) does not import it, so it links neither excelize nor
// the net/http excelize brings, and the desk's main does.
package xlsx

import (
	"bytes"
	"regexp"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"floordesk/tabular"
)

func init() { tabular.RegisterSheets(Read) }

// Unzipped sizes a workbook may reach, so a small file that unzips to a
// huge one is refused: the whole workbook, and a sheet kept in memory
// (a larger sheet goes through a temporary file).
const (
	maxUnzipped      = 256 << 20
	maxUnzippedSheet = 16 << 20
)

// headerRows is how far down a sheet its header row is looked for.
const headerRows = 5

// Read reads a workbook: the first sheet where opt.IsHeader finds a
// header row among its first rows, else the first sheet with rows. Every
// cell is read as Excel shows it ("0801" when the cell is formatted so),
// except a date: a number Excel shows as a date is read as 2026-12-06
// (2026-12-06 14:30 with a time of day), whatever its format, because
// Excel's built-in short date shows "12-06-26", which drops the century
// and reads differently by region. A file excelize cannot open is a
// *tabular.FormatError.
func Read(b []byte, opt tabular.Options) (*tabular.Table, error) {
	if opt.Limits == (tabular.Limits{}) {
		opt.Limits = tabular.DefaultLimits
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedSheet})
	if err != nil {
		return nil, &tabular.FormatError{Format: "xlsx", Err: err}
	}
	defer f.Close()
	var first *tabular.Table
	for _, name := range f.GetSheetList() {
		t, err := readSheet(f, name, opt.Limits)
		if err != nil {
			return nil, err
		}
		if len(t.Rows) == 0 {
			continue
		}
		if opt.IsHeader == nil || hasHeader(t, opt.IsHeader) {
			return t, nil
		}
		if first == nil {
			first = t
		}
	}
	if first == nil {
		return &tabular.Table{Encoding: "XLSX"}, nil
	}
	return first, nil
}

func hasHeader(t *tabular.Table, isHeader func([]string) bool) bool {
	for _, r := range t.Rows[:min(len(t.Rows), headerRows)] {
		if isHeader(r.Cells) {
			return true
		}
	}
	return false
}

// readSheet reads a sheet's rows that are not blank, within the limits.
func readSheet(f *excelize.File, name string, lim tabular.Limits) (*tabular.Table, error) {
	t := &tabular.Table{Encoding: "XLSX", Sheet: name}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, &tabular.FormatError{Format: "xlsx", Err: err}
	}
	defer rows.Close()
	var dates []dateCell
	for line := 1; rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, &tabular.FormatError{Format: "xlsx", Err: err}
		}
		n := len(t.Rows)
		if err := t.Add(lim, line, cells); err != nil {
			return nil, err
		}
		if len(t.Rows) > n {
			dates = appendDates(dates, n, line, cells)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, &tabular.FormatError{Format: "xlsx", Err: err}
	}
	isoDates(f, name, t, dates)
	return t, nil
}

// dateCell is a cell shown as a date: its row in the table, its column
// and its name in the sheet ("B7").
type dateCell struct {
	row, col int
	axis     string
}

// shownAsDate is how Excel shows a date: "12-06-26", "2026/12/6",
// "12/6/26 00:00".
var shownAsDate = regexp.MustCompile(`^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}( \d{1,2}:\d{2}(:\d{2})?)?$`)

// appendDates adds the cells of a row that look like dates.
func appendDates(dates []dateCell, row, line int, cells []string) []dateCell {
	for col, c := range cells {
		if shownAsDate.MatchString(c) {
			axis, err := excelize.CoordinatesToCellName(col+1, line)
			if err == nil {
				dates = append(dates, dateCell{row: row, col: col, axis: axis})
			}
		}
	}
	return dates
}

// isoDates rewrites the cells shown as dates that hold a date serial
// number as 2006-01-02 (15:04 when there is a time of day); a cell typed
// as text stays as it is.
func isoDates(f *excelize.File, sheet string, t *tabular.Table, dates []dateCell) {
	if len(dates) == 0 {
		return
	}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	for _, d := range dates {
		raw, err := f.GetCellValue(sheet, d.axis, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil || serial <= 0 {
			continue
		}
		at, err := excelize.ExcelDateToTime(serial, date1904)
		if err != nil {
			continue
		}
		at = at.Round(time.Minute)
		iso := at.Format("2006-01-02")
		if at.Hour() != 0 || at.Minute() != 0 {
			iso = at.Format("2006-01-02 15:04")
		}
		t.Rows[d.row].Cells[d.col] = iso
	}
}
