package messages

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// The messages' indexes: by status (waiting ones for the dashboard and
// the handover), a room's messages, and messages by the time they were
// taken, so each list reads its messages and not every message.
const (
	roomIndex  = "messages.room"
	takenIndex = "messages.taken"
)

func init() {
	app.IndexStatus(KindMessage, func(m *Message) string { return string(m.Status) })
	app.RegisterIndex(KindMessage, historyIndex)
	app.RegisterIndexVersion(KindMessage, "2") // 2: filed for the personal-data housekeeping
}

func historyIndex(m *Message) []wire.IndexEntry {
	var out []wire.IndexEntry
	if m.Room != "" {
		out = append(out, wire.IndexEntry{Name: roomIndex, Key: []byte(m.Room)})
	}
	if !m.TakenAt.IsZero() {
		out = append(out, wire.IndexEntry{Name: takenIndex, Key: app.TimeKey(m.TakenAt)})
	}
	return out
}
