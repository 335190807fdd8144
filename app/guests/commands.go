package guests

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
	"floordesk/tabular"
)

func init() {
	app.RegisterMessages(map[string]string{
		"guests.empty":           "The guest list has no guests — check the file.",
		"guests.no_header":       "The file has no header row the desk can read — export the in-house list with its header: 房号,客人姓名,到店日期,离店日期,VIP.",
		"guests.no_departure":    "The header row ({header}) has no departure column — name it 离店日期 or departure.",
		"guests.too_many":        "The guest list has more than {max} guests — export the in-house guests only.",
		"guests.too_large":       "The guest list is too large to send to every desk — export the in-house guests only, without long remarks.",
		"guests.ambiguous_dates": "The date {date} can be read as day/month or month/day, and no date in the file tells which — export the list with dates as 2026-12-06.",
		"guests.mixed_dates":     "The file writes dates both day first ({date}) and month first ({other}) — export the list again with dates as 2026-12-06.",
	})
}

// The codes of the notes a Preview holds ("guests.note.<code>" in the
// translations); those with a {line} say a line was skipped and why.
const (
	NoteEncoding       = app.NoteEncoding       // {encoding}
	NoteSheet          = app.NoteSheet          // {sheet}
	NoteTitleLine      = app.NoteTitleLine      // {line}
	NoteRepeatedHeader = app.NoteRepeatedHeader // {line}
	NoteNoRoom         = "no_room"              // {line}
	NoteUnknownRoom    = "unknown_room"         // {line} {room}
	NoteBadDate        = "bad_date"             // {line} {date}
	NoteNoDeparture    = "no_departure"         // {line}
	NoteBeforeArrival  = "before_arrival"       // {line}: leaves before arriving
	NoteDuplicate      = "duplicate"            // {line}: the same guest twice
	NoteDayFirst       = "day_first"            // {date}: 05/06/2026 read as 5 June
	NoteMonthFirst     = "month_first"          // {date}: 06/05/2026 read as 5 June
	NoteColumnsPicked  = app.NoteColumnsPicked  // read with the columns the supervisor picked
)

// NoteCodes lists the note codes, for a test that every one is translated.
var NoteCodes = []string{NoteEncoding, NoteSheet, NoteTitleLine, NoteRepeatedHeader, NoteNoRoom, NoteUnknownRoom,
	NoteBadDate, NoteNoDeparture, NoteBeforeArrival, NoteDuplicate, NoteDayFirst, NoteMonthFirst, NoteColumnsPicked}

// Preview is a guest list file read and checked, not yet saved.
type Preview struct {
	File   string
	Guests []Guest    // as they will be stored, in the file's order
	Notes  []app.Note // how the file was read, lines skipped and why
}

// Rooms counts the rooms the guests are in.
func (p Preview) Rooms() int { return len(roomsOf(p.Guests, "")) }

// DepartingOn lists the rooms with a guest leaving on day (DateLayout),
// in order.
func (p Preview) DepartingOn(day string) []string { return roomsOf(p.Guests, day) }

// roomsOf lists the rooms of guests, of those leaving on day when day is
// set, sorted and each once.
func roomsOf(guests []Guest, day string) []string {
	var rooms []string
	for _, g := range guests {
		if day == "" || g.Departure == day {
			rooms = append(rooms, g.Room)
		}
	}
	slices.Sort(rooms)
	return slices.Compact(rooms)
}

// PreviewGuests reads a guest list file as the PMS exports it (see
// package tabular for the formats) and returns its guests as they would
// be stored, saving nothing. Columns are found by their header, Chinese
// or English, in any order: room and departure, and optional guest name,
// arrival and VIP. Room numbers are written as the room list writes them
// (801 is 0801); a line whose room is not on the list, or without a
// room or a readable departure, is skipped with a note saying why.
// Dates with the year last (05/06/2026) are read in the order the file's
// other dates show (a day over 12); when none does, the file is refused
// rather than read one way by guess. Supervisors only.
func (s *GuestRegister) PreviewGuests(actorID, file string, r io.Reader) (Preview, error) {
	t, err := s.readFile(actorID, file, r)
	if err != nil {
		return Preview{}, err
	}
	lookup, err := s.RoomLookup()
	if err != nil {
		return Preview{}, err
	}
	p := Preview{File: file, Notes: app.TableNotes(t)}
	if err := readGuests(&p, t.Rows, lookup); err != nil {
		return Preview{}, err
	}
	return p, checkGuests(p.Guests)
}

// readFile reads a guest list file's table, for a supervisor.
func (s *GuestRegister) readFile(actorID, file string, r io.Reader) (*tabular.Table, error) {
	if _, err := s.Authorize(actorID, app.RoleSupervisor); err != nil {
		return nil, err
	}
	if err := app.Required("file", file); err != nil {
		return nil, err
	}
	return app.ReadTable("file", r, isHeader)
}

// headerRows is how far down a file its header row is looked for.
const headerRows = 5

// readGuests reads the rows under the header into the preview.
func readGuests(p *Preview, rows []tabular.Row, lookup func(string) (string, bool)) error {
	cols, start, err := findHeader(p, rows)
	if err != nil {
		return err
	}
	return readGuestRows(p, rows, cols, start, lookup)
}

// readGuestRows reads the rows from start on with the columns cols; the
// row above start, when there is one, is the header (repeated lower
// down, it is skipped).
func readGuestRows(p *Preview, rows []tabular.Row, cols [columns]int, start int, lookup func(string) (string, bool)) error {
	var header []string
	if start > 0 {
		header = rows[start-1].Cells
	}
	order, err := orderOf(dateCells(rows[start:], cols))
	if err != nil {
		return err
	}
	seen := map[Guest]bool{}
	for _, row := range rows[start:] {
		if start > 0 && slices.Equal(row.Cells, header) {
			p.Notes = append(p.Notes, app.NewNote(NoteRepeatedHeader, "line", strconv.Itoa(row.Line)))
			continue
		}
		g, note := readGuest(row, cols, order, lookup)
		switch {
		case note.Code != "":
			p.Notes = append(p.Notes, note)
		case seen[g]:
			p.Notes = append(p.Notes, app.NewNote(NoteDuplicate, "line", strconv.Itoa(row.Line)))
		default:
			seen[g] = true
			p.Guests = append(p.Guests, g)
		}
	}
	p.Notes = append(p.Notes, orderNote(order, rows[start:], cols)...)
	return nil
}

// findHeader finds the header among the first rows (rows above it are
// titles, noted) and returns the columns and the first row of guests.
func findHeader(p *Preview, rows []tabular.Row) (cols [columns]int, start int, err error) {
	for i, row := range rows[:min(len(rows), headerRows)] {
		if !isHeader(row.Cells) {
			continue
		}
		cols, _ = headerColumns(row.Cells)
		if cols[colDeparture] < 0 {
			return cols, 0, app.Invalid("file", "guests.no_departure", "header", strings.Join(row.Cells, ","))
		}
		for _, title := range rows[:i] {
			p.Notes = append(p.Notes, app.NewNote(NoteTitleLine, "line", strconv.Itoa(title.Line)))
		}
		return cols, i + 1, nil
	}
	if len(rows) == 0 {
		return cols, 0, app.Invalid("file", "guests.empty")
	}
	return cols, 0, app.Invalid("file", "guests.no_header")
}

// dateCells lists the rows' arrival and departure cells.
func dateCells(rows []tabular.Row, cols [columns]int) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Cell(cols[colArrival]), r.Cell(cols[colDeparture]))
	}
	return out
}

// orderNote says how dates with the year last were read, with the first
// such date as the example.
func orderNote(order dateOrder, rows []tabular.Row, cols [columns]int) []app.Note {
	if order == orderUnknown {
		return nil
	}
	for _, d := range dateCells(rows, cols) {
		if yearLast.MatchString(dateOnly(d)) {
			iso, _ := parseDate(d, order)
			code := NoteDayFirst
			if order == monthFirst {
				code = NoteMonthFirst
			}
			return []app.Note{app.NewNote(code, "date", d, "iso", iso)}
		}
	}
	return nil
}

// readGuest reads one row: the guest, or the note saying why the line is
// skipped.
func readGuest(row tabular.Row, cols [columns]int, order dateOrder, lookup func(string) (string, bool)) (Guest, app.Note) {
	line := strconv.Itoa(row.Line)
	cell := func(c column) string { return row.Cell(cols[c]) }
	room := cell(colRoom)
	if room == "" {
		return Guest{}, app.NewNote(NoteNoRoom, "line", line)
	}
	listed, ok := lookup(room)
	if !ok {
		return Guest{}, app.NewNote(NoteUnknownRoom, "line", line, "room", room)
	}
	g := Guest{Room: listed, Name: cutName(cell(colName)), VIP: isVIP(cell(colVIP))}
	dep := cell(colDeparture)
	if dep == "" {
		return Guest{}, app.NewNote(NoteNoDeparture, "line", line)
	}
	if g.Departure, ok = parseDate(dep, order); !ok {
		return Guest{}, app.NewNote(NoteBadDate, "line", line, "date", dep)
	}
	if arr := cell(colArrival); arr != "" {
		if g.Arrival, ok = parseDate(arr, order); !ok {
			return Guest{}, app.NewNote(NoteBadDate, "line", line, "date", arr)
		}
	}
	if g.Arrival > g.Departure {
		return Guest{}, app.NewNote(NoteBeforeArrival, "line", line)
	}
	return g, app.Note{}
}

// cutName keeps a name's first MaxNameRunes characters, its spaces
// folded.
func cutName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if utf8.RuneCountInString(name) <= MaxNameRunes {
		return name
	}
	return string([]rune(name)[:MaxNameRunes])
}

// checkGuests refuses an empty list and one past the limits.
func checkGuests(guests []Guest) error {
	switch {
	case len(guests) == 0:
		return app.Invalid("file", "guests.empty")
	case len(guests) > MaxGuests:
		return app.Invalid("file", "guests.too_many", "max", strconv.Itoa(MaxGuests))
	}
	return nil
}

// ConfirmGuests replaces the in-house list with a preview's guests, as
// one event every desk receives; supervisors only. The guests are
// checked again: some, at most MaxGuests, rooms and departures set, and
// the whole list within an event's body.
func (s *GuestRegister) ConfirmGuests(actorID string, p Preview) (List, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleSupervisor)
	if err != nil {
		return List{}, err
	}
	if err := checkGuests(p.Guests); err != nil {
		return List{}, err
	}
	for _, g := range p.Guests {
		if err := app.FirstErr(app.Required("file", g.Room), app.Required("file", g.Departure)); err != nil {
			return List{}, err
		}
	}
	body := Imported{File: p.File, At: s.Now(), Guests: p.Guests}
	evs, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindGuests, ListID), TypeGuestsImported, body, "guests")
	if err != nil {
		return List{}, err
	}
	if len(evs[1].Body) > wire.MaxBodyBytes {
		return List{}, app.Invalid("file", "guests.too_large")
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return List{}, fmt.Errorf("save %s: %w", TypeGuestsImported, app.StoreRefusal(err))
	}
	return app.LoadView[List](s.Service, KindGuests, ListID)
}

// ImportGuests previews and saves a file at once, for tests and tools.
func (s *GuestRegister) ImportGuests(actorID, file string, r io.Reader) (List, error) {
	p, err := s.PreviewGuests(actorID, file, r)
	if err != nil {
		return List{}, err
	}
	return s.ConfirmGuests(actorID, p)
}
