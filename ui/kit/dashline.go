package kit

import "fyne.io/fyne/v2/lang"

// RoomTitle is a dashboard line's title for a record of a room: "1203 ·
// two more bath towels".
func RoomTitle(room, what string) string {
	return lang.L("dash.room_title", map[string]string{"Room": room, "What": what})
}
