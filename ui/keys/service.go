package keys

import (
	"time"

	"floordesk/app"
	appkeys "floordesk/app/keys"
)

// Service is what the keys screens need of the desk: their register's
// commands and queries and the core's they read beside them. main gives
// the register itself (it embeds the core service).
type Service interface {
	ClearRekey(actorID, tag, note string) (appkeys.Key, error)
	CountKeys(actorID string, counted int, present []string) (appkeys.KeyCount, error)
	DoorOpenings(from, to time.Time, room string) ([]appkeys.DoorOpening, error)
	Key(tag string) (appkeys.Key, error)
	KeyHistory(tag string) ([]appkeys.KeyLoan, error)
	KeyHolderAt(tag string, t time.Time) ([]appkeys.KeyLoan, error)
	KeyLoansOut(from, to time.Time) ([]appkeys.KeyLoanOf, error)
	Keys() ([]appkeys.Key, error)
	KeysOut() ([]appkeys.KeyOut, error)
	KeysOutAt(desk string) ([]appkeys.KeyOut, error)
	OpenDoor(actorID string, in appkeys.DoorOpeningInput) (appkeys.DoorOpening, error)
	ReportKeyLost(actorID, tag, note string) (appkeys.Key, error)
	SignInKey(actorID, tag string) (appkeys.Key, error)
	SignInsByOthers(from, to time.Time) ([]appkeys.KeyLoanOf, error)
	SignOutKey(actorID string, in appkeys.KeySignOut) (appkeys.Key, error)
	SignOutsOutsideShift(from, to time.Time) ([]appkeys.KeyLoanOf, error)
	StaffKeyHistory(staffID string) ([]appkeys.KeyLoanOf, error)
	StaffList(withDisabled bool) ([]app.Staff, error)
}

var _ Service = (*appkeys.KeyRegister)(nil)
