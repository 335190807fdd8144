package handover

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// HandoverInput is the input for drafting a handover. Zero Shift means the
// shift running now ("2026-03-03 morning"). KeysCounted is the number of
// keys the attendant counted on the board, or KeysPresent the tags ticked
// (as for CountKeys).
type HandoverInput struct {
	Shift       string
	KeysCounted int
	KeysPresent []string
}

// DraftHandover takes this desk's lists for the shift's handover — open
// requests, keys out, loans due in the next shift, found items awaiting
// claim — with the key count. Drafting again before the outgoing attendant
// signs takes the lists afresh; after that it is refused.
func (s *HandoverRegister) DraftHandover(actorID string, in HandoverInput) (Handover, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Handover{}, err
	}
	now := s.Now()
	in.Shift = strings.TrimSpace(in.Shift)
	if in.Shift == "" {
		in.Shift = s.shiftLabel(now)
	}
	if err := app.MaxLen("shift", in.Shift, 40); err != nil {
		return Handover{}, err
	}
	id := handoverID(s.Desk(), in.Shift)
	if err := s.checkDraftable(id); err != nil {
		return Handover{}, err
	}
	evs, err := s.draftEvents(actor, id, in, now)
	if err != nil {
		return Handover{}, err
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return Handover{}, fmt.Errorf("save %s: %w", TypeHandoverDrafted, app.StoreRefusal(err))
	}
	return s.Handover(id)
}

// draftEvents builds the events of a draft, saved together: the board
// count (in its own register) and the handover with its lists.
func (s *HandoverRegister) draftEvents(actor app.Staff, id string, in HandoverInput, now time.Time) ([]wire.Event, error) {
	count, evs, err := s.countBoard(actor, in)
	if err != nil {
		return nil, err
	}
	lists, err := s.handoverLists(s.Desk(), now)
	if err != nil {
		return nil, err
	}
	body := HandoverDrafted{At: now, Desk: s.Desk(), Shift: in.Shift, Lists: lists, Board: count}
	drafted, err := app.NewEvent(actor.ID, app.Ref(KindHandover, id), TypeHandoverDrafted, body)
	return append(evs, drafted), err
}

// countBoard records the board count of the register that keeps a board
// (see Module.BoardCount); none when no register does.
func (s *HandoverRegister) countBoard(actor app.Staff, in HandoverInput) (app.BoardCount, []wire.Event, error) {
	for _, m := range app.Modules() {
		if m.BoardCount != nil {
			return m.BoardCount(s.Service, actor, app.BoardInput{Counted: in.KeysCounted, Present: in.KeysPresent})
		}
	}
	return app.BoardCount{}, nil, nil
}

// shiftLabel names the shift running at now by its date and name.
func (s *HandoverRegister) shiftLabel(now time.Time) string {
	day := now.In(s.Loc()).Format("2006-01-02")
	sh, ok := s.ShiftAt(now)
	if !ok {
		return day
	}
	return day + " " + sh.Name
}

func handoverID(desk, shift string) string {
	return desk + "." + strings.ReplaceAll(shift, " ", ".")
}

func (s *HandoverRegister) checkDraftable(id string) error {
	h, err := s.Handover(id)
	if err != nil {
		return nil // a new handover
	}
	if h.Outgoing != nil {
		return app.Conflicting("handover.signed", "shift", h.Shift, "staff", h.Outgoing.Name)
	}
	return nil
}

// handoverLists takes every register's rows for desk's handover at now.
func (s *HandoverRegister) handoverLists(desk string, now time.Time) (HandoverLists, error) {
	lists := HandoverLists{}
	for _, m := range app.Modules() {
		if m.Handover == nil {
			continue
		}
		rows, err := m.Handover(s.Service, desk, now)
		if err != nil {
			return nil, fmt.Errorf("handover %s: %w", m.Name, err)
		}
		b, err := json.Marshal(rows)
		if err != nil {
			return nil, fmt.Errorf("handover %s: %w", m.Name, err)
		}
		if string(b) != "null" && string(b) != "[]" {
			lists[m.Name] = b
		}
	}
	return lists, nil
}

// AddHandoverNote adds a free note for the next shift, until the outgoing
// attendant signs.
func (s *HandoverRegister) AddHandoverNote(actorID, id, text string) (Handover, error) {
	text = strings.TrimSpace(text)
	if err := app.FirstErr(app.Required("text", text), app.MaxLen("text", text, 1000)); err != nil {
		return Handover{}, err
	}
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Handover{}, err
	}
	if _, err := s.Handover(id); err != nil {
		return Handover{}, err
	}
	if err := s.checkDraftable(id); err != nil {
		return Handover{}, err
	}
	return app.EmitView[Handover](s.Service, actor, app.Ref(KindHandover, id), TypeHandoverNoted, HandoverNoted{At: s.Now(), Text: text})
}

// SignHandover signs a handover with a staff member's PIN: the outgoing
// attendant first, then the incoming one, who must be someone else. Once
// both have signed the handover is final. A wrong PIN counts towards the
// lock-out like a log-in.
func (s *HandoverRegister) SignHandover(id string, role SignRole, staffID, pin string) (Handover, error) {
	s.Lock()
	defer s.Unlock()
	h, err := s.Handover(id)
	if err != nil {
		return Handover{}, err
	}
	if err := checkSignable(&h, role, staffID); err != nil {
		return Handover{}, err
	}
	st, err := s.CheckPIN(staffID, pin)
	if err != nil {
		return Handover{}, err
	}
	body := HandoverSigned{At: s.Now(), Role: role, Staff: st.ID, Name: st.Name}
	return app.EmitView[Handover](s.Service, st, app.Ref(KindHandover, id), TypeHandoverSigned, body)
}

func checkSignable(h *Handover, role SignRole, staffID string) error {
	if err := app.Choice("role", string(role), string(SignOutgoing), string(SignIncoming)); err != nil {
		return err
	}
	switch {
	case h.Signed():
		return app.Conflicting("handover.final", "shift", h.Shift)
	case role == SignOutgoing && h.Outgoing != nil:
		return app.Conflicting("handover.signed", "shift", h.Shift, "staff", h.Outgoing.Name)
	case role == SignIncoming && h.Outgoing == nil:
		return app.Conflicting("handover.outgoing_first", "shift", h.Shift)
	case role == SignIncoming && h.Outgoing.Staff == staffID:
		return app.Forbidden("handover.same_person", "staff", h.Outgoing.Name)
	}
	return nil
}

func init() {
	app.RegisterMessages(map[string]string{
		"handover.signed":                "The handover for {shift} was signed by {staff} — it can no longer change; add anything new to the next shift's handover.",
		"handover.final":                 "The handover for {shift} is signed by both attendants and final.",
		"handover.outgoing_first":        "The outgoing attendant signs the handover for {shift} first.",
		"handover.same_person":           "{staff} signed as the outgoing attendant — the incoming attendant must be someone else.",
		"handover.changed_while_signing": "The handover for {shift} at desk {desk} was changed at one desk while it was signed at another — check the lists, then resolve the conflict.",
		"handover.signed_twice":          "The handover for {shift} was signed as {role} by both {staff} and {other} — confirm who took over, then resolve the conflict.",
	})
}
