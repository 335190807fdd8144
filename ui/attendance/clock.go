package attendance

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// clockPanel is where staff clock in and out with their staff number and
// PIN: two entries, a button each way, and a line saying what happened
// or why not.
type clockPanel struct {
	sc       *Screen
	staff    *widget.Entry
	pin      *kit.PINEntry
	in, out  *widget.Button
	said     *widget.Label
	content  fyne.CanvasObject
	lastSaid string
}

func newClockPanel(sc *Screen) *clockPanel {
	p := &clockPanel{sc: sc, staff: widget.NewEntry(), pin: kit.NewPINEntry(), said: widget.NewLabel("")}
	p.staff.SetPlaceHolder(lang.L("attendance.staff_hint"))
	p.pin.SetPlaceHolder(lang.L("attendance.pin_hint"))
	p.staff.OnChanged = func(string) { p.say("", widget.MediumImportance) }
	p.pin.OnChanged = p.staff.OnChanged
	p.in = widget.NewButtonWithIcon(lang.L("attendance.clock_in"), theme.LoginIcon(), func() { p.clock(true) })
	p.in.Importance = widget.HighImportance
	p.out = widget.NewButtonWithIcon(lang.L("attendance.clock_out"), theme.LogoutIcon(), func() { p.clock(false) })
	p.said.Wrapping = fyne.TextWrapWord
	fields := container.NewGridWithColumns(2, p.staff, p.pin)
	p.content = container.NewVBox(kit.Heading(lang.L("attendance.clock_title")), fields,
		container.NewGridWithColumns(2, p.in, p.out), p.said)
	return p
}

// clock clocks the staff number typed in or out with the PIN typed;
// the PIN is cleared either way, the number kept after a refusal.
func (p *clockPanel) clock(in bool) {
	var d appattendance.Day
	var err error
	if in {
		d, err = p.sc.svc.ClockIn(p.staff.Text, p.pin.Text)
	} else {
		d, err = p.sc.svc.ClockOut(p.staff.Text, p.pin.Text)
	}
	p.pin.SetText("")
	if err != nil {
		p.say(kit.Say(err), widget.DangerImportance)
		return
	}
	p.staff.SetText("")
	p.say(p.sc.clocked(d, in), widget.SuccessImportance)
}

// say shows text under the panel.
func (p *clockPanel) say(text string, imp widget.Importance) {
	if text == p.lastSaid && imp == p.said.Importance {
		return
	}
	p.lastSaid = text
	p.said.Importance = imp
	p.said.SetText(text)
}
