package app

import (
	"errors"
	"strings"
	"time"

	"floordesk/data/wire"
)

const KindStaff = "staff"

// Role is what a staff member may do.
type Role string

// Roles. A supervisor may do everything an attendant may. A group
// viewer (a supervisor of the hotel group, reading a property's copy on a
// group desk) may do nothing: AtLeast is false for every role a command
// asks, so Authorize refuses every command; it is no staff member's role.
const (
	RoleAttendant   Role = "attendant"
	RoleSupervisor  Role = "supervisor"
	RoleGroupViewer Role = "group_viewer"
)

// AtLeast reports whether r includes min.
func (r Role) AtLeast(min Role) bool {
	switch r {
	case RoleSupervisor:
		return min == RoleSupervisor || min == RoleAttendant
	case RoleAttendant:
		return min == RoleAttendant
	}
	return false
}

func (r Role) valid() bool { return r == RoleAttendant || r == RoleSupervisor }

// Staff is a staff member's view. ID is the staff number.
type Staff struct {
	Meta       `json:"meta"`
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Department string    `json:"department"`
	Role       Role      `json:"role"`
	Shift      string    `json:"shift,omitempty"`
	PINHash    string    `json:"pin_hash"`
	Disabled   bool      `json:"disabled,omitempty"`
	Added      time.Time `json:"added"`
	AddedBy    string    `json:"added_by,omitempty"`
}

// NewStaff is the input for adding a staff member.
type NewStaff struct {
	Number     string // staff number, the staff member's ID
	Name       string
	Department string
	Role       Role
	Shift      string // a shift name from the hotel set-up; optional
	PIN        string
}

// Staff event types.
const (
	TypeStaffAdded      = "staff.added"
	TypeStaffDisabled   = "staff.disabled"
	TypeStaffEnabled    = "staff.enabled"
	TypeStaffPINChanged = "staff.pin_changed"
	TypeStaffUpdated    = "staff.updated"
)

type staffAddedBody struct {
	Name       string    `json:"name"`
	Department string    `json:"department"`
	Role       Role      `json:"role"`
	Shift      string    `json:"shift,omitempty"`
	PINHash    string    `json:"pin_hash"`
	At         time.Time `json:"at"`
}

type staffPINBody struct {
	PINHash string    `json:"pin_hash"`
	At      time.Time `json:"at"`
}

type staffUpdateBody struct {
	Department string    `json:"department"`
	Role       Role      `json:"role"`
	Shift      string    `json:"shift"`
	At         time.Time `json:"at"`
}

type reasonBody struct {
	Reason string    `json:"reason,omitempty"`
	At     time.Time `json:"at"`
}

func init() {
	RegisterKind(KindStaff, FoldWith(applyStaff, PairClash[*Staff](map[[2]string]string{
		{TypeStaffAdded, TypeStaffAdded}: "staff.added_twice",
	})))
	RegisterMessages(map[string]string{
		"staff.exists":          "Staff number {number} is already used by {name} — pick another number.",
		"staff.first_exists":    "The first supervisor already exists — log in and add staff from the staff screen.",
		"staff.self_disable":    "You cannot disable yourself — ask another supervisor.",
		"staff.last_supervisor": "{staff} is the last active supervisor — add another supervisor first.",
		"staff.added_twice":     "Staff number {entity} was added at two desks at once — check the details and confirm one.",
		"staff.shift_unknown":   "No shift {shift} in the hotel set-up — pick one of: {allowed}.",
	})
}

func applyStaff(st *Staff, ev wire.Event) error {
	switch ev.Type {
	case TypeStaffAdded:
		b, err := DecodeBody[staffAddedBody](ev)
		if err != nil {
			return err
		}
		*st = Staff{Meta: st.Meta, ID: ev.Entity.ID, Name: b.Name, Department: b.Department,
			Role: b.Role, Shift: b.Shift, PINHash: b.PINHash, Added: b.At, AddedBy: ev.Actor}
	case TypeStaffDisabled:
		st.Disabled = true
	case TypeStaffEnabled:
		st.Disabled = false
	case TypeStaffPINChanged:
		b, err := DecodeBody[staffPINBody](ev)
		st.PINHash = b.PINHash
		return err
	case TypeStaffUpdated:
		b, err := DecodeBody[staffUpdateBody](ev)
		st.Department, st.Role, st.Shift = b.Department, b.Role, b.Shift
		return err
	}
	return nil
}

// HasStaff reports whether any staff member exists; when not, the UI shows
// the first-run screen that calls FirstSupervisor.
func (s *Service) HasStaff() (bool, error) {
	found := false
	err := s.store.Views(KindStaff, func(string, []byte) error {
		found = true
		return errStop
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return found, err
}

var errStop = errors.New("stop")

// FirstSupervisor creates the first staff member, a supervisor, on a store
// with no staff. ErrConflict once any staff member exists.
func (s *Service) FirstSupervisor(in NewStaff) (Staff, error) {
	s.Lock()
	defer s.Unlock()
	any, err := s.HasStaff()
	if err != nil {
		return Staff{}, err
	}
	if any {
		return Staff{}, Conflicting("staff.first_exists")
	}
	in.Role = RoleSupervisor
	return s.addStaff(Staff{ID: strings.TrimSpace(in.Number)}, in)
}

// AddStaff adds a staff member; supervisors only.
func (s *Service) AddStaff(actorID string, in NewStaff) (Staff, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return Staff{}, err
	}
	return s.addStaff(actor, in)
}

func (s *Service) addStaff(actor Staff, in NewStaff) (Staff, error) {
	in = trimStaff(in)
	if err := s.checkNewStaff(in); err != nil {
		return Staff{}, err
	}
	hash, err := hashPIN(in.PIN, s.PINCost, s.Rand)
	if err != nil {
		return Staff{}, err
	}
	body := staffAddedBody{Name: in.Name, Department: in.Department, Role: in.Role,
		Shift: in.Shift, PINHash: hash, At: s.Now()}
	return EmitView[Staff](s, actor, Ref(KindStaff, in.Number), TypeStaffAdded, body)
}

func trimStaff(in NewStaff) NewStaff {
	in.Number = strings.TrimSpace(in.Number)
	in.Name = strings.TrimSpace(in.Name)
	in.Department = strings.TrimSpace(in.Department)
	in.Shift = strings.TrimSpace(in.Shift)
	return in
}

func (s *Service) checkNewStaff(in NewStaff) error {
	if err := FirstErr(
		Required("number", in.Number), MaxLen("number", in.Number, 20),
		Required("name", in.Name), MaxLen("name", in.Name, 60),
		Required("department", in.Department), Choice("role", string(in.Role), "attendant", "supervisor"),
		validPIN("pin", in.PIN),
	); err != nil {
		return err
	}
	if err := s.checkShift(in.Shift); err != nil {
		return err
	}
	old, err := LoadView[Staff](s, KindStaff, in.Number)
	if err == nil {
		return Conflicting("staff.exists", "number", in.Number, "name", old.Name)
	}
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// DisableStaff stops a staff member from logging in; supervisors only. A
// supervisor cannot disable themself or the last active supervisor.
func (s *Service) DisableStaff(actorID, staffID, reason string) error {
	s.Lock()
	defer s.Unlock()
	actor, st, err := s.supervisorOn(actorID, staffID)
	if err != nil {
		return err
	}
	if actor.ID == st.ID {
		return Forbidden("staff.self_disable")
	}
	if st.Disabled {
		return nil
	}
	_, err = s.Emit(actor, Ref(KindStaff, st.ID), TypeStaffDisabled, reasonBody{Reason: reason, At: s.Now()})
	return err
}

// EnableStaff lets a disabled staff member log in again; supervisors only.
func (s *Service) EnableStaff(actorID, staffID string) error {
	s.Lock()
	defer s.Unlock()
	actor, st, err := s.supervisorOn(actorID, staffID)
	if err != nil || !st.Disabled {
		return err
	}
	_, err = s.Emit(actor, Ref(KindStaff, st.ID), TypeStaffEnabled, reasonBody{At: s.Now()})
	return err
}

// UpdateStaff changes a staff member's department, role and shift;
// supervisors only. Demoting the last active supervisor is refused.
func (s *Service) UpdateStaff(actorID, staffID, department string, role Role, shift string) error {
	s.Lock()
	defer s.Unlock()
	actor, st, err := s.supervisorOn(actorID, staffID)
	if err != nil {
		return err
	}
	if err := FirstErr(Required("department", department), Choice("role", string(role), "attendant", "supervisor"), s.checkShift(shift)); err != nil {
		return err
	}
	if st.Role == RoleSupervisor && role != RoleSupervisor {
		if err := s.keepOneSupervisor(st); err != nil {
			return err
		}
	}
	body := staffUpdateBody{Department: department, Role: role, Shift: shift, At: s.Now()}
	_, err = s.Emit(actor, Ref(KindStaff, st.ID), TypeStaffUpdated, body)
	return err
}

func (s *Service) keepOneSupervisor(st Staff) error {
	sups, err := ListViews(s, KindStaff, func(o *Staff) bool {
		return o.Role == RoleSupervisor && !o.Disabled && o.ID != st.ID
	})
	if err != nil || len(sups) > 0 {
		return err
	}
	return Conflicting("staff.last_supervisor", "staff", st.Name)
}

func (s *Service) supervisorOn(actorID, staffID string) (Staff, Staff, error) {
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return Staff{}, Staff{}, err
	}
	st, err := LoadView[Staff](s, KindStaff, staffID)
	return actor, st, err
}

// Login checks a staff member's PIN at the desk and returns them. Wrong
// PINs count towards a lock-out (ErrLocked); see checkPIN.
func (s *Service) Login(staffID, pin string) (Staff, error) {
	s.Lock()
	defer s.Unlock()
	return s.CheckPIN(staffID, pin)
}

// ChangePIN sets a new PIN after checking the old one.
func (s *Service) ChangePIN(staffID, oldPIN, newPIN string) error {
	s.Lock()
	defer s.Unlock()
	st, err := s.CheckPIN(staffID, oldPIN)
	if err != nil {
		return err
	}
	return s.setPIN(st, st, newPIN)
}

// ResetPIN sets a staff member's PIN without the old one and lifts a
// lock-out at this desk; supervisors only.
func (s *Service) ResetPIN(actorID, staffID, newPIN string) error {
	s.Lock()
	defer s.Unlock()
	actor, st, err := s.supervisorOn(actorID, staffID)
	if err != nil {
		return err
	}
	if err := s.setPIN(actor, st, newPIN); err != nil {
		return err
	}
	return s.saveFails(st.ID, pinFails{})
}

func (s *Service) setPIN(actor, st Staff, pin string) error {
	if err := validPIN("pin", pin); err != nil {
		return err
	}
	hash, err := hashPIN(pin, s.PINCost, s.Rand)
	if err != nil {
		return err
	}
	_, err = s.Emit(actor, Ref(KindStaff, st.ID), TypeStaffPINChanged, staffPINBody{PINHash: hash, At: s.Now()})
	return err
}

// StaffMember returns one staff member; ErrNotFound when unknown.
func (s *Service) StaffMember(id string) (Staff, error) { return LoadView[Staff](s, KindStaff, id) }

// StaffList lists staff by number; disabled ones only when withDisabled.
func (s *Service) StaffList(withDisabled bool) ([]Staff, error) {
	return ListViews(s, KindStaff, func(st *Staff) bool { return withDisabled || !st.Disabled })
}

// StaffName returns a staff member's name, or the ID when unknown.
func (s *Service) StaffName(id string) string {
	st, err := LoadView[Staff](s, KindStaff, id)
	if err != nil || st.Name == "" {
		return id
	}
	return st.Name
}

// ID document types accepted for a door opening.
var IDTypes = []string{"id_card", "passport", "hk_macau_permit", "taiwan_permit", "residence_permit", "other"}

// ActiveStaff loads a staff member named in a field: ErrNotFound when
// unknown, ErrForbidden when disabled.
func (s *Service) ActiveStaff(field, id string) (Staff, error) {
	if err := Required(field, id); err != nil {
		return Staff{}, err
	}
	st, err := LoadView[Staff](s, KindStaff, id)
	if err != nil {
		return Staff{}, err
	}
	if st.Disabled {
		return Staff{}, Forbidden("staff.disabled", "staff", st.Name)
	}
	return st, nil
}
