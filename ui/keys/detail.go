package keys

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// detail is a key's detail: where it is, its actions and every sign-out
// it ever had.
func (sc *Screen) detail(k appkeys.Key) fyne.CanvasObject {
	where, due, imp := sc.status(k)
	state := widget.NewLabel(strings.TrimSpace(where + "  " + due))
	state.Importance, state.Wrapping = imp, fyne.TextWrapWord
	box := container.NewVBox(kit.Heading(k.Tag+" · "+keyType(k.Type)), state,
		widget.NewForm(fact("keys.areas", strings.Join(k.Areas, ", ")), fact("keys.board", sc.s.DeskName(k.Desk))))
	for _, c := range k.Conflicts {
		w := widget.NewLabel(kit.SayConflict(c))
		w.Importance, w.Wrapping = widget.DangerImportance, fyne.TextWrapWord
		box.Add(w)
	}
	if k.Lost && k.LostNote != "" {
		box.Add(kit.Note(lang.L("keys.lost_note", map[string]string{"Who": sc.names.Name(k.LostBy), "Note": k.LostNote})))
	}
	box.Add(sc.actions(k))
	box.Add(kit.Heading(lang.L("keys.history")))
	for _, w := range sc.history(k.Tag) {
		box.Add(w)
	}
	return box
}

func fact(key, value string) *widget.FormItem {
	if value == "" {
		value = "—"
	}
	return widget.NewFormItem(lang.L(key), widget.NewLabel(value))
}

// actions are the buttons that fit the key's state.
func (sc *Screen) actions(k appkeys.Key) fyne.CanvasObject {
	box := container.NewHBox()
	_, out := k.Current()
	switch {
	case out:
		in := widget.NewButton(lang.L("keys.sign_in"), sc.settled(k.Tag, func() { sc.signIn(k.Tag) }))
		in.Importance = widget.HighImportance
		box.Add(in)
	case !k.Lost:
		o := widget.NewButton(lang.L("keys.sign_out"), sc.settled(k.Tag, func() { sc.openSignOut(k.Tag) }))
		o.Importance = widget.HighImportance
		box.Add(o)
	}
	if !k.Lost {
		box.Add(widget.NewButton(lang.L("keys.report_lost"), sc.settled(k.Tag, func() { sc.openLost(k.Tag) })))
	}
	if k.Rekey && sc.s.IsSupervisor() {
		box.Add(widget.NewButton(lang.L("keys.clear_rekey"), func() { sc.openClear(k.Tag) }))
	}
	return box
}

// act is a key's main action: signing it in when it is out, the sign-out
// form when it hangs on the board.
func (sc *Screen) act(k appkeys.Key) {
	_, out := k.Current()
	switch {
	case out:
		sc.settled(k.Tag, func() { sc.signIn(k.Tag) })()
	case !k.Lost:
		sc.settled(k.Tag, func() { sc.openSignOut(k.Tag) })()
	}
}

// settleTime is how long a key's buttons wait after it was signed in:
// longer than a double click, shorter than a second look.
const settleTime = time.Second

// settled is run, unless the key with tag was signed in less than
// settleTime ago: "Sign out" takes the place of "Sign in", and the second
// click of a double click must not start signing the key out again.
func (sc *Screen) settled(tag string, run func()) func() {
	return func() {
		if sc.settling.tag == tag && sc.s.Now().Before(sc.settling.until) {
			return
		}
		run()
	}
}

// signIn takes a key back from whoever holds it; the staff member at the
// desk is recorded as taking it.
func (sc *Screen) signIn(tag string) {
	k, err := sc.svc.SignInKey(sc.s.UserID(), tag)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	sc.settling.tag, sc.settling.until = tag, sc.s.Now().Add(settleTime)
	sc.saved(k, "keys.saved_in")
}

// saved keeps a key a command returned, shows it and confirms.
func (sc *Screen) saved(k appkeys.Key, msg string) {
	sc.Put(k)
	sc.Open(k.Tag)
	sc.s.Notify(lang.L(msg, map[string]string{"Key": k.Tag}))
}

// history lists a key's sign-outs, newest first.
func (sc *Screen) history(tag string) []fyne.CanvasObject {
	loans, err := sc.svc.KeyHistory(tag)
	if err != nil {
		return []fyne.CanvasObject{kit.Note(kit.Say(err))}
	}
	slices.Reverse(loans)
	out := make([]fyne.CanvasObject, 0, len(loans))
	for _, l := range loans {
		w := widget.NewLabel(sc.loanText(l))
		w.Wrapping = fyne.TextWrapWord
		out = append(out, w)
	}
	if len(out) == 0 {
		out = append(out, kit.Note(lang.L("keys.never_out")))
	}
	return out
}

// loanText is one sign-out: who, why, out and in, witness.
func (sc *Screen) loanText(l appkeys.KeyLoan) string {
	now := sc.s.Now()
	text := lang.L("keys.h.out", map[string]string{"When": kit.When(l.Out, now),
		"Holder": sc.names.Name(l.Holder), "Purpose": l.Purpose, "By": sc.names.Name(l.OutBy)})
	if l.Witness != "" {
		text += " · " + lang.L("keys.h.witness", map[string]string{"Witness": sc.names.Name(l.Witness)})
	}
	switch {
	case l.Lost:
		text += " · " + lang.L("keys.h.lost", map[string]string{"When": kit.When(l.LostAt, now)})
	case !l.In.IsZero():
		text += " · " + lang.L("keys.h.in", map[string]string{"When": kit.When(l.In, now), "By": sc.names.Name(l.InBy)})
	}
	return text
}
