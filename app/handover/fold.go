package handover

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// applyHandover folds one event into a handover. Changes folded after both
// signatures (made offline, without seeing them) are kept; handoverClash
// marks the handover in conflict.
func applyHandover(h *Handover, ev wire.Event) error {
	switch ev.Type {
	case TypeHandoverDrafted:
		return applyHandoverDrafted(h, ev)
	case TypeHandoverNoted:
		return applyHandoverNoted(h, ev)
	case TypeHandoverSigned:
		return applyHandoverSigned(h, ev)
	}
	return nil
}

func applyHandoverDrafted(h *Handover, ev wire.Event) error {
	b, err := app.DecodeBody[HandoverDrafted](ev)
	if err != nil {
		return err
	}
	h.ID, h.Desk, h.Shift = ev.Entity.ID, b.Desk, b.Shift
	h.DraftedAt, h.DraftedBy = app.ActionTime(b.At, ev), ev.Actor
	h.Lists, h.Board = b.Lists, b.Board
	return nil
}

func applyHandoverNoted(h *Handover, ev wire.Event) error {
	b, err := app.DecodeBody[HandoverNoted](ev)
	if err != nil {
		return err
	}
	h.Notes = append(h.Notes, HandoverNote{At: app.ActionTime(b.At, ev), By: ev.Actor, Text: b.Text})
	return nil
}

func applyHandoverSigned(h *Handover, ev wire.Event) error {
	b, err := app.DecodeBody[HandoverSigned](ev)
	if err != nil {
		return err
	}
	sig := &HandoverSignature{Staff: b.Staff, Name: b.Name, At: app.ActionTime(b.At, ev)}
	switch b.Role {
	case SignOutgoing:
		if h.Outgoing == nil {
			h.Outgoing = sig
		}
	case SignIncoming:
		if h.Incoming == nil {
			h.Incoming = sig
		}
	}
	return nil
}

func init() {
	app.RegisterKind(KindHandover, app.FoldWith[Handover](applyHandover, handoverClash))
}

// handoverClash marks a handover changed at one desk while it was being
// signed at another, or signed twice for one side by different people.
// Notes and drafts commute with each other.
func handoverClash(h *Handover, earlier app.Step, ev wire.Event) (string, map[string]string) {
	params := map[string]string{"desk": h.Desk, "shift": h.Shift}
	a, b := earlier.Type, ev.Type
	switch {
	case a != TypeHandoverSigned && b != TypeHandoverSigned:
		return "", nil
	case a != b:
		return "handover.changed_while_signing", params
	}
	s, err := app.DecodeBody[HandoverSigned](ev)
	if err != nil {
		return "", nil
	}
	if prior := h.signature(s.Role); prior != nil && prior.Staff != s.Staff {
		params["role"], params["staff"], params["other"] = string(s.Role), prior.Name, s.Name
		return "handover.signed_twice", params
	}
	return "", nil
}

// signature is the signature for role, or nil.
func (h *Handover) signature(role SignRole) *HandoverSignature {
	if role == SignIncoming {
		return h.Incoming
	}
	return h.Outgoing
}
