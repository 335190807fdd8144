package supervisor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// The holding of found items per category in the settings: how long
// (days, or hours for perishables), whether the police are told at once,
// and the disposal methods allowed once unclaimed.

// holdingRow adds category c's rows: its hold with the police check, and
// its disposal methods.
func (t *settingsTab) holdingRow(c app.Category) {
	e := t.f.Entry("90")
	t.f.Check(e, "holding.days", checkCount)
	p := widget.NewCheck(lang.L("supervisor.police_at_once"), nil)
	t.days[c], t.police[c] = e, p
	label := "supervisor.holding"
	if inHours(c) {
		label = "supervisor.holding_hours"
	}
	t.f.Row(lang.L(label, map[string]string{"Category": lang.L("found.cat." + string(c))}),
		"holding."+string(c), container.NewBorder(nil, nil, nil, p, e))
	checks := container.NewHBox()
	t.methods[c] = map[string]*widget.Check{}
	for _, m := range app.DisposalMethods {
		k := widget.NewCheck(lang.L("found.method."+m), nil)
		t.methods[c][m] = k
		checks.Add(k)
	}
	t.f.Row(lang.L("supervisor.disposal_methods"), "methods."+string(c), checks)
}

// inHours: perishables are held for hours, the rest for days.
func inHours(c app.Category) bool { return c == app.CatPerishables }

// showHolding shows category c's holding h.
func (t *settingsTab) showHolding(c app.Category, h app.Holding) {
	n := h.Days
	if inHours(c) {
		n = h.Days*24 + h.Hours
	}
	t.days[c].SetText(strconv.Itoa(n))
	t.police[c].SetChecked(h.Police)
	for m, k := range t.methods[c] {
		k.SetChecked(h.Allows(m))
	}
}

// holding reads category c's holding from the form, or says on its row
// that the number is not one.
func (t *settingsTab) holding(c app.Category) (app.Holding, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(t.days[c].Text))
	if err != nil {
		t.f.Say("holding."+string(c), lang.L("supervisor.count_format"))
		return app.Holding{}, false
	}
	h := app.Holding{Days: n, Police: t.police[c].Checked, Methods: []string{}}
	if inHours(c) {
		h.Days, h.Hours = 0, n
	}
	for _, m := range app.DisposalMethods {
		if t.methods[c][m].Checked {
			h.Methods = append(h.Methods, m)
		}
	}
	return h, true
}
