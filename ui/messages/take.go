package messages

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// takeForm is the form to take a message: for a guest (from a caller or
// a visitor) or left by a guest for a visitor; for a room, a public area
// or a guest by name.
type takeForm struct {
	*kit.Form
	sc                      *Screen
	direction, area         *kit.Choice
	room, guest             *kit.Entry
	from, phone, visitor    *kit.Entry
	text                    *kit.Entry
	directions, areaChoices []string
}

// showTakeForm shows an empty form in the pane.
func (sc *Screen) showTakeForm() { sc.openTakeForm() }

func (sc *Screen) openTakeForm() *takeForm {
	sc.staff.Load()
	f := sc.newTakeForm()
	sc.Pane().Set(f.Content(lang.L("messages.take_title"), lang.L("messages.take_save")))
	sc.s.Window.Canvas().Focus(f.room)
	return f
}

func (sc *Screen) newTakeForm() *takeForm {
	f := &takeForm{Form: kit.NewForm(), sc: sc,
		directions: []string{lang.L("messages.direction.for_guest"), lang.L("messages.direction.for_visitor")}}
	f.direction = kit.NewChoice(f.directions, func(string) { f.showForDirection() })
	f.room = f.Entry(lang.L("messages.room_hint"))
	f.areaChoices = append([]string{lang.L("messages.area_none")}, sc.areas()...)
	f.area = kit.NewChoice(f.areaChoices, nil)
	f.guest = f.Entry(lang.L("messages.guest_hint"))
	f.from = f.Entry("")
	f.phone = f.Entry("")
	f.visitor = f.Entry("")
	f.text = f.Entry("")
	f.layout()
	f.direction.SetSelectedIndex(0)
	f.area.SetSelectedIndex(0)
	f.Submit, f.Cancel = f.take, sc.closePane
	return f
}

func (f *takeForm) layout() {
	f.Row(lang.L("messages.direction"), "direction", f.direction)
	f.Row(lang.L("messages.room"), "room", f.room)
	f.Row(lang.L("messages.area"), "area", f.area)
	f.Row(lang.L("messages.guest"), "guest", f.guest)
	f.Row(lang.L("messages.from"), "from", f.from)
	f.Row(lang.L("messages.phone"), "phone", f.phone)
	f.Row(lang.L("messages.visitor"), "visitor", f.visitor)
	f.Row(lang.L("messages.text"), "text", f.text)
	f.Check(f.text, "text", limitCheck(appmessages.MaxTextRunes))
	f.Check(f.from, "from", limitCheck(appmessages.MaxNameRunes))
	f.Check(f.visitor, "visitor", limitCheck(appmessages.MaxNameRunes))
	f.Check(f.guest, "guest", limitCheck(appmessages.MaxNameRunes))
	f.Check(f.phone, "phone", limitCheck(appmessages.MaxPhoneRunes))
	f.Check(f.room, "room", nil)
}

// limitCheck says, as the user types, that a field has passed its
// limit: the same limit the register refuses past.
func limitCheck(max int) func(string) string {
	return func(s string) string {
		if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > max {
			return lang.L("messages.too_long", map[string]string{"Max": strconv.Itoa(max), "Count": strconv.Itoa(n)})
		}
		return ""
	}
}

// forVisitor tells whether the guest leaves the message for a visitor.
func (f *takeForm) forVisitor() bool { return f.direction.SelectedIndex() == 1 }

// showForDirection shows who left it (and their phone) for a guest's
// message, and the visitor for a message a guest leaves.
func (f *takeForm) showForDirection() {
	f.ShowRows(!f.forVisitor(), "from", "phone")
	f.ShowRows(f.forVisitor(), "visitor")
}

// input is what the form says.
func (f *takeForm) input() appmessages.TakeInput {
	in := appmessages.TakeInput{Room: f.room.Text, Guest: f.guest.Text, Text: f.text.Text,
		Direction: appmessages.ForGuest, From: f.from.Text, Phone: f.phone.Text}
	if i := f.area.SelectedIndex(); i > 0 {
		in.Area = f.areaChoices[i]
	}
	if f.forVisitor() {
		in.Direction, in.From, in.Phone, in.Visitor = appmessages.ForVisitor, "", "", f.visitor.Text
	}
	return in
}

// take saves the message; a refusal shows at its field, keeping the form.
func (f *takeForm) take() {
	m, err := f.sc.svc.Take(f.sc.s.UserID(), f.input())
	if err != nil {
		f.Fail(err)
		return
	}
	f.sc.saved(m, "messages.saved_take")
}

// areas lists the hotel's public areas; none when the set-up cannot be
// read (messages for rooms still work).
func (sc *Screen) areas() []string {
	h, err := sc.svc.Settings()
	if err != nil {
		return nil
	}
	return h.PublicAreas()
}
