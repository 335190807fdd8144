package handover

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apphandover "floordesk/app/handover"
	"floordesk/ui/kit"
)

// signBlock is one side's signature: who signed and when, or, when it is
// that side's turn, the staff member's name, their PIN and a sign button.
type signBlock struct {
	v      *view
	role   apphandover.SignRole
	staff  *kit.Choice
	pin    *entry
	button *widget.Button
	errs   *kit.FieldErrors
	ids    map[string]string // name shown → staff ID
}

func newSignBlock(v *view, role apphandover.SignRole) *signBlock {
	b := &signBlock{v: v, role: role, errs: kit.NewFieldErrors()}
	if !b.turn() {
		return b
	}
	names, ids := v.sc.staffChoices()
	b.ids = ids
	b.staff = kit.NewChoice(names, nil)
	if role == apphandover.SignOutgoing {
		if u, ok := v.sc.s.User(); ok {
			b.staff.SetSelected(u.Name)
		}
	}
	b.pin = newEntry(lang.L("handover.pin"), true)
	b.pin.OnSubmitted = func(string) { b.sign() }
	b.pin.onEscape = func() { b.pin.SetText("") }
	b.errs.Alias = map[string]string{"pin.wrong": "pin", "pin.format": "pin", "staff.locked": "pin"}
	b.pin.OnChanged = func(s string) { b.errs.Edited("pin", s == "") }
	b.staff.OnChanged = func(string) { b.errs.Edited("pin", false) } // the PIN refused was another person's
	b.button = widget.NewButton(lang.L("handover.sign."+string(role)), b.sign)
	b.button.Importance = widget.HighImportance
	return b
}

// takeOver keeps the inputs of old, this side's block before a refresh,
// while this side still signs: the PIN entry itself (with what was typed
// and the keyboard focus), its refusals and the staff member picked.
func (b *signBlock) takeOver(old *signBlock) {
	if b.pin == nil || old == nil || old.pin == nil {
		return
	}
	b.pin, b.errs = old.pin, old.errs
	b.pin.OnSubmitted = func(string) { b.sign() }
	b.pin.onEscape = func() { b.pin.SetText("") }
	b.errs.Alias = map[string]string{"pin.wrong": "pin", "pin.format": "pin", "staff.locked": "pin"}
	b.pin.OnChanged = func(s string) { b.errs.Edited("pin", s == "") }
	b.staff.OnChanged = func(string) { b.errs.Edited("pin", false) } // the PIN refused was another person's
	if _, ok := b.ids[old.staff.Selected]; ok {
		b.staff.SetSelected(old.staff.Selected)
	}
}

// turn reports whether this side signs next.
func (b *signBlock) turn() bool {
	h := &b.v.h
	if b.role == apphandover.SignOutgoing {
		return h.Outgoing == nil
	}
	return h.Outgoing != nil && h.Incoming == nil
}

func (b *signBlock) signature() *apphandover.HandoverSignature {
	if b.role == apphandover.SignOutgoing {
		return b.v.h.Outgoing
	}
	return b.v.h.Incoming
}

func (b *signBlock) content() fyne.CanvasObject {
	caption := widget.NewLabel(lang.L("handover.role." + string(b.role)))
	caption.TextStyle.Bold = true
	if sig := b.signature(); sig != nil {
		when := kit.When(sig.At, b.v.sc.s.Now())
		return container.NewVBox(caption, widget.NewLabel(lang.L("handover.signed_by", map[string]string{"Name": sig.Name, "Time": when})))
	}
	if !b.turn() {
		wait := widget.NewLabel(lang.L("handover.outgoing_first"))
		wait.Importance = widget.LowImportance
		return container.NewVBox(caption, wait)
	}
	return container.NewVBox(caption, b.staff, b.pin, b.errs.For("pin"), b.button, b.errs.Form())
}

func (b *signBlock) sign() {
	id, ok := b.ids[b.staff.Selected]
	if !ok {
		b.errs.Set("pin", lang.L("handover.check.pick_staff"))
		return
	}
	_, err := b.v.sc.svc.SignHandover(b.v.id, b.role, id, b.pin.Text)
	if b.errs.Show(err); err != nil {
		b.pin.SetText("")
		return
	}
	b.v.sc.s.Notify(lang.L("handover.saved."+string(b.role), map[string]string{"Name": b.staff.Selected}))
	b.v.sc.reload()
	b.v.sc.showHandover(b.v.id)
}

// staffChoices lists the active staff by name, with their IDs; two
// people of one name are told apart by their staff number.
func (sc *Screen) staffChoices() ([]string, map[string]string) {
	staff, err := sc.svc.StaffList(false)
	ids := map[string]string{}
	if err != nil {
		return nil, ids
	}
	names := make([]string, 0, len(staff))
	for _, st := range staff {
		name := st.Name
		if _, dup := ids[name]; dup {
			name += " (" + st.ID + ")"
		}
		ids[name] = st.ID
		names = append(names, name)
	}
	return names, ids
}
