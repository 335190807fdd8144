package keys

import (
	"slices"
	"time"

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
	key    *kit.Choice
	at     *kit.Entry
	answer *fyne.Container
	view   fyne.CanvasObject // the form, with the answer
}

// openLookup shows the who-held lookup, for the picked key if any.
func (sc *Screen) openLookup() *lookupForm {
	f := &lookupForm{Form: kit.NewForm(), sc: sc, answer: container.NewVBox()}
	f.key = kit.NewChoice(sc.allTags(), nil)
	f.key.PlaceHolder = lang.L("keys.pick_key")
	if sc.Shown() != "" {
		f.key.SetSelected(sc.Shown())
	}
	f.at = f.Entry(kit.TimeLayout)
	f.at.SetText(sc.s.Now().In(sc.s.Location()).Format(kit.TimeLayout))
	f.Row(lang.L("keys.key"), "tag", f.key)
	f.Row(lang.L("keys.at"), "at", f.at)
	f.Check(f.at, "at", kit.CheckTime)
	f.Plain("", f.answer)
	f.Submit, f.Cancel = f.look, sc.closePane
	f.view = f.Content(lang.L("keys.who_held_title"), lang.L("keys.look_up"))
	sc.Pane().Set(f.view)
	sc.s.Window.Canvas().Focus(f.at)
	return f
}

func (sc *Screen) allTags() []string {
	var tags []string
	for k := range sc.Records() {
		tags = append(tags, k.Tag)
	}
	slices.Sort(tags)
	return tags
}

// look shows who held the key at the time, or that it was on the board;
// the answer is built again, for the key and time asked, as key loans and
// the staff it names change, and the form stays as typed.
func (f *lookupForm) look() {
	tag, at := f.key.Selected, kit.ParseTime(f.at.Text, f.sc.s.Location())
	if tag == "" || at.IsZero() {
		f.answer.RemoveAll()
		f.sc.Pane().Set(f.view) // no answer to keep up to date
		f.Say("tag", lang.L("keys.lookup_required"))
		return
	}
	f.Errs.Clear()
	f.sc.Pane().SetView(func() (fyne.CanvasObject, *container.Scroll) {
		f.answerFor(tag, at)
		return f.view, nil // the form keeps its own scroll
	}, kit.KindKey, kit.KindStaff)
}

// answerFor fills the answer with who held key tag at at.
func (f *lookupForm) answerFor(tag string, at time.Time) {
	f.answer.RemoveAll()
	loans, err := f.sc.svc.KeyHolderAt(tag, at)
	if err != nil {
		f.answer.Add(kit.Note(kit.Say(err)))
	}
	if err == nil && len(loans) == 0 {
		f.answer.Add(widget.NewLabel(lang.L("keys.was_on_board", map[string]string{"Key": tag, "When": kit.DateTime(at)})))
	}
	for _, l := range loans {
		w := widget.NewLabel(f.sc.loanText(l))
		w.TextStyle.Bold, w.Wrapping = true, fyne.TextWrapWord
		f.answer.Add(w)
	}
	f.answer.Refresh()
}
