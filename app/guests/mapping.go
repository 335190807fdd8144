package guests

import (
	"io"
	"slices"
	"strconv"

	"floordesk/app"
	"floordesk/tabular"
)

// When the desk cannot find the guest list's columns by their header (a
// PMS export without one, or with words the desk does not know), it asks
// which column is which (see app.ColumnSample): GuestColumns gives the
// file's first rows and the desk's guess, PreviewGuestsMapped reads the
// file with the columns picked. Nothing is saved until ConfirmGuests.

// Mapping says which column (from 0) holds what; -1 for none. Start is
// the first row of guests: the rows above it (a header, titles) are
// skipped.
type Mapping struct {
	Room, Name, Arrival, Departure, VIP int
	Start                               int
}

var fieldNames = [columns]string{colRoom: "room", colName: "name", colArrival: "arrival",
	colDeparture: "departure", colVIP: "vip"}

// MappingOf is the mapping of the columns picked by field name (room,
// name, arrival, departure, vip; a field left out has none) with the
// guests from row start.
func MappingOf(fields map[string]int, start int) Mapping {
	var cols [columns]int
	for c, f := range fieldNames {
		cols[c] = -1
		if i, ok := fields[f]; ok {
			cols[c] = i
		}
	}
	return Mapping{Room: cols[colRoom], Name: cols[colName], Arrival: cols[colArrival],
		Departure: cols[colDeparture], VIP: cols[colVIP], Start: start}
}

func (m Mapping) columns() [columns]int {
	return [columns]int{colRoom: m.Room, colName: m.Name, colArrival: m.Arrival, colDeparture: m.Departure, colVIP: m.VIP}
}

// columnCodes are the refusals a supervisor settles by saying which
// column is which.
var columnCodes = []string{"guests.no_header", "guests.no_departure"}

// NeedsColumns reports whether err refuses a guest list only because the
// desk could not tell which column is which.
func NeedsColumns(err error) bool {
	r := app.RefusalOf(err)
	return r != nil && slices.Contains(columnCodes, r.Code)
}

// GuestColumns reads a guest list file and returns its first rows with
// the desk's guess of its columns; supervisors only.
func (s *GuestRegister) GuestColumns(actorID string, r io.Reader) (app.ColumnSample, error) {
	if _, err := s.Authorize(actorID, app.RoleSupervisor); err != nil {
		return app.ColumnSample{}, err
	}
	t, err := app.ReadTable("file", r, isHeader)
	if err != nil {
		return app.ColumnSample{}, err
	}
	if len(t.Rows) == 0 {
		return app.ColumnSample{}, app.Invalid("file", "guests.empty")
	}
	cs := app.SampleOf(t.Rows)
	cs.Start = app.GuessStart(t.Rows)
	best := 0
	for i, row := range t.Rows[:min(len(t.Rows), headerRows)] {
		cols, found := headerColumns(row.Cells)
		if found <= best {
			continue
		}
		best, cs.Start = found, i+1
		clear(cs.Guess)
		for c, col := range cols {
			if col >= 0 {
				cs.Guess[fieldNames[c]] = col
			}
		}
	}
	return cs, nil
}

// PreviewGuestsMapped is PreviewGuests with the columns the supervisor
// picked. Refusals: ErrInvalid "columns" when the room or the departure
// has no column, a column is picked twice or lies past the file's widest
// row, or no row is left under Start; the refusals of PreviewGuests.
func (s *GuestRegister) PreviewGuestsMapped(actorID, file string, r io.Reader, m Mapping) (Preview, error) {
	t, err := s.readFile(actorID, file, r)
	if err != nil {
		return Preview{}, err
	}
	if err := checkMapping(m, t.Rows); err != nil {
		return Preview{}, err
	}
	lookup, err := s.RoomLookup()
	if err != nil {
		return Preview{}, err
	}
	p := Preview{File: file, Notes: app.TableNotes(t)}
	for _, title := range t.Rows[:max(m.Start-1, 0)] {
		p.Notes = append(p.Notes, app.NewNote(NoteTitleLine, "line", strconv.Itoa(title.Line)))
	}
	p.Notes = append(p.Notes, app.NewNote(NoteColumnsPicked))
	if err := readGuestRows(&p, t.Rows, m.columns(), m.Start, lookup); err != nil {
		return Preview{}, err
	}
	return p, checkGuests(p.Guests)
}

func checkMapping(m Mapping, rows []tabular.Row) error {
	cols := m.columns()
	switch {
	case m.Room < 0:
		return app.Invalid("columns", "guests.map_no_room")
	case m.Departure < 0:
		return app.Invalid("columns", "guests.map_no_departure")
	case m.Start < 0 || m.Start >= len(rows):
		return app.Invalid("columns", "columns.no_rows")
	}
	return app.CheckColumns(cols[:], rows)
}

func init() {
	app.RegisterMessages(map[string]string{
		"guests.map_no_room":      "Pick the column that holds the room numbers.",
		"guests.map_no_departure": "Pick the column that holds the departure dates.",
	})
}
