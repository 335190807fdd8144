package app

import (
	"io"
	"slices"
	"strconv"

	"floordesk/tabular"
)

// When the desk cannot tell which column of a room list is which (a file
// without a header whose columns could be misread, a header it does not
// know), it asks: RoomColumns gives the file's first rows and the desk's
// guess, the supervisor says which column is which, and
// PreviewRoomsMapped reads the file so. Nothing is saved until the
// preview is confirmed (ConfirmRooms).

// RoomMapping says which column (from 0) holds what; -1 for none. A
// Floor of -1 takes the floors from the room numbers. Start is the first
// row of rooms: the rows above it (a header, titles) are skipped.
type RoomMapping struct {
	Room, Floor, Type         int
	Building, Section, Status int
	Start                     int
}

// NoRoomMapping maps no column.
var NoRoomMapping = RoomMapping{Room: -1, Floor: -1, Type: -1, Building: -1, Section: -1, Status: -1}

func (m RoomMapping) columns() [roomColumns]int {
	return [roomColumns]int{colRoom: m.Room, colFloor: m.Floor, colType: m.Type,
		colBuilding: m.Building, colSection: m.Section, colStatus: m.Status}
}

func mappingOf(cols [roomColumns]int, start int) RoomMapping {
	return RoomMapping{Room: cols[colRoom], Floor: cols[colFloor], Type: cols[colType],
		Building: cols[colBuilding], Section: cols[colSection], Status: cols[colStatus], Start: start}
}

// columnCodes are the refusals of a file whose columns the desk could
// not tell apart, which a supervisor settles by saying which is which.
var columnCodes = []string{"rooms.no_header", "rooms.no_room_column", "rooms.no_type_column",
	"rooms.no_floor_column", "rooms.unsure_columns"}

// NeedsColumns reports whether err refuses a room list only because the
// desk could not tell which column is which: the desk then asks
// (RoomColumns, PreviewRoomsMapped) instead of refusing the file.
func NeedsColumns(err error) bool {
	r := RefusalOf(err)
	return r != nil && slices.Contains(columnCodes, r.Code)
}

// RoomColumns reads a room list file and returns its first rows with the
// desk's guess of its columns: those found by their header, and the rows
// of rooms starting under the header (or at the top without one).
func (s *Service) RoomColumns(r io.Reader) (ColumnSample, error) {
	t, err := ReadTable("file", r, isRoomHeader)
	if err != nil {
		return ColumnSample{}, err
	}
	if len(t.Rows) == 0 {
		return ColumnSample{}, Invalid("file", "rooms.empty")
	}
	cs := SampleOf(t.Rows)
	m := guessColumns(t.Rows)
	cs.Start = m.Start
	for field, c := range m.Fields() {
		if c >= 0 {
			cs.Guess[field] = c
		}
	}
	return cs, nil
}

// Fields is the mapping by field name: room, floor, type, building,
// section, status.
func (m RoomMapping) Fields() map[string]int {
	return map[string]int{"room": m.Room, "floor": m.Floor, "type": m.Type,
		"building": m.Building, "section": m.Section, "status": m.Status}
}

// RoomMappingOf is the mapping of the columns picked by field name (a
// field left out has none) with the rooms from row start.
func RoomMappingOf(fields map[string]int, start int) RoomMapping {
	col := func(f string) int {
		if c, ok := fields[f]; ok {
			return c
		}
		return -1
	}
	return RoomMapping{Room: col("room"), Floor: col("floor"), Type: col("type"),
		Building: col("building"), Section: col("section"), Status: col("status"), Start: start}
}

// guessColumns finds the row naming the most known columns among the
// first rows; without one, the first row is a header when it holds no
// number and the next does.
func guessColumns(rows []tabular.Row) RoomMapping {
	best, at := 0, -1
	var cols [roomColumns]int
	for i, row := range rows[:min(len(rows), headerRows)] {
		if c, found := headerColumns(row.Cells); found > best {
			best, at, cols = found, i, c
		}
	}
	if at >= 0 {
		return mappingOf(cols, at+1)
	}
	m := NoRoomMapping
	m.Start = GuessStart(rows)
	return m
}

// PreviewRoomsMapped is PreviewRooms with the columns the supervisor
// picked. Refusals: ErrInvalid "columns" when the room number or the
// room type has no column, a column is picked twice or lies past the
// file's widest row, or Start is past the file's rows; the refusals of
// the rows' contents as PreviewRooms.
func (s *Service) PreviewRoomsMapped(name string, r io.Reader, m RoomMapping) (RoomPreview, error) {
	if err := Required("name", name); err != nil {
		return RoomPreview{}, err
	}
	t, err := ReadTable("file", r, isRoomHeader)
	if err != nil {
		return RoomPreview{}, err
	}
	if err := checkMapping(m, t.Rows); err != nil {
		return RoomPreview{}, err
	}
	p := RoomPreview{Name: name, Notes: TableNotes(t)}
	for _, title := range t.Rows[:max(m.Start-1, 0)] { // the row above Start is the header
		p.Notes = append(p.Notes, newNote(NoteTitleLine, "line", strconv.Itoa(title.Line)))
	}
	p.Notes = append(p.Notes, newNote(NoteColumnsPicked))
	return p, readRoomRows(&p, t.Rows, m.columns(), m.Start)
}

// checkMapping: room number and type picked, no column twice, each
// within the file's widest row, rooms left under Start.
func checkMapping(m RoomMapping, rows []tabular.Row) error {
	cols := m.columns()
	switch {
	case m.Room < 0:
		return Invalid("columns", "rooms.map_no_room")
	case m.Type < 0:
		return Invalid("columns", "rooms.map_no_type")
	case m.Start < 0 || m.Start >= len(rows):
		return Invalid("columns", "columns.no_rows")
	}
	return CheckColumns(cols[:], rows)
}

// TableNotes say how a table file was read: a workbook's sheet, or a
// text file's encoding when it is not UTF-8 (the guest list's notes
// too).
func TableNotes(t *tabular.Table) []Note {
	switch {
	case t.Sheet != "":
		return []Note{newNote(NoteSheet, "sheet", t.Sheet)}
	case t.Encoding != "UTF-8":
		return []Note{newNote(NoteEncoding, "encoding", t.Encoding)}
	}
	return nil
}

func init() {
	RegisterMessages(map[string]string{
		"rooms.unsure_columns": "The file has no header, and its columns could be read more than one way (line {line}) — say which column is which.",
		"rooms.map_no_room":    "Pick the column that holds the room numbers.",
		"rooms.map_no_type":    "Pick the column that holds the room types.",
	})
}
