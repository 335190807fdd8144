package loans

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// lendForm is the form to lend items to a room. Items are added as lines
// by type and count, or by asset tag: a barcode scanner types the tag and
// ends with Enter, which adds it. Picking a type adds its line at once;
// the count typed next is that line's count.
type lendForm struct {
	*kit.Form
	sc           *Screen
	room, guest  *kit.Entry
	count, tag   *kit.Entry
	due, deposit *kit.Entry
	item         *kit.Choice
	lines        []apploans.LoanLine
	linesBox     *fyne.Container
	// counting is the line the count entry sets, the one picked last; -1
	// when the count typed is for the next pick.
	counting int
}

// showLendForm shows an empty lend form in the pane.
func (sc *Screen) showLendForm() { sc.openLendForm() }

func (sc *Screen) openLendForm() *lendForm {
	sc.names.load()
	f := sc.newLendForm()
	sc.Pane().Set(f.Content(lang.L("loans.lend_title"), lang.L("loans.lend")))
	sc.s.Window.Canvas().Focus(f.room)
	return f
}

func (sc *Screen) newLendForm() *lendForm {
	f := &lendForm{Form: kit.NewForm(), sc: sc, linesBox: container.NewVBox(), counting: -1}
	f.room = f.Entry(lang.L("loans.room_hint"))
	f.guest = f.Entry("")
	f.item = kit.NewChoice(sc.names.itemNames(), func(s string) {
		if s != "" {
			f.addPicked()
		}
	})
	f.item.PlaceHolder = lang.L("loans.item_pick")
	f.count = f.Entry("1")
	f.count.OnSubmit = func(string) { f.addOrSubmit() }
	f.count.OnChanged = f.recount
	f.tag = f.Entry(lang.L("loans.tag_hint"))
	f.tag.OnSubmit = f.addTag
	f.due = f.Entry(kit.TimeLayout)
	f.due.SetText(sc.defaultDue().Format(kit.TimeLayout))
	f.deposit = f.Entry("0")
	f.layout()
	f.Submit, f.Cancel = f.lend, sc.closePane
	return f
}

func (f *lendForm) layout() {
	for _, code := range []string{"loan.short", "loan.short_nowhere", "loan.tag_out", "itemtype.unknown"} {
		f.Alias[code] = "items"
	}
	f.Alias["count"], f.Alias["tags"] = "items", "items"
	f.Row(lang.L("loans.room_label"), "room", f.room)
	f.Row(lang.L("loans.guest"), "guest", f.guest)
	add := widget.NewButtonWithIcon(lang.L("loans.add"), theme.ContentAddIcon(), f.addPicked)
	picker := container.NewBorder(nil, nil, nil, container.NewHBox(widgetWidth(f.count, 60), add), f.item)
	f.Row(lang.L("loans.items"), "items", container.NewVBox(picker, f.tag, f.linesBox))
	f.Row(lang.L("loans.due"), "due_at", container.NewVBox(f.due, kit.Note(lang.L("loans.due_default"))))
	f.Row(lang.L("loans.deposit_yuan"), "deposit", f.deposit)
	f.Check(f.due, "due_at", kit.CheckTime)
	f.Check(f.deposit, "deposit", checkMoney)
	f.Check(f.room, "room", nil)
}

// widgetWidth gives o a fixed minimum width.
func widgetWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// defaultDue is the domain's default: LoanDueHour the next day, hotel time.
func (sc *Screen) defaultDue() time.Time {
	now := sc.s.Now().In(sc.s.Location())
	return time.Date(now.Year(), now.Month(), now.Day()+1, apploans.LoanDueHour, 0, 0, 0, now.Location())
}

// addPicked adds the picked item type as a line, with the count typed
// before it (1 for none); the count typed next is the line's count. With
// nothing picked (the Add button after a pick) it ends the line's count.
func (f *lendForm) addPicked() {
	t, ok := f.sc.names.byName(f.item.Selected)
	if !ok && f.counting >= 0 {
		f.endCount()
		return
	}
	if !ok {
		f.Say("items", lang.L("loans.item_required"))
		return
	}
	n := 1
	if f.counting < 0 {
		if n, ok = readCount(f.count.Text); !ok {
			f.Say("items", lang.L("loans.count_format"))
			return
		}
	}
	f.endCount()
	f.addLine(apploans.LoanLine{Item: t.Code, Count: n})
	f.counting = slices.IndexFunc(f.lines, func(o apploans.LoanLine) bool { return o.Item == t.Code && len(o.Tags) == 0 })
	f.item.ClearSelected()
}

// readCount reads a typed count of items, 1 when empty.
func readCount(s string) (int, bool) {
	if strings.TrimSpace(s) == "" {
		return 1, true
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 1
}

// recount sets the count of the line picked last to what is typed.
func (f *lendForm) recount(s string) {
	if f.counting < 0 || f.counting >= len(f.lines) || strings.TrimSpace(s) == "" {
		return
	}
	n, ok := readCount(s)
	if !ok {
		f.Say("items", lang.L("loans.count_format"))
		return
	}
	f.Say("items", "")
	f.lines[f.counting].Count = n
	f.showLines()
}

// endCount ends the count of the line picked last: the count entry is
// for the next pick.
func (f *lendForm) endCount() {
	f.counting = -1
	f.count.SetText("")
}

// addOrSubmit is Enter in the count entry: it ends the count of the line
// picked last, adds the picked item, or submits when there is neither,
// so Enter in the count entry never does nothing.
func (f *lendForm) addOrSubmit() {
	switch {
	case f.counting >= 0:
		f.endCount()
	case f.item.Selected == "":
		f.Run()
	default:
		f.addPicked()
	}
}

// addTag adds a scanned or typed asset tag as a line of its item type;
// Enter in the empty tag entry submits the form.
func (f *lendForm) addTag(tag string) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		f.Run()
		return
	}
	t, ok := f.sc.names.tagOwner(tag)
	if !ok {
		f.Say("items", lang.L("loans.tag_unknown", map[string]string{"Tag": tag}))
		return
	}
	f.addLine(apploans.LoanLine{Item: t.Code, Count: 1, Tags: []string{tag}})
	f.tag.SetText("")
}

// addLine merges a line into the form's lines and shows them.
func (f *lendForm) addLine(ln apploans.LoanLine) {
	f.Say("items", "")
	i := slices.IndexFunc(f.lines, func(o apploans.LoanLine) bool { return o.Item == ln.Item })
	if i < 0 {
		f.lines = append(f.lines, ln)
	} else if len(ln.Tags) > 0 && slices.Contains(f.lines[i].Tags, ln.Tags[0]) {
		return
	} else {
		f.lines[i].Count += ln.Count
		f.lines[i].Tags = append(f.lines[i].Tags, ln.Tags...)
	}
	f.showLines()
}

func (f *lendForm) showLines() {
	f.linesBox.RemoveAll()
	for i, ln := range f.lines {
		text := fmt.Sprintf("%s ×%d", f.sc.names.item(ln.Item), ln.Count)
		if len(ln.Tags) > 0 {
			text += " (" + strings.Join(ln.Tags, ", ") + ")"
		}
		rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeLine(i) })
		rm.Importance = widget.LowImportance
		f.linesBox.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(text)))
	}
	f.linesBox.Refresh()
}

func (f *lendForm) removeLine(i int) {
	if i < len(f.lines) {
		f.counting = -1
		f.lines = slices.Delete(f.lines, i, i+1)
		f.showLines()
	}
}

// input is what the form says, with a picked but not added item included.
func (f *lendForm) input() (apploans.LendInput, bool) {
	if f.item.Selected != "" {
		f.addPicked()
	}
	deposit, ok := parseMoney(f.deposit.Text)
	if !ok {
		f.Say("deposit", lang.L("loans.money_format"))
		return apploans.LendInput{}, false
	}
	return apploans.LendInput{Room: strings.TrimSpace(f.room.Text), Guest: f.guest.Text,
		Lines: slices.Clone(f.lines), DueAt: kit.ParseTime(f.due.Text, f.sc.s.Location()), Deposit: deposit}, true
}

// lend lends the items; a refusal shows at its field, keeping the form.
func (f *lendForm) lend() {
	in, ok := f.input()
	if !ok {
		return
	}
	l, err := f.sc.svc.Lend(f.sc.s.UserID(), in)
	if err != nil {
		f.Fail(err)
		return
	}
	f.sc.saved(l, "loans.saved_lend")
}
