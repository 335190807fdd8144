package keys

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// reportDays is the period the sign-in and shift reports cover.
const reportDays = 7

// report is one of the key reports.
type report int

const (
	reportKey report = iota
	reportStaff
	reportByOthers
	reportOutsideShift
)

var reportKeys = []string{"keys.r.key", "keys.r.staff", "keys.r.by_others", "keys.r.outside_shift"}

// reportsPane shows one report at a time, picked from a list.
type reportsPane struct {
	sc      *Screen
	kind    *widget.Select
	who     *widget.Select
	view    fyne.CanvasObject // the pickers above the report
	results *fyne.Container   // holds the scroll of the report's lines
	result  *fyne.Container   // the report's lines
}

// showReports shows the key reports.
func (sc *Screen) showReports() { sc.openReports() }

func (sc *Screen) openReports() *reportsPane {
	sc.names.Load()
	p := &reportsPane{sc: sc, results: container.NewStack()}
	p.who = widget.NewSelect(nil, func(string) { p.show() })
	p.kind = widget.NewSelect(reportNames(), func(string) { p.pickKind() })
	back := kit.Reading(widget.NewButton(lang.L("keys.close"), sc.closePane))
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(sc.printDayButton(), back), kit.Heading(lang.L("keys.reports"))),
		container.NewGridWithColumns(2, p.kind, p.who))
	p.view = container.NewBorder(top, nil, nil, nil, p.results)
	p.kind.SetSelectedIndex(int(reportByOthers))
	return p
}

func reportNames() []string {
	out := make([]string, len(reportKeys))
	for i, k := range reportKeys {
		out[i] = lang.L(k)
	}
	return out
}

// pickKind shows the key or staff picker the report needs, and the report.
func (p *reportsPane) pickKind() {
	p.who.Options, p.who.PlaceHolder = p.choices()
	p.who.Selected = ""
	p.who.Hidden = p.who.Options == nil
	p.who.Refresh()
	p.show()
}

// choices are what the picked report asks for, keys or staff, with the
// picker's hint; nil when it asks for nothing.
func (p *reportsPane) choices() ([]string, string) {
	switch report(p.kind.SelectedIndex()) {
	case reportKey:
		return p.sc.allTags(), lang.L("keys.pick_key")
	case reportStaff:
		return p.sc.names.choices(), lang.L("keys.pick_staff")
	}
	return nil, ""
}

// show shows the picked report from the top, built again as the key
// loans and the staff it names change; the shift report also reads the
// hotel's shifts.
func (p *reportsPane) show() {
	reads := []string{kit.KindKey, kit.KindStaff}
	if report(p.kind.SelectedIndex()) == reportOutsideShift {
		reads = append(reads, kit.KindHotel)
	}
	p.sc.Pane().SetView(p.build, reads...)
}

// build fills the results with the picked report's lines, below the
// pickers as they were left; the picker offers the keys and staff there
// are now.
func (p *reportsPane) build() (fyne.CanvasObject, *container.Scroll) {
	p.who.Options, _ = p.choices()
	p.who.Refresh()
	lines, err := p.lines()
	p.result = container.NewVBox()
	if err != nil {
		p.result.Add(kit.Note(kit.Say(err)))
	}
	for _, l := range lines {
		w := widget.NewLabel(l)
		w.Wrapping = fyne.TextWrapWord
		p.result.Add(w)
	}
	if err == nil && len(lines) == 0 {
		p.result.Add(kit.Note(lang.L("keys.r.none")))
	}
	scroll := container.NewVScroll(p.result)
	p.results.Objects = []fyne.CanvasObject{scroll}
	p.results.Refresh()
	return p.view, scroll
}

func (p *reportsPane) lines() ([]string, error) {
	now := p.sc.s.Now()
	from, to := now.AddDate(0, 0, -reportDays), now.Add(1)
	switch report(p.kind.SelectedIndex()) {
	case reportKey:
		if p.who.Selected == "" {
			return nil, nil
		}
		loans, err := p.sc.svc.KeyHistory(p.who.Selected)
		return p.sc.texts(tagged(p.who.Selected, loans)), err
	case reportStaff:
		id := p.sc.names.idOf(p.who.Selected)
		if id == "" {
			return nil, nil
		}
		loans, err := p.sc.svc.StaffKeyHistory(id)
		return p.sc.texts(loans), err
	case reportOutsideShift:
		loans, err := p.sc.svc.SignOutsOutsideShift(from, to)
		return p.sc.texts(loans), err
	}
	loans, err := p.sc.svc.SignInsByOthers(from, to)
	return p.sc.texts(loans), err
}

func tagged(tag string, loans []appkeys.KeyLoan) []appkeys.KeyLoanOf {
	out := make([]appkeys.KeyLoanOf, len(loans))
	for i, l := range loans {
		out[i] = appkeys.KeyLoanOf{Tag: tag, KeyLoan: l}
	}
	return out
}

// texts are report lines, newest first: the key, then its sign-out.
func (sc *Screen) texts(loans []appkeys.KeyLoanOf) []string {
	out := make([]string, 0, len(loans))
	for i := len(loans) - 1; i >= 0; i-- {
		out = append(out, loans[i].Tag+" · "+sc.loanText(loans[i].KeyLoan))
	}
	return out
}
