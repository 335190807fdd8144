package keys

import (
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// lookupForm answers "who held key X at time T".
type lookupForm struct {
	*kit.Form
	sc     *Screen
	key    *widget.Select
	at     *kit.Entry
	answer *fyne.Container
}

// openLookup shows the who-held lookup, for the picked key if any.
func (sc *Screen) openLookup() *lookupForm {
	f := &lookupForm{Form: kit.NewForm(), sc: sc, answer: container.NewVBox()}
	f.key = widget.NewSelect(sc.allTags(), nil)
	f.key.PlaceHolder = lang.L("keys.pick_key")
	if sc.shown != "" {
		f.key.SetSelected(sc.shown)
	}
	f.at = f.Entry(kit.TimeLayout)
	f.at.SetText(sc.s.Now().In(sc.names.loc()).Format(kit.TimeLayout))
	f.Row(lang.L("keys.key"), "tag", f.key)
	f.Row(lang.L("keys.at"), "at", f.at)
	f.Check(f.at, "at", kit.CheckTime)
	f.Plain("", f.answer)
	f.Submit, f.Cancel = f.look, sc.closePane
	sc.setPane(f.Content(lang.L("keys.who_held_title"), lang.L("keys.look_up")))
	sc.s.Window.Canvas().Focus(f.at)
	return f
}

func (sc *Screen) allTags() []string {
	return slices.Sorted(maps.Keys(sc.keys))
}

// look shows who held the key at the time, or that it was on the board.
func (f *lookupForm) look() {
	f.answer.RemoveAll()
	at := kit.ParseTime(f.at.Text, f.sc.names.loc())
	if f.key.Selected == "" || at.IsZero() {
		f.Say("tag", lang.L("keys.lookup_required"))
		return
	}
	f.Errs.Clear()
	loans, err := f.sc.s.Svc.KeyHolderAt(f.key.Selected, at)
	if err != nil {
		f.Fail(err)
		return
	}
	if len(loans) == 0 {
		f.answer.Add(widget.NewLabel(lang.L("keys.was_on_board", map[string]string{"Key": f.key.Selected, "When": kit.DateTime(at)})))
	}
	for _, l := range loans {
		w := widget.NewLabel(f.sc.loanText(l))
		w.TextStyle.Bold, w.Wrapping = true, fyne.TextWrapWord
		f.answer.Add(w)
	}
	f.answer.Refresh()
}
