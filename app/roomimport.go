package app

import (
	"io"
	"strings"
)

//go:generate go run testdata/rooms/make.go

// Importing the room list: a file is read into a preview (the rooms as
// they will be stored, and notes on how the file was read), which the
// supervisor confirms before anything is saved.

func init() {
	RegisterMessages(map[string]string{
		"rooms.duplicate":       "Room {room} appears twice in the room list (line {line}) — remove one.",
		"rooms.empty":           "The room list has no rooms — check the file.",
		"rooms.no_header":       "The file has no header row the desk can read — add one as its first line: 房号,楼层,房型 (room, floor, type).",
		"rooms.no_room_column":  "The header row ({header}) has no room number column — name it 房号 or room.",
		"rooms.no_floor_column": "The header row ({header}) has no floor column, and the floors cannot be told from the room numbers — add a column 楼层 or floor.",
		"rooms.no_type_column":  "The header row ({header}) has no room type column — add a column 房型 or type.",
		"rooms.bad_floor":       "Line {line}: the floor “{floor}” is not a number — correct the file and import it again.",
		"rooms.no_floor":        "Line {line}: room {room} has no floor — fill it in and import the file again.",
	})
}

// RoomPreview is a room list file read and checked, not yet saved.
type RoomPreview struct {
	Name  string // the list's name
	Rooms []Room // as they will be stored
	Notes []Note // how the file was read, lines skipped
}

// Note is something the desk says about a file it read, before it is
// saved. The UI says it in the user's language from its Code ("rooms.note.<code>").
type Note struct {
	Code   string
	Params map[string]string
}

// The codes of the notes a RoomPreview holds.
const (
	NoteEncoding       = "encoding"        // {encoding}: text not in UTF-8
	NoteSheet          = "sheet"           // {sheet}: the workbook's sheet read
	NoteNoHeader       = "no_header"       // read as floor, room number, room type
	NoteFloorDerived   = "floor_derived"   // floors taken from the room numbers
	NoteTitleLine      = "title_line"      // {line}: a line above the header, skipped
	NoteRepeatedHeader = "repeated_header" // {line}: the header again, skipped
	NoteNoNumber       = "no_number"       // {line}: a line without a room number, skipped
	NoteColumnsPicked  = "columns_picked"  // read with the columns the supervisor picked
)

// RoomNoteCodes lists the note codes, for a test that every one is translated.
var RoomNoteCodes = []string{NoteEncoding, NoteSheet, NoteNoHeader, NoteFloorDerived, NoteTitleLine, NoteRepeatedHeader, NoteNoNumber, NoteColumnsPicked}

func newNote(code string, kv ...string) Note { return Note{Code: code, Params: pairs(kv)} }

// NewNote is a note of code with its parameters as key, value pairs; the
// guest list's import says its notes so.
func NewNote(code string, kv ...string) Note { return newNote(code, kv...) }

// ImportRooms replaces the room list with a table file's rooms, as
// PreviewRooms reads them, without showing a preview; supervisors only.
func (s *Service) ImportRooms(actorID, name string, r io.Reader) (RoomList, error) {
	if _, err := s.Authorize(actorID, RoleSupervisor); err != nil {
		return RoomList{}, err
	}
	p, err := s.PreviewRooms(name, r)
	if err != nil {
		return RoomList{}, err
	}
	return s.ConfirmRooms(actorID, p)
}

// PreviewRooms reads a room list file (see package tabular for the
// formats) and returns its rooms as they would be stored, saving nothing.
// Columns are found by their header, Chinese or English, in any order:
// room number, floor and room type, and optional building, section and
// status. A file without a header is read only when its columns cannot be
// mistaken: floor, room number (starting with the floor), room type, on
// every row. A refusal for which NeedsColumns holds is settled by asking
// the supervisor which column is which (RoomColumns, PreviewRoomsMapped).
// Without a floor column, the floors are taken from the room numbers when
// every number has 3 or 4 digits. A refusal names the file's line. It
// reads only the file, so the first run previews the list before its
// supervisor exists; ConfirmRooms checks who saves it.
func (s *Service) PreviewRooms(name string, r io.Reader) (RoomPreview, error) {
	if err := Required("name", name); err != nil {
		return RoomPreview{}, err
	}
	t, err := ReadTable("file", r, isRoomHeader)
	if err != nil {
		return RoomPreview{}, err
	}
	p := RoomPreview{Name: name, Notes: TableNotes(t)}
	if err := readRooms(&p, t.Rows); err != nil {
		return RoomPreview{}, err
	}
	return p, nil
}

// ConfirmRooms saves a preview's rooms as the room list; supervisors
// only. The rooms are checked again: numbers set and each once.
func (s *Service) ConfirmRooms(actorID string, p RoomPreview) (RoomList, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return RoomList{}, err
	}
	if err := FirstErr(Required("name", p.Name), checkRooms(p.Rooms)); err != nil {
		return RoomList{}, err
	}
	body := roomsBody{Name: p.Name, Rooms: p.Rooms, At: s.Now()}
	return EmitView[RoomList](s, actor, Ref(KindRooms, roomsID), TypeRoomsImported, body)
}

func checkRooms(rooms []Room) error {
	if len(rooms) == 0 {
		return Invalid("file", "rooms.empty")
	}
	seen := make(map[string]bool, len(rooms))
	for _, r := range rooms {
		if err := Required("file", strings.TrimSpace(r.Number)); err != nil {
			return err
		}
		if seen[r.Number] {
			return Invalid("file", "rooms.duplicate", "room", r.Number, "line", "?")
		}
		seen[r.Number] = true
	}
	return nil
}
