package found

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
)

// reportForm is the form for a guest's loss report.
type reportForm struct {
	*form
	guest, contact, room, place, lostAt, desc *entry
	category                                  *widget.Select
}

// showReportForm opens the form for recording a guest's loss report.
func (sc *Screen) showReportForm() {
	f := &reportForm{form: newForm()}
	f.guest = f.entry(lang.L("found.guest_hint"))
	f.contact = f.entry(lang.L("found.contact_hint"))
	f.room = f.entry(lang.L("found.room_hint"))
	f.place = f.entry(lang.L("found.lost_place_hint"))
	f.lostAt = f.entry(timeLayout)
	f.lostAt.SetText(sc.s.Now().In(sc.s.Svc.Location).Format(timeLayout))
	f.clearOnChange(f.lostAt, "lost_at", checkTime)
	f.category = newSelect(categoryOptions(), func(string) { f.set("category", "") })
	f.desc = f.entry(lang.L("found.lost_description_hint"))
	f.row(lang.L("found.guest"), "guest", f.guest)
	f.row(lang.L("found.contact"), "contact", f.contact)
	f.row(lang.L("found.room"), "room", f.room)
	f.row(lang.L("found.lost_place"), "place", f.place)
	f.row(lang.L("found.lost_at"), "lost_at", f.lostAt)
	f.row(lang.L("found.category"), "category", f.category)
	f.row(lang.L("found.description"), "description", f.desc)
	f.submit = func() { sc.submitReport(f) }
	f.cancel = sc.backToList
	sc.lastForm = f.form
	sc.lastReportForm = f
	sc.shown = ""
	sc.setPane(f.content(lang.L("found.report"), lang.L("found.report_save")))
	sc.focus(f.first)
}

func (sc *Screen) submitReport(f *reportForm) {
	in := app.LostReportInput{Guest: f.guest.Text, Contact: strings.TrimSpace(f.contact.Text),
		Room: strings.TrimSpace(f.room.Text), Place: strings.TrimSpace(f.place.Text),
		LostAt: parseTime(f.lostAt.Text, sc.s.Svc.Location), Category: categoryOf(f.category.Selected),
		Description: f.desc.Text}
	r, _, err := sc.s.Svc.FileLostReport(sc.s.UserID(), in)
	if err != nil {
		f.show(err)
		return
	}
	sc.s.Notify(lang.L("found.report_saved", map[string]string{"Guest": r.Guest}))
	sc.showReport(r.ID)
}

// reportView is a loss report's pane, kept for tests.
type reportView struct {
	id      string
	matches []string // tags of the possible matches
}

// showReport shows a loss report with the held items that may match it.
func (sc *Screen) showReport(id string) bool {
	r, err := sc.s.Svc.LostReport(id)
	if err != nil {
		return false
	}
	v := &reportView{id: id}
	box := container.NewVBox(heading(lang.L("found.report_heading")), wrapped(reportLine(r)),
		wrapped(lang.L("found.report_contact", map[string]string{"Contact": r.Contact,
			"When": kit.When(r.LostAt, sc.s.Now()), "By": sc.name(r.FiledBy)})))
	if r.Closed {
		box.Add(wrapped(lang.L("found.report_closed", map[string]string{"Item": r.Item})))
	} else {
		sc.addItemMatches(box, v, id)
	}
	sc.lastReport = v
	sc.shown = ""
	back := widget.NewButton(lang.L("found.back"), sc.backToList)
	sc.setPane(container.NewBorder(nil, container.NewHBox(back), nil, nil, container.NewVScroll(box)))
	return true
}

func (sc *Screen) addItemMatches(box *fyne.Container, v *reportView, id string) {
	matches, err := sc.s.Svc.MatchesForReport(id)
	if err != nil {
		return
	}
	box.Add(heading(lang.L("found.matching_items")))
	if len(matches) == 0 {
		box.Add(widget.NewLabel(lang.L("found.no_item_matches")))
	}
	for _, m := range matches {
		v.matches = append(v.matches, m.Item.Tag)
		tag := m.Item.Tag
		b := widget.NewButton(tag+"  "+categoryName(m.Item.Category)+" · "+m.Item.Description+" · "+m.Item.Place,
			func() { sc.showItem(tag) })
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
}

// showReports lists the open loss reports.
func (sc *Screen) showReports() {
	list, err := sc.s.Svc.OpenLostReports()
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	box := container.NewVBox(heading(lang.L("found.open_reports")))
	if len(list) == 0 {
		box.Add(widget.NewLabel(lang.L("found.no_reports")))
	}
	for i := len(list) - 1; i >= 0; i-- {
		box.Add(sc.reportButton(list[i]))
	}
	sc.shown = ""
	sc.setPane(container.NewVScroll(box))
}
