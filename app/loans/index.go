package loans

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// The loans' own indexes, besides status and what is out (outIndex): a
// room's loans, and loans by the time they were opened, so a room's
// history and a month's report read their loans and not every loan.
const (
	roomIndex   = "loans.room"
	openedIndex = "loans.opened"
)

func init() {
	app.RegisterIndex(KindLoan, historyIndex)
	app.RegisterIndexVersion(KindLoan, "1")
}

func historyIndex(l *Loan) []wire.IndexEntry {
	var out []wire.IndexEntry
	if l.Room != "" {
		out = append(out, wire.IndexEntry{Name: roomIndex, Key: []byte(l.Room)})
	}
	if !l.OpenedAt.IsZero() {
		out = append(out, wire.IndexEntry{Name: openedIndex, Key: app.TimeKey(l.OpenedAt)})
	}
	return out
}
