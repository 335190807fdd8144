// Package xlsx reads Excel workbooks (.xlsx) for package tabular, with
// excelize. Importing it registers the reader with tabular.RegisterSheets;
// the domain (app/) does not import it, so it links neither excelize nor
// the net/http excelize brings, and the desk's main does.
package xlsx

import (
	"bytes"

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
// cell is read as Excel shows it ("0801" when the cell is formatted so).
// A file excelize cannot open is a *tabular.FormatError.
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
	for line := 1; rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, &tabular.FormatError{Format: "xlsx", Err: err}
		}
		if err := t.Add(lim, line, cells); err != nil {
			return nil, err
		}
	}
	if err := rows.Error(); err != nil {
		return nil, &tabular.FormatError{Format: "xlsx", Err: err}
	}
	return t, nil
}
