package kit

import (
	"floordesk/app"
	appattendance "floordesk/app/attendance"
	appfound "floordesk/app/found"
	apphandover "floordesk/app/handover"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	appmessages "floordesk/app/messages"
	apprequests "floordesk/app/requests"
)

// Record kinds, for Session.Open, Screen.Show and the refs a Refresh is
// given: the domain's entity kinds, each named once, where its register
// (or the core) defines it.
const (
	KindRequest    = apprequests.KindRequest
	KindLoan       = apploans.KindLoan
	KindHandover   = apphandover.KindHandover
	KindKey        = appkeys.KindKey
	KindDoor       = appkeys.KindDoor
	KindFound      = appfound.KindFound
	KindLostReport = appfound.KindLostReport
	KindMessage    = appmessages.KindMessage
	KindAttendance = appattendance.KindAttendance
	KindStaff      = app.KindStaff
	KindItemType   = app.KindItemType
	// KindHotel is the hotel settings (departments, shifts, the follow-up
	// interval), KindRooms the room list, KindDesk one service desk.
	KindHotel = app.KindHotel
	KindRooms = app.KindRooms
	KindDesk  = app.KindDesk
)

// KindAssetTag is no entity kind: Screen.Show(KindAssetTag, tag) opens the
// open loan that has the lent item with asset tag tag (a scanned
// hair dryer's label); the loans screen answers it.
const KindAssetTag = "asset-tag"

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
	{KindMessage, "supervisor.kind.message"},
	{KindAttendance, "supervisor.kind.attendance"},
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
