package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// Clocking in and out at the sign-in. At the start of a shift the desk
// is usually signed out: staff pick their name, type their PIN and press
// Clock in or Clock out, or scan their badge, and the desk says so on
// the sign-in and signs nobody in.

// clocking is the sign-in's part that clocks staff in and out; its
// buttons and line exist only with a Clocker.
type clocking struct {
	clock   kit.Clocker
	scan    scanner // what a scanner types into the name filter or on no field
	in, out *widget.Button
	said    *widget.Label // the last clock-in or clock-out confirmed
}

func newClocking(clock kit.Clocker) clocking {
	return clocking{clock: clock, scan: scanner{now: time.Now}}
}

// addClockButtons makes the Clock in and Clock out buttons.
func (si *signIn) addClockButtons() {
	si.in = widget.NewButtonWithIcon(lang.L("shell.clock_in"), theme.LoginIcon(), func() { si.clockByPIN(true) })
	si.out = widget.NewButtonWithIcon(lang.L("shell.clock_out"), theme.LogoutIcon(), func() { si.clockByPIN(false) })
	si.said = widget.NewLabel("")
	si.said.Importance = widget.SuccessImportance
	si.said.Wrapping = fyne.TextWrapWord
}

// clockByPIN clocks the person picked in or out with the PIN typed. A
// refusal shows as a sign-in's does (a wrong PIN counts towards the same
// lock-out), keeping the pick for another try; once clocked, the pick
// and the PIN are cleared for the next person.
func (si *signIn) clockByPIN(in bool) {
	id := si.list.Selected()
	if id == "" {
		si.errs.SetForm(lang.L("shell.pick_first"))
		return
	}
	clock := si.clock.ClockOut
	if in {
		clock = si.clock.ClockIn
	}
	said, err := clock(id, si.pin.Text)
	if err != nil {
		si.confirm("")
		si.refused(err)
		return
	}
	si.clocked(said)
}

// takeBadge clocks the owner of a scanned badge in or out; it reports
// false, doing nothing, when the tag is no staff member's.
func (si *signIn) takeBadge(tag string) bool {
	if si.clock == nil {
		return false
	}
	said, taken, err := si.clock.ClockBadge(tag)
	if !taken {
		return false
	}
	if err != nil {
		si.clear()
		si.errs.Show(err)
		return true
	}
	si.clocked(said)
	return true
}

// clocked confirms a clock-in or clock-out and readies the sign-in for
// the next person.
func (si *signIn) clocked(said string) {
	si.clear()
	si.errs.Clear()
	si.confirm(said)
}

// clear empties the filter, the pick and the PIN, and puts the keyboard
// back in the filter.
func (si *signIn) clear() {
	si.filter.SetText("")
	si.list.List.UnselectAll()
	si.pin.SetText("")
	si.picked.SetText(lang.L("shell.pick_name"))
	si.confirm("")
	si.s.Window.Canvas().Focus(si.filter)
}

// confirm shows text, a clock-in or clock-out done, or clears it.
func (si *signIn) confirm(text string) {
	if si.said != nil {
		si.said.SetText(text)
	}
}

// typedKey is a key pressed on the sign-in with no field focused: Enter
// after a scan clocks its badge's owner, or says that the tag is no
// staff member's.
func (si *signIn) typedKey(e *fyne.KeyEvent) {
	if e.Name != fyne.KeyReturn && e.Name != fyne.KeyEnter {
		return
	}
	if tag, _ := si.scan.enter(); tag != "" && !si.takeBadge(tag) {
		si.unknownTag(tag)
	}
}

// pinScan takes what was typed into the PIN at a scanner's pace: a
// badge clocks its owner; a tag that is no PIN (it has more than digits:
// a key's, an item's) is dropped and the sign-in says so, so it costs
// the person picked no try. Digits alone (after the Space that picked a
// name) are a PIN typed fast: they are not taken.
func (si *signIn) pinScan(tag string) bool {
	if si.takeBadge(tag) {
		return true
	}
	if strings.Trim(tag, " 0123456789") == "" {
		return false
	}
	si.pin.SetText("")
	si.unknownTag(tag)
	return true
}

// unknownTag says that a tag scanned is no staff member's badge.
func (si *signIn) unknownTag(tag string) {
	si.errs.SetForm(lang.L("shell.badge_unknown", map[string]string{"Tag": tag}))
}

// listen takes what is typed on no field while the sign-in shows;
// leave stops it.
func (si *signIn) listen() {
	c := si.s.Window.Canvas()
	if si.clock == nil || c == nil {
		return
	}
	c.SetOnTypedRune(si.scan.typed)
	c.SetOnTypedKey(si.typedKey)
}

func (si *signIn) leave() {
	if c := si.s.Window.Canvas(); c != nil {
		c.SetOnTypedRune(nil)
		c.SetOnTypedKey(nil)
	}
}
