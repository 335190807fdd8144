package loans

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// detail is a loan's detail: what is out, its history and the actions on
// it.
func (sc *Screen) detail(l apploans.Loan) fyne.CanvasObject {
	box := container.NewVBox(kit.Heading(lang.L("loans.room", map[string]string{"Room": l.Room})))
	box.Add(widget.NewForm(sc.facts(l)...))
	if l.HasConflict() {
		for _, c := range l.Conflicts {
			w := widget.NewLabel(kit.SayConflict(c))
			w.Importance, w.Wrapping = widget.DangerImportance, fyne.TextWrapWord
			box.Add(w)
		}
	}
	box.Add(kit.Heading(lang.L("loans.items")))
	for _, ln := range l.Lines {
		box.Add(widget.NewLabel(sc.lineText(ln)))
	}
	if l.IsOpen() {
		box.Add(sc.actions(l))
	} else {
		box.Add(container.NewHBox(sc.printButton(l)))
	}
	box.Add(kit.Heading(lang.L("loans.history")))
	for _, h := range sc.history(l) {
		box.Add(h)
	}
	return box
}

// facts are a loan's fields, label and value.
func (sc *Screen) facts(l apploans.Loan) []*widget.FormItem {
	now := sc.s.Now()
	due, _ := sc.dueNote(l)
	items := []*widget.FormItem{
		fact("loans.guest", kit.Personal(l.Guest, l.Personal)),
		fact("loans.desk", sc.s.DeskName(l.Desk)),
		fact("loans.opened", kit.When(l.OpenedAt, now)+" · "+sc.names.Name(l.OpenedBy)),
		fact("loans.due", kit.DateTime(l.DueAt.In(sc.s.Location()))+" · "+due),
	}
	if l.Deposit > 0 {
		items = append(items, fact("loans.deposit", money(l.Deposit)))
	}
	if l.Charges > 0 {
		items = append(items, fact("loans.charges", money(l.Charges)))
	}
	return items
}

func fact(key, value string) *widget.FormItem {
	if value == "" {
		value = "—"
	}
	v := widget.NewLabel(value)
	v.Wrapping = fyne.TextWrapWord
	return widget.NewFormItem(lang.L(key), v)
}

// lineText is one line of a loan: "吹风机 ×2 — 还在外 1 · 已还 1".
func (sc *Screen) lineText(ln apploans.LoanLine) string {
	parts := []string{lang.L("loans.out_n", map[string]int{"N": ln.Outstanding()})}
	for _, c := range []struct {
		key string
		n   int
	}{{"loans.back_n", ln.Back}, {"loans.damaged_n", ln.Damaged}, {"loans.lost_n", ln.Lost}} {
		if c.n > 0 {
			parts = append(parts, lang.L(c.key, map[string]int{"N": c.n}))
		}
	}
	text := fmt.Sprintf("%s ×%d — %s", sc.names.item(ln.Item), ln.Count, strings.Join(parts, " · "))
	if len(ln.Tags) > 0 {
		text += " (" + strings.Join(ln.Tags, ", ") + ")"
	}
	return text
}

// act is a loan's main action: the return form while it is open.
func (sc *Screen) act(l apploans.Loan) {
	if l.IsOpen() {
		sc.showReturnForm(l.ID)
	}
}

// actions are the buttons on an open loan, the slip's last.
func (sc *Screen) actions(l apploans.Loan) fyne.CanvasObject {
	ret := widget.NewButton(lang.L("loans.return"), func() { sc.showReturnForm(l.ID) })
	ret.Importance = widget.HighImportance
	all := widget.NewButton(lang.L("loans.return_all"), func() { sc.returnAll(l.ID) })
	ext := widget.NewButton(lang.L("loans.extend"), func() { sc.showExtendForm(l.ID) })
	return container.NewHBox(ret, all, ext, sc.printButton(l))
}

// returnAll takes back everything still out, in good condition.
func (sc *Screen) returnAll(id string) {
	l, err := sc.svc.ReturnAll(sc.s.UserID(), id)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	sc.saved(l, "loans.saved_return")
}

// saved keeps a loan a command returned, shows it and confirms.
func (sc *Screen) saved(l apploans.Loan, key string) {
	sc.Put(l)
	sc.Open(l.ID)
	sc.s.Notify(lang.L(key, map[string]string{"Room": l.Room}))
}

// history lists what happened to a loan, oldest first.
func (sc *Screen) history(l apploans.Loan) []fyne.CanvasObject {
	steps := []kit.HistoryStep{{At: l.OpenedAt, Text: lang.L("loans.h.opened", map[string]string{
		"Who": sc.names.Name(l.OpenedBy), "Items": sc.itemsText(l)})}}
	for _, r := range l.Returns {
		steps = append(steps, kit.HistoryStep{At: r.At, Text: lang.L("loans.h.returned", map[string]string{
			"Who": sc.names.Name(r.By), "Items": sc.returnText(r.Lines)})})
	}
	for _, e := range l.Extensions {
		steps = append(steps, kit.HistoryStep{At: e.At, Text: lang.L("loans.h.extended", map[string]string{
			"Who": sc.names.Name(e.By), "To": kit.DateTime(e.To.In(sc.s.Location())), "Reason": e.Reason})})
	}
	return kit.HistoryLines(steps, sc.s.Now())
}

// returnText lists the lines of one return with condition and charge.
func (sc *Screen) returnText(lines []apploans.ReturnLine) string {
	parts := make([]string, len(lines))
	for i, rl := range lines {
		parts[i] = fmt.Sprintf("%s ×%d %s", sc.names.item(rl.Item), rl.Count, lang.L("loans.cond."+string(rl.Condition)))
		if rl.Charge > 0 {
			parts[i] += " " + money(rl.Charge)
		}
	}
	return strings.Join(parts, ", ")
}
