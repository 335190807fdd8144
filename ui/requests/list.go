package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// requestList is what the screen lists: the requests its two menus pick,
// most pressing first, found by room, guest, description, department and
// kind. The menus pick what is read, so the list is read whole again when
// requests change; a request's detail reads staff names and the hotel's
// follow-up interval.
func (sc *Screen) requestList() kit.ListConfig[apprequests.RequestRow] {
	return kit.ListConfig[apprequests.RequestRow]{
		Kind: kit.KindRequest, Reads: []string{kit.KindStaff, kit.KindHotel},
		ID:  func(r apprequests.RequestRow) string { return r.ID },
		All: sc.readRows, One: sc.svc.RequestRow,
		Words: func(r apprequests.RequestRow) []string { return searchFields(&r) },
		Row:   sc.fillRow, Detail: sc.detailView,
		Export: "requests.export_name", Columns: columns(),
	}
}

// newMenus builds the filter and kind menus and the line that says why
// the list could not be read, and returns them to stand under the search.
func (sc *Screen) newMenus() fyne.CanvasObject {
	sc.filters, sc.kinds = filterChoices(), kindFilterChoices()
	sc.filter = widget.NewSelect(sc.filters.names, nil)
	sc.filter.SetSelectedIndex(0)
	sc.filter.OnChanged = func(string) { sc.Reload() }
	sc.kind = widget.NewSelect(sc.kinds.names, nil)
	sc.kind.SetSelectedIndex(0)
	sc.kind.OnChanged = func(string) { sc.Reload() }
	sc.failed = widget.NewLabel("")
	sc.failed.Importance = widget.DangerImportance
	sc.failed.Hide()
	sc.newHistoryMenus()
	return container.NewVBox(container.NewGridWithColumns(2, sc.filter, sc.kind), sc.period, sc.latest, sc.failed)
}

// readRows reads the rows of the chosen filter and kind afresh; what went
// wrong shows above the list, with the rows that could be read.
func (sc *Screen) readRows() ([]apprequests.RequestRow, error) {
	sc.showHistoryMenus()
	var rows []apprequests.RequestRow
	var err error
	if sc.inHistory() {
		rows, err = sc.historyRows()
	} else {
		rows, err = loadRows(sc.svc, filter(sc.filters.code(sc.filter.Selected)), sc.kinds.code(sc.kind.Selected), sc.s.Now())
	}
	sc.setFailed(err)
	sc.repeats, _ = sc.svc.RepeatsOf(rows) // a flag that cannot be read is left off
	return rows, nil
}

func (sc *Screen) fillRow(r apprequests.RequestRow, row *kit.Row) {
	v := viewRow(&r, sc.s.Now())
	if sc.repeats[r.ID].Any() {
		v.detail += " · " + lang.L("requests.row.repeat")
	}
	row.Set(v.title, v.detail, v.note, v.importance)
}

// searchFields are what the search finds a request by.
func searchFields(r *apprequests.RequestRow) []string {
	return []string{r.Room, r.Area, r.Guest, r.Contact, r.Description, deptName(r.Department), kindName(r.Kind), r.Topic}
}

func (sc *Screen) setFailed(err error) {
	if err == nil {
		sc.failed.Hide()
		return
	}
	sc.failed.SetText(kit.Say(err))
	sc.failed.Show()
}
