package messages

import (
	appmessages "floordesk/app/messages"
	"floordesk/export"
	"floordesk/ui/kit"
)

// columns are the messages list's export: what a row shows, one column
// each (names masked for attendants as in the list), with when it was
// taken and by whom.
func (sc *Screen) columns() []kit.Column[appmessages.Message] {
	text := func(f func(appmessages.Message) string) func(appmessages.Message) export.Cell {
		return func(m appmessages.Message) export.Cell { return kit.Text(f(m)) }
	}
	return []kit.Column[appmessages.Message]{
		{Head: "messages.col_taken", Cell: func(m appmessages.Message) export.Cell { return kit.Time(m.TakenAt) }},
		{Head: "messages.room", Cell: text(func(m appmessages.Message) string { return m.Where() })},
		{Head: "messages.guest", Cell: text(func(m appmessages.Message) string { return kit.ListedPersonal(m.Guest, m.Personal) })},
		{Head: "messages.from", Cell: text(func(m appmessages.Message) string {
			return who(m.Direction, kit.ListedPersonal(m.From, m.Personal), kit.GuestName(m.Visitor))
		})},
		{Head: "messages.text", Cell: text(func(m appmessages.Message) string { return m.Text })},
		{Head: "messages.col_status", Cell: text(func(m appmessages.Message) string { note, _ := sc.statusNote(m); return note })},
		{Head: "messages.col_taken_by", Cell: text(func(m appmessages.Message) string { return sc.staff.Name(m.TakenBy) })},
	}
}
