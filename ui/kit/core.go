package kit

import (
	"io"
	"time"

	"floordesk/app"
)

// Core is what the shell, kit and the supervisor's tabs need of the desk's
// core service (*app.Service): staff and signing in, the hotel set-up,
// conflicts, this PC's settings and desk code, the hotel's time zone. A
// register's screens get their register from main instead.
type Core interface {
	AddStaff(actorID string, in app.NewStaff) (app.Staff, error)
	ChangeSettings(actorID string, c app.HotelChange) (app.Hotel, error)
	Conflicts() ([]app.EntityConflict, error)
	Desk() string
	Desks() ([]app.Desk, error)
	DisableStaff(actorID, staffID, reason string) error
	EnableStaff(actorID, staffID string) error
	FirstSupervisor(in app.NewStaff) (app.Staff, error)
	HasStaff() (bool, error)
	ImportRooms(actorID, name string, r io.Reader) (app.RoomList, error)
	PreviewRooms(name string, r io.Reader) (app.RoomPreview, error)
	ConfirmRooms(actorID string, p app.RoomPreview) (app.RoomList, error)
	RoomColumns(r io.Reader) (app.ColumnSample, error)
	PreviewRoomsMapped(name string, r io.Reader, m app.RoomMapping) (app.RoomPreview, error)
	ItemTypeByCode(code string) (app.ItemType, error)
	ItemTypes() ([]app.ItemType, error)
	LocalSetting(name string) (string, error)
	Login(staffID, pin string) (app.Staff, error)
	ResetPIN(actorID, staffID, newPIN string) error
	ResolveConflict(actorID, kind, id, conflictID, note string) error
	Rooms() (app.RoomList, error)
	SetDesk(actorID, code, name string, floors []int) (app.Desk, error)
	SetRoom(actorID string, r app.Room) (app.RoomList, error)
	SetItemType(actorID string, in app.ItemTypeInput) (app.ItemType, error)
	SetLocalSetting(name, value string) error
	Settings() (app.Hotel, error)
	StaffList(withDisabled bool) ([]app.Staff, error)
	StaffMember(id string) (app.Staff, error)
	UpdateStaff(actorID, staffID, department string, role app.Role, shift string) error
	ConfiguredDesk() string
	ConfigureDesk(code string)
	Loc() *time.Location
	Now() time.Time
}

var _ Core = (*app.Service)(nil)
