package keys

import (
	"time"

	"floordesk/app"
)

// Keys (钥匙管理): work keys signed out to a named staff member and back in;
// every hand-over is kept, so "who held key X at T" has an answer.

const KindKey = "key"

// KeyType is the kind of work key.
type KeyType string

// Key types. Floor masters and the emergency key need a witness.
const (
	KeyFloorMaster KeyType = "floor_master"
	KeySection     KeyType = "section"
	KeyStoreRoom   KeyType = "store_room"
	KeyEmergency   KeyType = "emergency"
	KeyOther       KeyType = "other"
)

var keyTypes = []string{string(KeyFloorMaster), string(KeySection), string(KeyStoreRoom), string(KeyEmergency), string(KeyOther)}

// NeedsWitness reports whether signing out a key of this type needs a
// second person.
func (t KeyType) NeedsWitness() bool { return t == KeyFloorMaster || t == KeyEmergency }

// Key event types.
const (
	TypeKeyRegistered  = "key.registered"
	TypeKeySignedOut   = "key.signed_out"
	TypeKeySignedIn    = "key.signed_in"
	TypeKeyLost        = "key.reported_lost"
	TypeKeyRekeyClosed = "key.rekey_cleared"
)

// KeyLoan is one sign-out of a key, and its sign-in once back. ID is the
// sign-out event's ID.
type KeyLoan struct {
	ID      string    `json:"id"`
	Holder  string    `json:"holder"`
	Purpose string    `json:"purpose"`
	Witness string    `json:"witness,omitempty"`
	Out     time.Time `json:"out"`
	Due     time.Time `json:"due"`
	OutBy   string    `json:"out_by"`
	OutDesk string    `json:"out_desk"`
	In      time.Time `json:"in,omitzero"`
	InBy    string    `json:"in_by,omitempty"`
	InDesk  string    `json:"in_desk,omitempty"`
	Lost    bool      `json:"lost,omitempty"`
	LostAt  time.Time `json:"lost_at,omitzero"`
}

// LateAt tells whether the key is not back by its due time at now.
func (l *KeyLoan) LateAt(now time.Time) bool { return now.After(l.Due) }

// Open reports whether the key is still out on this loan.
func (l KeyLoan) Open() bool { return l.In.IsZero() && !l.Lost }

// Held reports whether l covers time t.
func (l KeyLoan) Held(t time.Time) bool {
	end := l.In
	if l.Lost {
		end = l.LostAt
	}
	return !t.Before(l.Out) && (end.IsZero() || t.Before(end))
}

// OpenLoans lists the loans still out: one normally, two after the key was
// signed out at two desks offline.
func (k *Key) OpenLoans() []KeyLoan {
	var out []KeyLoan
	for _, l := range k.Loans {
		if l.Open() {
			out = append(out, l)
		}
	}
	return out
}

// Current returns the latest open loan, or false when on the board.
func (k *Key) Current() (KeyLoan, bool) {
	open := k.OpenLoans()
	if len(open) == 0 {
		return KeyLoan{}, false
	}
	return open[len(open)-1], true
}

type keyRegisteredBody struct {
	Type  KeyType   `json:"type"`
	Areas []string  `json:"areas"`
	Desk  string    `json:"desk,omitempty"`
	At    time.Time `json:"at"`
}

type keyOutBody struct {
	Holder  string    `json:"holder"`
	Purpose string    `json:"purpose"`
	Witness string    `json:"witness,omitempty"`
	Due     time.Time `json:"due"`
	Desk    string    `json:"desk"`
	At      time.Time `json:"at"`
}

type keyInBody struct {
	Loan string    `json:"loan"`
	Desk string    `json:"desk"`
	At   time.Time `json:"at"`
}

type keyNoteBody struct {
	Note string    `json:"note,omitempty"`
	At   time.Time `json:"at"`
}

// Key returns one key; ErrNotFound when not registered.
func (s *KeyRegister) Key(tag string) (Key, error) { return app.LoadView[Key](s.Service, KindKey, tag) }
