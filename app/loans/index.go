package loans

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// The loans' own indexes, besides status and what is out (outIndex): a
// room's loans, a room's open loans, and loans by the time they were
// opened, so a room's history, what to collect from a departing room and
// a month's report read their loans and not every loan.
const (
	roomIndex     = "loans.room"
	openRoomIndex = "loans.open_room"
	openedIndex   = "loans.opened"
)

func init() {
	app.RegisterIndex(KindLoan, historyIndex)
	app.RegisterIndexVersion(KindLoan, "5") // 3: filed for the personal-data housekeeping; 4: the word index (search.go); 5: outIndex's keys without JSON
}

func historyIndex(l *Loan) []wire.IndexEntry {
	var out []wire.IndexEntry
	if l.Room != "" {
		out = append(out, wire.IndexEntry{Name: roomIndex, Key: []byte(l.Room)})
	}
	if l.Room != "" && l.IsOpen() {
		out = append(out, wire.IndexEntry{Name: openRoomIndex, Key: []byte(l.Room)})
	}
	if !l.OpenedAt.IsZero() {
		out = append(out, wire.IndexEntry{Name: openedIndex, Key: app.TimeKey(l.OpenedAt)})
	}
	return out
}
