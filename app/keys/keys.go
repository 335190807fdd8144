package keys

import (
	"slices"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Keys (钥匙管理): work keys signed out to a named staff member and back in;
// every hand-over is kept, so "who held key X at T" has an answer.

const kindKey = "key"

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

// Key is a work key's view.
type Key struct {
	app.Meta `json:"meta"`
	Tag      string   `json:"tag"`
	Type     KeyType  `json:"type"`
	Areas    []string `json:"areas"`
	Desk     string   `json:"desk,omitempty"` // the board it hangs on
	// Loans holds the open loans and the latest closed ones (at most
	// keyLoansKept); the whole history is in the key's event stream, read
	// by KeyHistory and the reports. A view that kept every loan would
	// grow for years and be rewritten on every sign-out.
	Loans []KeyLoan `json:"loans,omitempty"`
	// Lost is set by a loss report; Rekey flags the locks it opens for
	// re-keying until a supervisor clears it.
	Lost     bool      `json:"lost,omitempty"`
	LostAt   time.Time `json:"lost_at,omitzero"`
	LostBy   string    `json:"lost_by,omitempty"`
	LostNote string    `json:"lost_note,omitempty"`
	Rekey    bool      `json:"rekey,omitempty"`
}

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

func init() {
	app.RegisterKind(kindKey, app.FoldWith(applyKey, app.PairClash[*Key](map[[2]string]string{
		{TypeKeyRegistered, TypeKeyRegistered}: "key.registered_twice",
		{TypeKeySignedOut, TypeKeySignedOut}:   "key.signed_out_twice",
		{TypeKeySignedOut, TypeKeyLost}:        "key.lost_and_signed_out",
		{TypeKeySignedIn, TypeKeyLost}:         "key.lost_and_returned",
	})))
	app.RegisterMessages(map[string]string{
		"key.exists":              "Key {key} is already registered — pick another tag.",
		"key.held":                "Key {key} is held by {holder} since {since} — sign it in first, or report it lost.",
		"key.lost":                "Key {key} was reported lost — a supervisor must clear the re-keying first.",
		"key.already_lost":        "Key {key} is already reported lost.",
		"key.not_out":             "Key {key} is on the board, not signed out — nothing to sign in.",
		"key.witness_required":    "Key {key} is a {type} key — a second staff member must witness the sign-out.",
		"key.witness_same":        "The witness must be someone other than {holder}.",
		"key.not_flagged":         "Key {key} has no locks flagged for re-keying.",
		"key.registered_twice":    "Key {entity} was registered at two desks at once — check the details and confirm one.",
		"key.signed_out_twice":    "Key {entity} was signed out at two desks at once (desks {desk_a} and {desk_b}) — find who has it and sign the other out again.",
		"key.lost_and_signed_out": "Key {entity} was reported lost at one desk while signed out at another — find the key.",
		"key.lost_and_returned":   "Key {entity} was reported lost at one desk while signed in at another — check the board.",
	})
}

// keyLoansKept is how many closed loans a key's view keeps for display.
const keyLoansKept = 20

func applyKey(k *Key, ev wire.Event) error {
	err := applyKeyEvent(k, ev)
	k.trimLoans(keyLoansKept)
	return err
}

// trimLoans drops the oldest closed loans beyond keep; open loans stay.
func (k *Key) trimLoans(keep int) {
	closed := 0
	for _, l := range k.Loans {
		if !l.Open() {
			closed++
		}
	}
	if closed <= keep {
		return
	}
	drop := closed - keep
	out := k.Loans[:0]
	for _, l := range k.Loans {
		if drop > 0 && !l.Open() {
			drop--
			continue
		}
		out = append(out, l)
	}
	k.Loans = out
}

// applyKeyEvent changes a key by one event, keeping every loan.
func applyKeyEvent(k *Key, ev wire.Event) error {
	switch ev.Type {
	case TypeKeyRegistered:
		b, err := app.DecodeBody[keyRegisteredBody](ev)
		k.Tag, k.Type, k.Areas, k.Desk = ev.Entity.ID, b.Type, b.Areas, b.Desk
		return err
	case TypeKeySignedOut:
		return applyKeyOut(k, ev)
	case TypeKeySignedIn:
		return applyKeyIn(k, ev)
	case TypeKeyLost:
		return applyKeyLost(k, ev)
	case TypeKeyRekeyClosed:
		k.Lost, k.Rekey = false, false
	}
	return nil
}

func applyKeyOut(k *Key, ev wire.Event) error {
	b, err := app.DecodeBody[keyOutBody](ev)
	if err != nil {
		return err
	}
	k.Loans = append(k.Loans, KeyLoan{ID: ev.ID, Holder: b.Holder, Purpose: b.Purpose,
		Witness: b.Witness, Out: b.At, Due: b.Due, OutBy: ev.Actor, OutDesk: b.Desk})
	return nil
}

// applyKeyIn closes the loan the signer saw (no loan: the latest open
// one); a second sign-in of the same loan (two desks) changes nothing.
func applyKeyIn(k *Key, ev wire.Event) error {
	b, err := app.DecodeBody[keyInBody](ev)
	if err != nil {
		return err
	}
	for i := len(k.Loans) - 1; i >= 0; i-- {
		l := &k.Loans[i]
		if l.Open() && (l.ID == b.Loan || b.Loan == "") {
			l.In, l.InBy, l.InDesk = b.At, ev.Actor, b.Desk
			return nil
		}
	}
	return nil
}

func applyKeyLost(k *Key, ev wire.Event) error {
	b, err := app.DecodeBody[keyNoteBody](ev)
	if err != nil {
		return err
	}
	k.Lost, k.Rekey, k.LostAt, k.LostBy, k.LostNote = true, true, b.At, ev.Actor, b.Note
	for i := range k.Loans {
		if k.Loans[i].Open() {
			k.Loans[i].Lost, k.Loans[i].LostAt = true, b.At
		}
	}
	return nil
}

// NewKey is the input for registering a key.
type NewKey struct {
	Tag   string
	Type  KeyType
	Areas []string
	Desk  string // desk code of the board; optional
}

// RegisterKey adds a key to the register; supervisors only.
func (s *KeyRegister) RegisterKey(actorID string, in NewKey) (Key, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleSupervisor)
	if err != nil {
		return Key{}, err
	}
	in.Tag = strings.TrimSpace(in.Tag)
	if err := s.checkNewKey(in); err != nil {
		return Key{}, err
	}
	body := keyRegisteredBody{Type: in.Type, Areas: in.Areas, Desk: in.Desk, At: s.Now()}
	if _, err := s.Emit(actor, app.Ref(kindKey, in.Tag), TypeKeyRegistered, body); err != nil {
		return Key{}, err
	}
	return s.Key(in.Tag)
}

func (s *KeyRegister) checkNewKey(in NewKey) error {
	err := app.FirstErr(app.Required("tag", in.Tag), app.MaxLen("tag", in.Tag, 30),
		app.Choice("type", string(in.Type), keyTypes...))
	if err != nil {
		return err
	}
	if in.Desk != "" {
		if err := s.CheckDesk("desk", in.Desk); err != nil {
			return err
		}
	}
	ok, err := s.Exists(kindKey, in.Tag)
	if err != nil {
		return err
	}
	if ok {
		return app.Conflicting("key.exists", "key", in.Tag)
	}
	return nil
}

// Key returns one key; ErrNotFound when not registered.
func (s *KeyRegister) Key(tag string) (Key, error) { return app.LoadView[Key](s.Service, kindKey, tag) }

// Keys lists the register by tag.
func (s *KeyRegister) Keys() ([]Key, error) { return app.ListViews[Key](s.Service, kindKey, nil) }

// KeySignOut is the input for signing a key out.
type KeySignOut struct {
	Tag        string
	Holder     string // staff ID
	Purpose    string
	Due        time.Time
	Witness    string // staff ID; required for floor master and emergency keys
	WitnessPIN string
}

// SignOutKey signs a key out to a staff member. Refusals: the key is held
// (ErrConflict "key.held") or lost; the holder is unknown or disabled; a
// master or emergency key without a witness other than the holder, or
// with a wrong witness PIN.
func (s *KeyRegister) SignOutKey(actorID string, in KeySignOut) (Key, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Key{}, err
	}
	k, err := s.Key(in.Tag)
	if err != nil {
		return Key{}, err
	}
	if err := s.checkSignOut(k, in); err != nil {
		return Key{}, err
	}
	body := keyOutBody{Holder: in.Holder, Purpose: strings.TrimSpace(in.Purpose), Witness: in.Witness,
		Due: in.Due.UTC(), Desk: s.Desk(), At: s.Now()}
	if _, err := s.Emit(actor, app.Ref(kindKey, k.Tag), TypeKeySignedOut, body); err != nil {
		return Key{}, err
	}
	return s.Key(k.Tag)
}

func (s *KeyRegister) checkSignOut(k Key, in KeySignOut) error {
	if err := s.keyAvailable(k); err != nil {
		return err
	}
	if _, err := s.ActiveStaff("holder", in.Holder); err != nil {
		return err
	}
	if err := app.FirstErr(app.Required("purpose", in.Purpose), app.MaxLen("purpose", in.Purpose, 200),
		s.dueAfterNow("due", in.Due)); err != nil {
		return err
	}
	return s.checkWitness(k, in)
}

func (s *KeyRegister) keyAvailable(k Key) error {
	if k.Lost {
		return app.Conflicting("key.lost", "key", k.Tag)
	}
	if l, out := k.Current(); out {
		return app.Conflicting("key.held", "key", k.Tag, "holder", s.StaffName(l.Holder), "since", s.ClockText(l.Out))
	}
	return nil
}

func (s *KeyRegister) checkWitness(k Key, in KeySignOut) error {
	if !k.Type.NeedsWitness() {
		return nil
	}
	if in.Witness == "" {
		return app.Invalid("witness", "key.witness_required", "key", k.Tag, "type", string(k.Type))
	}
	if in.Witness == in.Holder {
		return app.Invalid("witness", "key.witness_same", "holder", s.StaffName(in.Holder))
	}
	_, err := s.CheckPIN(in.Witness, in.WitnessPIN)
	return err
}

func (s *KeyRegister) dueAfterNow(field string, due time.Time) error {
	if due.IsZero() {
		return app.Invalid(field, "field.required")
	}
	return app.After(field, due, s.Now(), s.ClockText(s.Now()))
}

// SignInKey signs a key back in. Anyone on duty may take it back; who did
// is recorded (see SignInsByOthers). ErrConflict "key.not_out" when on the
// board. With two open loans (a conflict) it closes the latest.
func (s *KeyRegister) SignInKey(actorID, tag string) (Key, error) {
	return s.keyStep(actorID, app.RoleAttendant, tag, TypeKeySignedIn, func(k Key) (any, error) {
		l, out := k.Current()
		if !out {
			return nil, app.Conflicting("key.not_out", "key", tag)
		}
		return keyInBody{Loan: l.ID, Desk: s.Desk(), At: s.Now()}, nil
	})
}

// ReportKeyLost records a lost key: an incident that flags its locks for
// re-keying until a supervisor clears them.
func (s *KeyRegister) ReportKeyLost(actorID, tag, note string) (Key, error) {
	return s.keyStep(actorID, app.RoleAttendant, tag, TypeKeyLost, func(k Key) (any, error) {
		if k.Lost {
			return nil, app.Conflicting("key.already_lost", "key", tag)
		}
		if err := app.FirstErr(app.Required("note", note), app.MaxLen("note", note, 500)); err != nil {
			return nil, err
		}
		return keyNoteBody{Note: note, At: s.Now()}, nil
	})
}

// ClearRekey records that the locks of a lost key were re-keyed (or the key
// was found) and puts the key back in service; supervisors only.
func (s *KeyRegister) ClearRekey(actorID, tag, note string) (Key, error) {
	return s.keyStep(actorID, app.RoleSupervisor, tag, TypeKeyRekeyClosed, func(k Key) (any, error) {
		if !k.Rekey {
			return nil, app.Conflicting("key.not_flagged", "key", tag)
		}
		return keyNoteBody{Note: note, At: s.Now()}, nil
	})
}

// keyStep runs one command on an existing key: the role check, the key's
// current view, the command's own checks that build the event body (or
// refuse), the event, and the key as it is after it.
func (s *KeyRegister) keyStep(actorID string, role app.Role, tag, typ string, body func(Key) (any, error)) (Key, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, role)
	if err != nil {
		return Key{}, err
	}
	k, err := s.Key(tag)
	if err != nil {
		return Key{}, err
	}
	b, err := body(k)
	if err != nil {
		return Key{}, err
	}
	if _, err := s.Emit(actor, app.Ref(kindKey, tag), typ, b); err != nil {
		return Key{}, err
	}
	return s.Key(tag)
}

// KeyOut is a key that is out, with its loan.
type KeyOut struct {
	Tag  string
	Type KeyType
	KeyLoan
	Overdue bool
}

// KeysOut lists every open loan, by tag.
func (s *KeyRegister) KeysOut() ([]KeyOut, error) {
	keys, err := s.Keys()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	var out []KeyOut
	for _, k := range keys {
		for _, l := range k.OpenLoans() {
			out = append(out, KeyOut{Tag: k.Tag, Type: k.Type, KeyLoan: l, Overdue: now.After(l.Due)})
		}
	}
	return out, nil
}

// OverdueKeys lists keys not back by their due time, most overdue first.
func (s *KeyRegister) OverdueKeys() ([]KeyOut, error) {
	out, err := s.KeysOut()
	if err != nil {
		return nil, err
	}
	out = slices.DeleteFunc(out, func(k KeyOut) bool { return !k.Overdue })
	slices.SortStableFunc(out, func(a, b KeyOut) int { return a.Due.Compare(b.Due) })
	return out, nil
}

// KeysForRekey lists lost keys whose locks wait for re-keying.
func (s *KeyRegister) KeysForRekey() ([]Key, error) {
	return app.ListViews(s.Service, kindKey, func(k *Key) bool { return k.Rekey })
}

// KeyHolderAt answers "who held key X at time T": the loans covering t
// (two only after a conflict). ErrNotFound for an unknown key; an empty
// list when the key was on the board.
func (s *KeyRegister) KeyHolderAt(tag string, t time.Time) ([]KeyLoan, error) {
	loans, err := s.KeyHistory(tag)
	if err != nil {
		return nil, err
	}
	var out []KeyLoan
	for _, l := range loans {
		if l.Held(t) {
			out = append(out, l)
		}
	}
	return out, nil
}

// HandoverKey is a work key not on the board.
type HandoverKey struct {
	Tag    string    `json:"tag"`
	Holder string    `json:"holder"`
	Since  time.Time `json:"since"`
	DueAt  time.Time `json:"due_at,omitzero"`
}

// deskKey reports whether key k hangs on desk's board; a key registered
// without a desk hangs on every board.
func deskKey(k *Key, desk string) bool { return k.Desk == desk || k.Desk == "" }

// handoverKeys lists the keys of desk's board that are signed out, and
// keys signed out at desk, by tag.
func (s *KeyRegister) handoverKeys(desk string) ([]HandoverKey, error) {
	keys, err := s.Keys()
	var out []HandoverKey
	for i := range keys {
		k := &keys[i]
		for _, l := range k.OpenLoans() {
			if deskKey(k, desk) || l.OutDesk == desk {
				out = append(out, HandoverKey{Tag: k.Tag, Holder: s.StaffName(l.Holder), Since: l.Out, DueAt: l.Due})
			}
		}
	}
	return out, err
}
