package keys

import (
	"strings"
	"time"

	"floordesk/app"
)

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
	return app.EmitView[Key](s.Service, actor, app.Ref(KindKey, in.Tag), TypeKeyRegistered, body)
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
	ok, err := s.Exists(KindKey, in.Tag)
	if err != nil {
		return err
	}
	if ok {
		return app.Conflicting("key.exists", "key", in.Tag)
	}
	return nil
}

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
	k, keyErr := s.Key(in.Tag)
	if strings.TrimSpace(in.Tag) == "" {
		keyErr = app.Invalid("tag", "field.required")
	}
	if err := s.checkSignOut(k, keyErr, in); err != nil {
		return Key{}, err
	}
	body := keyOutBody{Holder: in.Holder, Purpose: strings.TrimSpace(in.Purpose), Witness: in.Witness,
		Due: in.Due.UTC(), Desk: s.Desk(), At: s.Now()}
	return app.EmitView[Key](s.Service, actor, app.Ref(KindKey, k.Tag), TypeKeySignedOut, body)
}

// checkSignOut refuses every wrong field of a sign-out at once (keyErr is
// the key's lookup); the witness's PIN is tried only when all else is
// right, so a form left half-filled costs the witness no attempt.
func (s *KeyRegister) checkSignOut(k Key, keyErr error, in KeySignOut) error {
	if keyErr == nil {
		keyErr = s.keyAvailable(k)
	}
	_, holderErr := s.ActiveStaff("holder", in.Holder)
	if err := app.FirstErr(keyErr, holderErr, app.Required("purpose", in.Purpose), app.MaxLen("purpose", in.Purpose, 200),
		s.dueAfterNow("due", in.Due), s.witnessChosen(k, in)); err != nil {
		return err
	}
	if !k.Type.NeedsWitness() {
		return nil
	}
	_, err := s.CheckPIN(in.Witness, in.WitnessPIN)
	return err
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

// witnessChosen refuses a master or emergency key without a witness other
// than the holder.
func (s *KeyRegister) witnessChosen(k Key, in KeySignOut) error {
	if !k.Type.NeedsWitness() {
		return nil
	}
	if in.Witness == "" {
		return app.Invalid("witness", "key.witness_required", "key", k.Tag, "type", string(k.Type))
	}
	if in.Witness == in.Holder {
		return app.Invalid("witness", "key.witness_same", "holder", s.StaffName(in.Holder))
	}
	return nil
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
	return app.EmitView[Key](s.Service, actor, app.Ref(KindKey, tag), typ, b)
}
