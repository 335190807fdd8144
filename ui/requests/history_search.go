package requests

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// The history choice of the filter menu searches every request ever
// taken, in the period picked under the menus, for what is typed: the
// store's word index answers the latest page (app/requests/search.go),
// so a request closed years ago is found as fast as today's. While it
// is picked, each change of the search text reads the list again.

// newHistoryMenus makes the period menu and the line that says a page
// holds only the latest matches; both show while the history is picked.
func (sc *Screen) newHistoryMenus() {
	sc.period = kit.NewPeriodMenu(func() { sc.Reload() }) // the list is made after the menus
	sc.period.Hide()
	sc.latest = widget.NewLabel(lang.L("requests.history_latest", map[string]int{"Count": apprequests.HistoryPage}))
	sc.latest.Importance = widget.LowImportance
	sc.latest.Wrapping = fyne.TextWrapWord
	sc.latest.Hide()
}

// searchAsTyped makes the search entry read the list again while the
// history is picked: the store answers what is typed, not the rows held.
func (sc *Screen) searchAsTyped() {
	e := sc.Search()
	narrow := e.OnChanged
	e.OnChanged = func(text string) {
		if sc.inHistory() {
			sc.Reload()
			return
		}
		narrow(text)
	}
}

func (sc *Screen) inHistory() bool {
	return filter(sc.filters.code(sc.filter.Selected)) == filterHistory
}

// historyRows are the requests of the kind picked that the search text
// finds in the period picked, the latest first, a page of them.
func (sc *Screen) historyRows() ([]apprequests.RequestRow, error) {
	now := sc.s.Now()
	from, to := kit.PeriodOf(sc.period, now.In(sc.s.Location()))
	q := apprequests.RequestQuery{Text: sc.Search().Text, From: from, To: to,
		Kinds:       names(kindCodes, func(c string) string { return kindName(apprequests.RequestKind(c)) }),
		Departments: names(sc.departments(), deptName), Limit: apprequests.HistoryPage}
	rows, more, err := sc.svc.SearchRows(q, now)
	if kind := sc.kinds.code(sc.kind.Selected); kind != "" {
		rows = slices.DeleteFunc(rows, func(r apprequests.RequestRow) bool { return string(r.Kind) != kind })
	}
	sc.latest.Hidden = !more
	sc.latest.Refresh()
	return rows, err
}

// showHistoryMenus shows the period menu while the history is picked.
func (sc *Screen) showHistoryMenus() {
	if sc.inHistory() {
		sc.period.Show()
		return
	}
	sc.period.Hide()
	sc.latest.Hide()
}

// names are codes' names by code.
func names(codes []string, name func(string) string) map[string]string {
	out := make(map[string]string, len(codes))
	for _, c := range codes {
		out[c] = name(c)
	}
	return out
}
