package keys

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// defaultKeyTime is how long a key is signed out for unless changed.
const defaultKeyTime = 2 * time.Hour

// signOutForm signs a key out to a staff member; master and emergency
// keys need a witness who enters their PIN.
type signOutForm struct {
	*kit.Form
	sc           *Screen
	key, holder  *kit.Choice
	witness      *kit.Choice
	purpose, due *kit.Entry
	witnessPIN   *kit.Entry
	witnessHint  *widget.Label
}

// openSignOut shows the sign-out form, for tag if given.
func (sc *Screen) openSignOut(tag string) *signOutForm {
	sc.names.Load()
	f := &signOutForm{Form: kit.NewForm(), sc: sc}
	f.key = kit.NewChoice(sc.boardTags(), func(string) { f.showWitnessHint() })
	f.key.PlaceHolder = lang.L("keys.pick_key")
	f.holder = kit.NewChoice(sc.names.choices(), nil)
	f.holder.PlaceHolder = lang.L("keys.pick_staff")
	f.holder.SetSelected(sc.names.choiceOf(sc.s.UserID()))
	f.purpose = f.Entry(lang.L("keys.purpose_hint"))
	f.due = f.Entry(kit.TimeLayout)
	f.due.SetText(sc.s.Now().In(sc.s.Location()).Add(defaultKeyTime).Format(kit.TimeLayout))
	f.witness = kit.NewChoice(sc.names.choices(), nil)
	f.witness.PlaceHolder = lang.L("keys.witness_pick")
	f.witnessPIN = f.Entry("")
	f.witnessPIN.Password = true
	f.witnessHint = kit.Note("")
	f.layout()
	f.showWitnessHint()
	if tag != "" {
		f.key.SetSelected(tag)
	}
	sc.Pane().Set(f.Content(lang.L("keys.sign_out_title"), lang.L("keys.sign_out")))
	sc.s.Window.Canvas().Focus(f.firstEmpty())
	return f
}

// firstEmpty is where typing starts: the key, unless the form was opened
// for one, then the purpose.
func (f *signOutForm) firstEmpty() fyne.Focusable {
	if f.key.Selected == "" {
		return f.key
	}
	return f.purpose
}

func (f *signOutForm) layout() {
	f.Row(lang.L("keys.key"), "tag", f.key)
	f.Row(lang.L("keys.holder"), "holder", f.holder)
	f.Row(lang.L("keys.purpose"), "purpose", f.purpose)
	f.Row(lang.L("keys.due"), "due", f.due)
	f.Row(lang.L("keys.witness"), "witness", f.witness)
	f.Row(lang.L("keys.witness_pin"), "witness_pin", f.witnessPIN)
	f.Plain("", f.witnessHint)
	f.Check(f.due, "due", kit.CheckTime)
	f.Check(f.purpose, "purpose", nil)
	for _, code := range []string{"pin.wrong", "staff.locked", "pin.format"} {
		f.Alias[code] = "witness_pin"
	}
	f.Alias["key.held"], f.Alias["key.lost"], f.Alias["key.not_found"] = "tag", "tag", "tag"
	f.Submit, f.Cancel = f.signOut, f.sc.closePane
}

// showWitnessHint says whether the picked key needs a witness.
func (f *signOutForm) showWitnessHint() {
	k, ok := f.sc.Record(f.key.Selected)
	if ok && k.Type.NeedsWitness() {
		f.witnessHint.SetText(lang.L("keys.witness_needed", map[string]string{"Type": keyType(k.Type)}))
		f.witnessHint.Importance = widget.WarningImportance
	} else {
		f.witnessHint.SetText(lang.L("keys.witness_optional"))
		f.witnessHint.Importance = widget.LowImportance
	}
	f.witnessHint.Refresh()
}

func (f *signOutForm) signOut() {
	in := appkeys.KeySignOut{Tag: f.key.Selected, Holder: f.sc.names.idOf(f.holder.Selected),
		Purpose: f.purpose.Text, Due: kit.ParseTime(f.due.Text, f.sc.s.Location()),
		Witness: f.sc.names.idOf(f.witness.Selected), WitnessPIN: f.witnessPIN.Text}
	k, err := f.sc.svc.SignOutKey(f.sc.s.UserID(), in)
	if err != nil {
		f.witnessPIN.SetText("")
		f.Fail(err)
		return
	}
	f.sc.saved(k, "keys.saved_out")
}
