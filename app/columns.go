package app

import (
	"slices"
	"strings"

	"floordesk/tabular"
)

// Asking which column is which. When the desk cannot tell a table file's
// columns apart (no header, or a header it does not know), it shows the
// file's first rows with its guess, and the supervisor picks the column
// of each field; the register then reads the file with that pick. The
// room list (RoomColumns) and the guest list (package guests) do so.

// SampleRows is how many rows of a file a ColumnSample shows.
const SampleRows = 5

// ColumnSample is the start of a table file, for a supervisor to say
// which column is which: its first rows as read, how many columns the
// widest has, and the desk's guess: the first row of records (Start; the
// row above it is the header) and the column of each field it found by
// its header (Guess, by field name; a field not found is left out).
type ColumnSample struct {
	Rows    [][]string
	Columns int
	Start   int
	Guess   map[string]int
}

// SampleOf is the first rows of a table; the guess is left to the caller.
func SampleOf(rows []tabular.Row) ColumnSample {
	cs := ColumnSample{Guess: map[string]int{}}
	for _, row := range rows[:min(len(rows), SampleRows)] {
		cs.Rows = append(cs.Rows, row.Cells)
		cs.Columns = max(cs.Columns, len(row.Cells))
	}
	return cs
}

// GuessStart is the first row of records of a file without a header the
// desk knows: under the first row when it holds no number and the next
// does (a header in other words), else the top.
func GuessStart(rows []tabular.Row) int {
	if len(rows) > 1 && !hasNumber(rows[0].Cells) && hasNumber(rows[1].Cells) {
		return 1
	}
	return 0
}

// hasNumber says whether a row holds a whole number.
func hasNumber(cells []string) bool {
	return slices.ContainsFunc(cells, func(c string) bool {
		return c != "" && strings.Trim(c, "0123456789") == ""
	})
}

// CheckColumns checks the columns picked (-1 for none): each within the
// file's widest row, none twice; a refusal of field "columns" names the
// column as Excel does.
func CheckColumns(picked []int, rows []tabular.Row) error {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	var used []int
	for _, c := range picked {
		switch {
		case c < 0:
			continue
		case c >= width:
			return Invalid("columns", "columns.no_such_column", "column", ColumnName(c))
		case slices.Contains(used, c):
			return Invalid("columns", "columns.twice", "column", ColumnName(c))
		}
		used = append(used, c)
	}
	return nil
}

// ColumnName is a column as Excel names it: A, B, … Z, AA.
func ColumnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// NoHeaderKnown reports whether err refuses a file for having no header
// the desk knows (the room list's or the guest list's), so the desk can
// say that, rather than "add a header", while it asks which column is
// which.
func NoHeaderKnown(err error) bool {
	r := RefusalOf(err)
	return r != nil && (r.Code == "rooms.no_header" || r.Code == "guests.no_header")
}

func init() {
	RegisterMessages(map[string]string{
		"columns.twice":          "Column {column} is picked for two things — pick each column once.",
		"columns.no_such_column": "The file has no column {column} — pick one of its columns.",
		"columns.no_rows":        "There are no rows under the first one to read — untick “the first line names the columns”.",
	})
}
