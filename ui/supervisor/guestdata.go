package supervisor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// guestDataTab carries out a guest's request to delete their data: the
// supervisor names the guest (name or phone, and a room to narrow it),
// sees the records found, and removes the guest's personal data from them
// on every desk and the server (app/personal).
type guestDataTab struct {
	s      *kit.Session
	f      *kit.Form
	name   *kit.Entry
	phone  *kit.Entry
	room   *kit.Entry
	found  *widget.Label
	delete *widget.Button
	query  personal.Query
	box    fyne.CanvasObject
}

func newGuestDataTab(s *kit.Session) *guestDataTab {
	t := &guestDataTab{s: s, f: newForm(), found: widget.NewLabel("")}
	t.found.Wrapping = fyne.TextWrapWord
	t.name = t.f.Entry("")
	t.f.Row(lang.L("guestdata.name"), "name", t.name)
	t.phone = t.f.Entry("")
	t.f.Row(lang.L("guestdata.phone"), "phone", t.phone)
	t.room = t.f.Entry("")
	t.f.Row(lang.L("guestdata.room"), "room", t.room)
	t.f.Inline = true
	t.f.Submit = t.find
	t.delete = widget.NewButton(lang.L("guestdata.delete"), t.confirm)
	t.delete.Importance = widget.DangerImportance
	t.delete.Disable()
	intro := widget.NewLabel(lang.L("guestdata.intro"))
	intro.Wrapping = fyne.TextWrapWord
	t.box = container.NewVScroll(container.NewVBox(intro,
		t.f.Content(lang.L("guestdata.heading"), lang.L("guestdata.find")), t.found, t.delete))
	return t
}

func (t *guestDataTab) title() string { return lang.L("guestdata.title") }

func (t *guestDataTab) content() fyne.CanvasObject { return t.box }

func (t *guestDataTab) refresh([]wire.EntityRef) {}

// find lists the records holding the named guest's data.
func (t *guestDataTab) find() {
	t.query = personal.Query{Name: t.name.Text, Phone: t.phone.Text, Room: strings.TrimSpace(t.room.Text)}
	core, ok := t.s.Svc.(*app.Service)
	if !ok {
		return // a desk without a store (the shell's tests)
	}
	recs, err := personal.FindGuest(core, t.s.UserID(), t.query)
	if err != nil {
		t.f.Show(err)
		t.delete.Disable()
		return
	}
	t.f.Errs.Clear()
	t.showFound(recs)
}

func (t *guestDataTab) showFound(recs []personal.Record) {
	if len(recs) == 0 {
		t.found.SetText(lang.L("guestdata.none"))
		t.delete.Disable()
		return
	}
	lines := []string{kit.Counted("guestdata.found", len(recs))}
	for _, r := range recs {
		lines = append(lines, "• "+lang.L("guestdata.kind."+r.Ref.Kind)+"  "+r.Summary)
	}
	t.found.SetText(strings.Join(lines, "\n"))
	t.delete.Enable()
}

// confirm asks before the data goes: it cannot come back.
func (t *guestDataTab) confirm() {
	dialog.ShowConfirm(lang.L("guestdata.delete"), lang.L("guestdata.confirm"), func(ok bool) {
		if ok {
			t.erase()
		}
	}, t.s.Window)
}

func (t *guestDataTab) erase() {
	core, ok := t.s.Svc.(*app.Service)
	if !ok {
		return
	}
	recs, err := personal.DeleteGuest(core, t.s.UserID(), t.query)
	if err != nil {
		t.f.Show(err)
		return
	}
	t.delete.Disable()
	t.found.SetText("")
	t.s.Notify(kit.Counted("guestdata.deleted", len(recs)))
}
