package kit

import "floordesk/app"

// Record kinds, for Session.Open, Screen.Show and the refs a Refresh is
// given. They are the domain's entity kinds: where app exports a kind's
// name, kit uses it, so that each kind's string is written once.
const (
	KindRequest  = app.KindRequest
	KindLoan     = app.KindLoan
	KindHandover = app.KindHandover
)

// The entity kinds whose names app keeps to itself. The strings are the
// ones app folds; a test checks each against app.Fold, so that a renamed
// kind fails there and not on a desk.
const (
	KindKey        = "key"
	KindFound      = "found"
	KindLostReport = "lostreport"
	KindStaff      = "staff"
	KindDoor       = "door"
	KindItemType   = "itemtype"
	// KindHotel is the hotel settings (departments, shifts, the follow-up
	// interval), KindRooms the room list, KindDesk one service desk.
	KindHotel = "hotel"
	KindRooms = "rooms"
	KindDesk  = "desk"
)

// KindConflict is no entity kind: Session.Open("conflict", "kind/entityID")
// opens the conflicts list at the entity's conflict.
const KindConflict = "conflict"

// kinds is what the desk shows of each entity kind: the translation key of
// its name. Kinds without a name here (hotel, rooms) are shown by their
// string.
var kinds = []struct{ kind, name string }{
	{KindRequest, "supervisor.kind.request"},
	{KindLoan, "supervisor.kind.loan"},
	{KindHandover, "supervisor.kind.handover"},
	{KindKey, "supervisor.kind.key"},
	{KindFound, "supervisor.kind.found"},
	{KindLostReport, "supervisor.kind.lostreport"},
	{KindStaff, "supervisor.kind.staff"},
	{KindDoor, "supervisor.kind.door"},
	{KindItemType, "supervisor.kind.itemtype"},
	{KindHotel, ""},
	{KindRooms, ""},
	{KindDesk, "supervisor.kind.desk"},
}

// KindName is a kind's name in the user's language ("Key", "钥匙"), or the
// kind itself when it has none.
func KindName(kind string) string {
	for _, k := range kinds {
		if k.kind == kind && k.name != "" {
			return X(k.name, kind)
		}
	}
	return kind
}
