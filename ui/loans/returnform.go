package loans

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

var conditions = []apploans.LoanCondition{apploans.ConditionFine, apploans.ConditionDamaged, apploans.ConditionLost}

// returnLine is one item type's fields on the return form.
type returnLine struct {
	line      apploans.LoanLine
	count     *kit.Entry
	condition *kit.Choice
	charge    *kit.Entry
}

// returnForm takes items back: per line a count, a condition and a charge.
type returnForm struct {
	*kit.Form
	sc    *Screen
	loan  apploans.Loan
	lines []*returnLine
}

// showReturnForm shows the return form of an open loan.
func (sc *Screen) showReturnForm(id string) { sc.openReturnForm(id) }

func (sc *Screen) openReturnForm(id string) *returnForm {
	l, ok := sc.Record(id)
	if !ok {
		return nil
	}
	f := &returnForm{Form: kit.NewForm(), sc: sc, loan: l}
	for _, ln := range l.Lines {
		if ln.Outstanding() > 0 {
			f.addLine(ln)
		}
	}
	f.Plain("", f.Errs.For("items"))
	f.Submit, f.Cancel = f.takeBack, sc.closePane
	for _, field := range []string{"count", "condition", "charge", "tags"} {
		f.Alias[field] = "items"
	}
	title := lang.L("loans.return_title", map[string]string{"Room": l.Room})
	sc.Pane().Set(f.Content(title, lang.L("loans.return")))
	if f.First != nil {
		sc.s.Window.Canvas().Focus(f.First)
	}
	return f
}

func (f *returnForm) addLine(ln apploans.LoanLine) {
	rl := &returnLine{line: ln, count: f.Entry(""), charge: f.Entry("0")}
	rl.count.SetText(strconv.Itoa(ln.Outstanding()))
	rl.condition = kit.NewSelect(conditionNames(), nil)
	rl.condition.SetSelectedIndex(0)
	field := lineField(ln.Item)
	check := func(string) string { return rl.problem() }
	f.Check(rl.count, field, check)
	f.Check(rl.charge, field, check)
	f.lines = append(f.lines, rl)
	label := f.sc.names.item(ln.Item) + " · " + lang.L("loans.out_n", map[string]int{"N": ln.Outstanding()})
	row := container.NewGridWithColumns(3, labelled("loans.count", rl.count),
		labelled("loans.condition", rl.condition), labelled("loans.charge_yuan", rl.charge))
	f.Row(label, field, row)
}

// lineField is the form field of an item type's line.
func lineField(item string) string { return "line." + item }

// problem says what is wrong with the line's count and charge, naming
// each; "" when both read.
func (rl *returnLine) problem() string {
	var out []string
	n, err := strconv.Atoi(strings.TrimSpace(rl.count.Text))
	if err != nil || n < 0 || n > rl.line.Outstanding() {
		out = append(out, lang.L("loans.count_bad", map[string]int{"N": rl.line.Outstanding()}))
	}
	if _, ok := parseMoney(rl.charge.Text); !ok {
		out = append(out, lang.L("loans.charge_bad"))
	}
	return strings.Join(out, " ")
}

// labelled puts a small caption above a field.
func labelled(key string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(widget.NewLabel(lang.L(key)), o)
}

func conditionNames() []string {
	out := make([]string, len(conditions))
	for i, c := range conditions {
		out[i] = lang.L("loans.cond." + string(c))
	}
	return out
}

// returnLines is what the form says: lines with a count above zero.
// Every line that does not read says so under it.
func (f *returnForm) returnLines() ([]apploans.ReturnLine, bool) {
	ok := true
	for _, rl := range f.lines {
		p := rl.problem()
		f.Say(lineField(rl.line.Item), p)
		ok = ok && p == ""
	}
	if !ok {
		return nil, false
	}
	var out []apploans.ReturnLine
	for _, rl := range f.lines {
		n, _ := strconv.Atoi(strings.TrimSpace(rl.count.Text))
		charge, _ := parseMoney(rl.charge.Text)
		if n == 0 {
			continue
		}
		cond := conditions[max(0, rl.condition.SelectedIndex())]
		out = append(out, apploans.ReturnLine{Item: rl.line.Item, Count: n, Tags: firstTagsOut(rl.line, n),
			Condition: cond, Charge: charge})
	}
	return out, true
}

// firstTagsOut picks n asset tags still out on a line (none for counted
// items).
func firstTagsOut(ln apploans.LoanLine, n int) []string {
	var out []string
	for _, t := range ln.Tags {
		if len(out) < n && !contains(ln.TagsDone, t) {
			out = append(out, t)
		}
	}
	if len(out) < n {
		return nil
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (f *returnForm) takeBack() {
	lines, ok := f.returnLines()
	if !ok {
		return
	}
	l, err := f.sc.svc.ReturnLoan(f.sc.s.UserID(), f.loan.ID, lines)
	if err != nil {
		f.Fail(err)
		return
	}
	f.sc.saved(l, "loans.saved_return")
}
