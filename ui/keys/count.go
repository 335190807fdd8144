package keys

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// countForm records the key count at shift change: the attendant ticks
// the keys seen on the board (or only types how many), and the result
// says what is missing.
type countForm struct {
	*kit.Form
	sc      *Screen
	present *widget.CheckGroup
	counted *kit.Entry
	result  *fyne.Container
}

// openCount shows the key count form with the keys that should hang on
// the board.
func (sc *Screen) openCount() *countForm {
	f := &countForm{Form: kit.NewForm(), sc: sc, result: container.NewVBox()}
	f.present = widget.NewCheckGroup(sc.boardTags(), func([]string) { f.syncCount() })
	f.present.Horizontal = true
	f.counted = f.Entry(lang.L("keys.counted_hint"))
	f.Row(lang.L("keys.present"), "present", f.present)
	f.Row(lang.L("keys.counted"), "counted", f.counted)
	f.Check(f.counted, "counted", checkCount)
	f.Plain("", f.result)
	f.Submit, f.Cancel = f.record, sc.closePane
	sc.Pane().Set(f.Content(lang.L("keys.count_title"), lang.L("keys.count_save")))
	sc.s.Window.Canvas().Focus(f.counted)
	return f
}

// boardTags are the keys the register says hang on the board.
func (sc *Screen) boardTags() []string {
	var out []string
	for k := range sc.Records() {
		if _, held := k.Current(); !held && !k.Lost {
			out = append(out, k.Tag)
		}
	}
	slices.Sort(out)
	return out
}

// syncCount shows the number of ticked keys as the count.
func (f *countForm) syncCount() {
	f.counted.SetText(strconv.Itoa(len(f.present.Selected)))
}

func checkCount(s string) string {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); s != "" && (err != nil || n < 0) {
		return lang.L("keys.count_format")
	}
	return ""
}

func (f *countForm) record() {
	var present []string
	if len(f.present.Selected) > 0 {
		present = slices.Clone(f.present.Selected)
	}
	n, err := strconv.Atoi(strings.TrimSpace(f.counted.Text))
	if err != nil && present == nil {
		f.Say("counted", lang.L("keys.count_format"))
		return
	}
	c, err := f.sc.svc.CountKeys(f.sc.s.UserID(), n, present)
	if err != nil {
		f.Fail(err)
		return
	}
	f.showResult(c)
}

// showResult says whether the board matched, and what is missing or extra.
func (f *countForm) showResult(c appkeys.KeyCount) {
	f.result.RemoveAll()
	w := widget.NewLabel(countText(c))
	w.TextStyle.Bold, w.Wrapping = true, fyne.TextWrapWord
	if !c.OK() {
		w.Importance = widget.DangerImportance
	}
	f.result.Add(w)
	f.result.Refresh()
	f.sc.s.Notify(lang.L("keys.saved_count"))
}

func countText(c appkeys.KeyCount) string {
	if c.OK() {
		return lang.L("keys.count_ok", map[string]int{"N": c.Counted})
	}
	text := lang.L("keys.count_off", map[string]int{"N": c.Counted, "Expected": len(c.Expected)})
	if len(c.Missing) > 0 {
		text += " " + lang.L("keys.count_missing", map[string]string{"Keys": strings.Join(c.Missing, ", ")})
	}
	if len(c.Extra) > 0 {
		text += " " + lang.L("keys.count_extra", map[string]string{"Keys": strings.Join(c.Extra, ", ")})
	}
	return text
}
