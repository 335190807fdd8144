// Package xlsx writes an export.Table as an Excel workbook with
// excelize's StreamWriter, so a table of any length is written with
// bounded memory (excelize keeps a long sheet in a temporary file). The
// sheet has a bold header row that stays in view as it scrolls, columns
// as wide as their text, text cells as text ("0801" stays "0801") and
// times as Excel date-times in the hotel's zone. It links excelize and
// with it net/http, so the domain (app/) never imports it.
package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"floordesk/export"
)

// sizeRows is how many rows the column widths are measured on: the
// first ones, held until the widths are set (excelize takes them before
// the first row).
const sizeRows = 1000

// Column widths, in Excel's units (about one Latin character; a Chinese
// character takes two).
const (
	minWidth = 6
	maxWidth = 60
)

// TimeFormat is how a time cell shows in Excel.
const TimeFormat = "yyyy-mm-dd hh:mm"

// Write writes t to w as a workbook of one sheet named after the table.
// It refuses a table over Excel's limits with an *export.LimitError
// (export.MaxRows rows with the header, export.MaxCellChars a cell)
// before w is written, and otherwise returns the first error of t's rows
// or of w.
func Write(w io.Writer, t export.Table) error {
	return write(w, t, export.MaxRows)
}

func write(w io.Writer, t export.Table, maxRows int) error {
	return writeBook(w, []export.Table{t}, maxRows)
}

// WriteBook writes several tables to w as one workbook, a sheet each in
// order (a report's tables), with Write's limits on each.
func WriteBook(w io.Writer, ts []export.Table) error {
	return writeBook(w, ts, export.MaxRows)
}

func writeBook(w io.Writer, ts []export.Table, maxRows int) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, t := range ts {
		if err := writeSheet(f, i, t, maxRows); err != nil {
			return err
		}
	}
	_, err := f.WriteTo(w)
	return err
}

// writeSheet writes t as the workbook's i-th sheet.
func writeSheet(f *excelize.File, i int, t export.Table, maxRows int) error {
	sheet := sheetName(t.Name)
	if i == 0 {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return fmt.Errorf("xlsx sheet: %w", err)
		}
	} else if _, err := f.NewSheet(sheet); err != nil {
		return fmt.Errorf("xlsx sheet: %w", err)
	}
	s, err := newSheet(f, sheet, t, maxRows)
	if err != nil {
		return err
	}
	if err := t.Rows.Each(s.add); err != nil {
		return err
	}
	if err := s.flush(); err != nil {
		return err
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx flush: %w", err)
	}
	return nil
}

// sheet writes one sheet's rows: the first sizeRows are held to measure
// the columns, then written; the rest go straight through.
type sheet struct {
	sw               *excelize.StreamWriter
	loc              *time.Location
	header           []string
	head, text, when int // style IDs
	held             [][]export.Cell
	widths           []int
	sized            bool
	row, maxRows     int
	out              []any // the row being written, reused
}

func newSheet(f *excelize.File, name string, t export.Table, maxRows int) (*sheet, error) {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("xlsx stream: %w", err)
	}
	s := &sheet{sw: sw, loc: t.Location(), header: t.Header, maxRows: maxRows}
	for _, st := range []struct {
		id    *int
		style excelize.Style
	}{
		{&s.head, excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49}},
		{&s.text, excelize.Style{NumFmt: 49}}, // "@": text, as typed
		{&s.when, excelize.Style{CustomNumFmt: ptr(TimeFormat)}},
	} {
		if *st.id, err = f.NewStyle(&st.style); err != nil {
			return nil, fmt.Errorf("xlsx style: %w", err)
		}
	}
	s.widths = make([]int, len(t.Header))
	for i, h := range t.Header {
		s.widths[i] = textWidth(h)
	}
	return s, nil
}

func ptr[T any](v T) *T { return &v }

// add takes one row of the table: held while the columns are measured,
// written after.
func (s *sheet) add(row []export.Cell) error {
	s.row++
	if s.row+1 > s.maxRows {
		return &export.LimitError{Limit: export.LimitRows, Max: s.maxRows, Row: s.row + 1}
	}
	if s.sized {
		return s.writeRow(s.row+1, row)
	}
	s.measure(row)
	s.held = append(s.held, append([]export.Cell(nil), row...))
	if len(s.held) == sizeRows {
		return s.flush()
	}
	return nil
}

// measure widens the columns to fit row.
func (s *sheet) measure(row []export.Cell) {
	for i, c := range row {
		if i >= len(s.widths) {
			s.widths = append(s.widths, 0)
		}
		s.widths[i] = max(s.widths[i], cellWidth(c))
	}
}

// flush sets the columns and the frozen header, and writes the header
// and the rows held; once.
func (s *sheet) flush() error {
	if s.sized {
		return nil
	}
	s.sized = true
	for i, w := range s.widths {
		if err := s.sw.SetColWidth(i+1, i+1, float64(min(maxWidth, max(minWidth, w+2)))); err != nil {
			return fmt.Errorf("xlsx width: %w", err)
		}
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("xlsx panes: %w", err)
	}
	head := make([]any, len(s.header))
	for i, h := range s.header {
		head[i] = excelize.Cell{StyleID: s.head, Value: h}
	}
	if err := s.sw.SetRow("A1", head); err != nil {
		return fmt.Errorf("xlsx header: %w", err)
	}
	for i, row := range s.held {
		if err := s.writeRow(i+2, row); err != nil {
			return err
		}
	}
	s.held = nil
	return nil
}

// writeRow writes row as the sheet's row n (1 is the header).
func (s *sheet) writeRow(n int, row []export.Cell) error {
	s.out = s.out[:0]
	for _, c := range row {
		switch c.Kind {
		case export.Time:
			s.out = append(s.out, excelize.Cell{StyleID: s.when, Value: wallClock(c.Time.In(s.loc))})
		case export.Number:
			s.out = append(s.out, c.Number)
		default:
			if len(c.Text) > export.MaxCellChars/3 && utf16Len(c.Text) > export.MaxCellChars {
				return &export.LimitError{Limit: export.LimitCell, Max: export.MaxCellChars, Row: n}
			}
			s.out = append(s.out, excelize.Cell{StyleID: s.text, Value: c.Text})
		}
	}
	if err := s.sw.SetRow("A"+strconv.Itoa(n), s.out); err != nil {
		return fmt.Errorf("xlsx row %d: %w", n, err)
	}
	return nil
}

// wallClock is t's date and time on the hotel's clocks, as a UTC time:
// Excel has no time zones, and excelize counts from a UTC epoch.
func wallClock(t time.Time) time.Time {
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	return time.Date(y, mo, d, h, mi, sec, t.Nanosecond(), time.UTC)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cellWidth is how wide c shows, in Excel's units.
func cellWidth(c export.Cell) int {
	switch c.Kind {
	case export.Time:
		return len("2006-01-02 15:04")
	case export.Number:
		return len(strconv.FormatFloat(c.Number, 'f', -1, 64))
	}
	return textWidth(c.Text)
}

// textWidth is the width of s's longest line: two units a wide
// (Chinese) character, one any other.
func textWidth(s string) int {
	widest := 0
	for line := range strings.Lines(s) {
		w := 0
		for _, r := range line {
			w++
			if wide(r) {
				w++
			}
		}
		widest = max(widest, w)
	}
	return widest
}

// wide tells a character East Asian text shows two units wide.
func wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000 && r <= 0x3FFFD)
}

// sheetName is a name Excel takes for a sheet: at most 31 characters,
// none of []:*?/\ , not empty.
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if name == "" {
		return "Sheet1"
	}
	return name
}
