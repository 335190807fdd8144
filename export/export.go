// Package export writes what a screen lists as a table file a desk PC
// opens in Excel: a header row in the user's language and rows of typed
// cells (text, a time, a number). CSV is written here (UTF-8 with a
// byte-order mark, CRLF line ends, RFC 4180 quoting, times as
// "2006-01-02 15:04" in the hotel's zone); workbooks by package
// export/xlsx, which links excelize and with it net/http, so only ui/
// imports it.
//
// A table's rows come from a function that gives them one at a time, so
// an export of the whole event history never holds it in memory. The
// package knows nothing of keys, loans or events, and imports the
// standard library only.
package export

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kind is what a cell holds.
type Kind uint8

// The kinds of cells.
const (
	// Text is kept as typed: "0801" stays "0801", never the number 801.
	Text Kind = iota
	// Time is a moment, shown in the hotel's zone: an Excel date-time in
	// a workbook, "2006-01-02 15:04" in CSV.
	Time
	// Number is a count or an amount.
	Number
)

// Cell is one typed cell. The zero Cell is an empty text cell.
type Cell struct {
	Kind   Kind
	Text   string
	Time   time.Time
	Number float64
}

// TextCell is a text cell.
func TextCell(s string) Cell { return Cell{Kind: Text, Text: s} }

// TimeCell is a time cell, or an empty cell for the zero time (a loan not
// returned yet).
func TimeCell(t time.Time) Cell {
	if t.IsZero() {
		return Cell{}
	}
	return Cell{Kind: Time, Time: t}
}

// NumberCell is a number cell.
func NumberCell(n float64) Cell { return Cell{Kind: Number, Number: n} }

// Empty tells whether c shows nothing.
func (c Cell) Empty() bool { return c.Kind == Text && c.Text == "" }

// Rows gives a table's rows in order: it calls yield with each row and
// stops at yield's first error, which it returns. yield does not keep the
// row past the call, so Rows may reuse it.
type Rows func(yield func(row []Cell) error) error

// Table is what an export writes.
type Table struct {
	// Name names the sheet ("借用登记"); the file name is made of it.
	Name string
	// Header is the header row, in the user's language.
	Header []string
	// Loc is the hotel's time zone, which times are shown in; UTC when
	// nil.
	Loc *time.Location
	// Rows gives the rows; nil for none.
	Rows Rows
}

// Slice gives rows held in memory, for a table of a screen's rows.
func Slice(rows [][]Cell) Rows {
	return func(yield func([]Cell) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// Each calls yield with every row; none for nil.
func (r Rows) Each(yield func([]Cell) error) error {
	if r == nil {
		return nil
	}
	return r(yield)
}

// Location is the zone times are shown in.
func (t Table) Location() *time.Location {
	if t.Loc == nil {
		return time.UTC
	}
	return t.Loc
}

// Format is a file format an export writes.
type Format string

// The formats.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// Formats are the formats offered, the first the default.
var Formats = []Format{XLSX, CSV}

// Limits of what a workbook holds: Excel's own, past which Excel refuses
// or cuts what it opens.
const (
	// MaxRows is the rows of a sheet, the header row included.
	MaxRows = 1_048_576
	// MaxCellChars is the characters (UTF-16 units) of a cell.
	MaxCellChars = 32_767
)

// Limit names a limit a *LimitError was over.
type Limit string

// The limits.
const (
	LimitRows Limit = "rows"
	LimitCell Limit = "cell"
)

// ErrLimit is the sentinel of a *LimitError.
var ErrLimit = errors.New("export: over a limit")

// LimitError is a table a format cannot hold: more rows than a sheet, or
// a cell longer than a cell. Row is the row it was found at, counted from
// 1 with the header; Max the limit.
type LimitError struct {
	Limit Limit
	Max   int
	Row   int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("export: over the %s limit of %d (row %d)", e.Limit, e.Max, e.Row)
}

// Is makes errors.Is(err, ErrLimit) true.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// TimeLayout is how CSV writes a time, in the hotel's zone.
const TimeLayout = "2006-01-02 15:04"

// FileName is an export's default file name: the table's name, the day
// and the format's extension, "借用登记-2026-12-06.xlsx". Characters
// Windows refuses in a file name become "-".
func FileName(name string, day time.Time, f Format) string {
	name = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = "export"
	}
	return name + "-" + day.Format("2006-01-02") + "." + string(f)
}
