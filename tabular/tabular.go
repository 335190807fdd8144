// Package tabular reads the table files a supervisor picks (a room list,
// later a PMS in-house guest list) into rows of text cells, whatever
// program wrote them: CSV in UTF-8 (with or without a byte-order mark),
// GBK/GB18030 (what Excel on Chinese Windows saves as "CSV"), Excel's
// "Unicode text" (UTF-16 with a byte-order mark, tab-separated), and
// workbooks when a sheet reader is registered (package tabular/xlsx does
// so). The separator (comma, full-width comma, tab, semicolon) is
// sniffed. Every cell is text: "0801" stays "0801".
//
// The package knows nothing of rooms or guests: it reads rows and keeps
// the limits of what it reads (Limits); its errors are typed so the
// caller can turn them into sentences in the user's language. It imports
// the standard library and golang.org/x/text only.
package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Table is a file's rows, blank rows left out.
type Table struct {
	Rows []Row
	// Encoding is how the text was written: "UTF-8", "GB18030",
	// "UTF-16LE", "UTF-16BE", or "XLSX" for a workbook.
	Encoding string
	// Delimiter separates the cells of a text file; 0 for a workbook.
	Delimiter rune
	// Sheet is the workbook's sheet the rows come from.
	Sheet string
}

// Row is one row of cells, each trimmed of spaces.
type Row struct {
	// Line is the file's line the row starts on (a quoted cell may span
	// lines), or the sheet's row number, from 1.
	Line  int
	Cells []string
}

// Cell returns the row's cell i, "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Limits bound what a file may hold. A file beyond one is refused with a
// *LimitError naming it.
type Limits struct {
	Bytes     int64 // the file's size
	Rows      int   // rows that are not blank
	Columns   int   // cells in a row
	CellRunes int   // characters in a cell
}

// DefaultLimits are generous for a hotel's room or guest list and small
// enough for a desk PC to read at once.
var DefaultLimits = Limits{Bytes: 8 << 20, Rows: 10_000, Columns: 100, CellRunes: 1_000}

// Limit names one of Limits.
type Limit string

// The limits, as a *LimitError names them.
const (
	LimitBytes     Limit = "bytes"
	LimitRows      Limit = "rows"
	LimitColumns   Limit = "columns"
	LimitCellRunes Limit = "cell"
)

// LimitError is a file beyond one of its Limits. Line is the line or row
// where it was found (0 for the file's size).
type LimitError struct {
	Limit Limit
	Max   int64
	Line  int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("tabular: over the %s limit of %d (line %d)", e.Limit, e.Max, e.Line)
}

// SyntaxError is a text line the CSV reader cannot read, such as a stray
// or unclosed quotation mark.
type SyntaxError struct {
	Line int
	Err  error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("tabular: line %d: %v", e.Line, e.Err) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrFormat is the sentinel of a *FormatError.
var ErrFormat = errors.New("tabular: not a table file")

// FormatError is a file that is no table this reader can read. Format
// says what it looked like: "xls" (an old Excel workbook), "xlsx" (a
// workbook, with no sheet reader registered or none it could read),
// "binary" (neither text nor a workbook).
type FormatError struct {
	Format string
	Err    error
}

func (e *FormatError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("tabular: %s file: %v", e.Format, e.Err)
	}
	return "tabular: " + e.Format + " file"
}

// Is makes errors.Is(err, ErrFormat) true.
func (e *FormatError) Is(target error) bool { return target == ErrFormat }

// Options say how to read a file.
type Options struct {
	Limits Limits // DefaultLimits when zero
	// IsHeader picks a workbook's sheet: the first sheet where it finds
	// a header row among the first rows, else the first with rows. Nil
	// takes the first sheet with rows.
	IsHeader func(cells []string) bool
}

// SheetReader reads a workbook's bytes into a table, keeping the limits.
type SheetReader func(b []byte, opt Options) (*Table, error)

var sheets SheetReader

// RegisterSheets makes Read read workbooks (files starting as a zip
// archive does) with fn; package tabular/xlsx calls it from init. Without
// it a workbook is a *FormatError.
func RegisterSheets(fn SheetReader) { sheets = fn }

// The first bytes of the file formats told apart.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") // .xls and other old Office files
)

// Read reads a table file: a workbook when it starts as one, else text.
// Errors: *LimitError, *SyntaxError, *FormatError, or the reader's own.
func Read(r io.Reader, opt Options) (*Table, error) {
	opt.Limits = opt.limits()
	b, err := io.ReadAll(io.LimitReader(r, opt.Limits.Bytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > opt.Limits.Bytes {
		return nil, &LimitError{Limit: LimitBytes, Max: opt.Limits.Bytes}
	}
	switch {
	case bytes.HasPrefix(b, zipMagic) && sheets != nil:
		return sheets(b, opt)
	case bytes.HasPrefix(b, zipMagic):
		return nil, &FormatError{Format: "xlsx"}
	case bytes.HasPrefix(b, oleMagic):
		return nil, &FormatError{Format: "xls"}
	}
	return readText(b, opt.Limits)
}

// limits fills in DefaultLimits when none are given.
func (o Options) limits() Limits {
	if o.Limits == (Limits{}) {
		return DefaultLimits
	}
	return o.Limits
}

// Check checks a row's cells against the limits; sheet readers call it
// for each row they keep.
func (l Limits) Check(line int, cells []string) error {
	if len(cells) > l.Columns {
		return &LimitError{Limit: LimitColumns, Max: int64(l.Columns), Line: line}
	}
	for _, c := range cells {
		if n := runeCount(c); n > l.CellRunes {
			return &LimitError{Limit: LimitCellRunes, Max: int64(l.CellRunes), Line: line}
		}
	}
	return nil
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
