package app

import (
	"strconv"
	"strings"
	"unicode"

	"floordesk/tabular"
)

// The room list's columns, found by their header.
type roomColumn int

const (
	colRoom roomColumn = iota
	colFloor
	colType
	colBuilding
	colSection
	colStatus
	roomColumns
)

// roomHeaders are the headers each column is known by, as normalized by
// HeaderKey (lower case, no spaces or punctuation).
var roomHeaders = [roomColumns][]string{
	colRoom:     {"房号", "房间号", "房间", "房间号码", "房号码", "room", "roomno", "roomnumber", "roomnum"},
	colFloor:    {"楼层", "层", "层数", "所在楼层", "floor", "floorno", "level"},
	colType:     {"房型", "房间类型", "房类", "类型", "type", "roomtype"},
	colBuilding: {"楼栋", "楼宇", "楼座", "栋", "building", "tower"},
	colSection:  {"区域", "区", "section", "wing", "area"},
	colStatus:   {"状态", "房态", "status"},
}

// HeaderKey is a header cell as the known headers are spelled (the
// room list's roomHeaders, the guest list's): lower case, no spaces or
// punctuation, so "Room No." and "ROOM_NO" are "roomno".
func HeaderKey(cell string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, cell)
}

// headerColumns finds the known columns in a row: each column's index,
// -1 when absent, and how many were found.
func headerColumns(cells []string) (cols [roomColumns]int, found int) {
	for c := range cols {
		cols[c] = -1
	}
	for i, cell := range cells {
		key := HeaderKey(cell)
		for c, names := range roomHeaders {
			if cols[c] < 0 && contains(names, key) {
				cols[c] = i
				found++
				break
			}
		}
	}
	return cols, found
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isRoomHeader says whether a row is a room list's header: two known
// columns or more.
func isRoomHeader(cells []string) bool {
	_, found := headerColumns(cells)
	return found >= 2
}

// headerRows is how far down a file its header row is looked for; the
// rows above it are titles.
const headerRows = 5

// readRooms reads the table's rows into the preview's rooms, its columns
// found by their header.
func readRooms(p *RoomPreview, rows []tabular.Row) error {
	cols, start, err := findColumns(p, rows)
	if err != nil {
		return err
	}
	return readRoomRows(p, rows, cols, start)
}

// readRoomRows reads the rows from start on with the columns cols; the
// row above start, when there is one, is the header (repeated lower
// down, it is skipped).
func readRoomRows(p *RoomPreview, rows []tabular.Row, cols [roomColumns]int, start int) error {
	var header []string
	if start > 0 {
		header = rows[start-1].Cells
	}
	derive := cols[colFloor] < 0
	if derive && !floorsInNumbers(rows[start:], header, cols[colRoom]) {
		return Invalid("file", "rooms.no_floor_column", "header", strings.Join(header, ","))
	}
	if derive {
		p.Notes = append(p.Notes, newNote(NoteFloorDerived))
	}
	seen := map[string]bool{}
	for _, row := range rows[start:] {
		if start > 0 && equalCells(row.Cells, header) {
			p.Notes = append(p.Notes, newNote(NoteRepeatedHeader, "line", strconv.Itoa(row.Line)))
			continue
		}
		room, err := readRoom(row, cols)
		if err != nil {
			return err
		}
		if room.Number == "" {
			p.Notes = append(p.Notes, newNote(NoteNoNumber, "line", strconv.Itoa(row.Line)))
			continue
		}
		if seen[room.Number] {
			return Invalid("file", "rooms.duplicate", "room", room.Number, "line", strconv.Itoa(row.Line))
		}
		seen[room.Number] = true
		p.Rooms = append(p.Rooms, room)
	}
	return checkRooms(p.Rooms)
}

// findColumns finds the header among the first rows (the rows above it
// are titles, noted) and returns the columns and the first row of rooms.
// Without a header, a file whose columns cannot be mistaken, on any of
// its rows, is read as floor, room number, room type.
func findColumns(p *RoomPreview, rows []tabular.Row) (cols [roomColumns]int, start int, err error) {
	for i, row := range rows[:min(len(rows), headerRows)] {
		cols, found := headerColumns(row.Cells)
		if found < 2 {
			continue
		}
		for _, title := range rows[:i] {
			p.Notes = append(p.Notes, newNote(NoteTitleLine, "line", strconv.Itoa(title.Line)))
		}
		header := strings.Join(row.Cells, ",")
		switch {
		case cols[colRoom] < 0:
			return cols, 0, Invalid("file", "rooms.no_room_column", "header", header)
		case cols[colType] < 0:
			return cols, 0, Invalid("file", "rooms.no_type_column", "header", header)
		}
		return cols, i + 1, nil
	}
	if len(rows) == 0 {
		return cols, 0, Invalid("file", "rooms.empty")
	}
	if !plainRoomRow(rows[0].Cells) {
		return cols, 0, Invalid("file", "rooms.no_header")
	}
	for _, row := range rows[1:] { // every row, or a later one is misread
		if readOtherwise(row.Cells) {
			return cols, 0, Invalid("file", "rooms.unsure_columns", "line", strconv.Itoa(row.Line))
		}
	}
	p.Notes = append(p.Notes, newNote(NoteNoHeader))
	return [roomColumns]int{colRoom: 1, colFloor: 0, colType: 2, colBuilding: -1, colSection: -1, colStatus: -1}, 0, nil
}

// plainRoomRow says whether a row without a header cannot be misread:
// three cells, a floor (a small whole number), a room number starting
// with that floor and longer than it, and a type that is not a number.
func plainRoomRow(cells []string) bool {
	if len(cells) != 3 {
		return false
	}
	floor, err := strconv.Atoi(cells[0])
	if err != nil || floor < 0 || floor > 199 {
		return false
	}
	f, num := strconv.Itoa(floor), strings.TrimLeft(cells[1], "0")
	_, typeIsNumber := strconv.Atoi(cells[2])
	return strings.HasPrefix(num, f) && len(num) > len(f) && typeIsNumber != nil
}

// readOtherwise says whether a row reads as floor, room number, room
// type only in another order of its cells ("0801,8,大床房" under
// "8,0801,大床房"): the file's columns are then not sure. A row that
// reads in no order (a floor "three") is left to the reading, which
// names what is wrong with it.
func readOtherwise(cells []string) bool {
	if len(cells) != 3 || plainRoomRow(cells) {
		return false
	}
	for _, p := range [][3]int{{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		if plainRoomRow([]string{cells[p[0]], cells[p[1]], cells[p[2]]}) {
			return true
		}
	}
	return false
}

// floorsInNumbers says whether every room number has 3 or 4 digits, so
// its floor is all but its last two (the header, repeated, is skipped).
func floorsInNumbers(rows []tabular.Row, header []string, col int) bool {
	for _, r := range rows {
		n := r.Cell(col)
		if equalCells(r.Cells, header) {
			continue
		}
		if n != "" && (len(n) < 3 || len(n) > 4 || strings.Trim(n, "0123456789") != "") {
			return false
		}
	}
	return true
}

// readRoom reads one row; a room without a number is returned empty.
func readRoom(row tabular.Row, cols [roomColumns]int) (Room, error) {
	cell := func(c roomColumn) string { return row.Cell(cols[c]) }
	room := Room{Number: cell(colRoom), Type: cell(colType), Building: cell(colBuilding), Section: cell(colSection), Status: cell(colStatus)}
	if room.Number == "" {
		return Room{}, nil
	}
	line := strconv.Itoa(row.Line)
	if cols[colFloor] < 0 {
		room.Floor, _ = strconv.Atoi(room.Number[:len(room.Number)-2])
		return room, nil
	}
	text := cell(colFloor)
	if text == "" {
		return Room{}, Invalid("file", "rooms.no_floor", "line", line, "room", room.Number)
	}
	floor, err := strconv.Atoi(strings.TrimRight(text, "FfLl楼层"))
	if err != nil {
		return Room{}, Invalid("file", "rooms.bad_floor", "line", line, "floor", text)
	}
	room.Floor = floor
	return room, nil
}

func equalCells(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if HeaderKey(a[i]) != HeaderKey(b[i]) {
			return false
		}
	}
	return true
}
