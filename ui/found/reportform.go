package found

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// reportForm is the form for a guest's loss report.
type reportForm struct {
	*kit.Form
	guest, contact, room, place, lostAt, desc *kit.Entry
	category                                  *kit.Choice
}

// showReportForm opens the form for recording a guest's loss report.
func (sc *Screen) showReportForm() {
	f := &reportForm{Form: kit.NewForm()}
	f.guest = f.Entry(lang.L("found.guest_hint"))
	f.contact = f.Entry(lang.L("found.contact_hint"))
	f.room = f.Entry(lang.L("found.room_hint"))
	f.place = f.Entry(lang.L("found.lost_place_hint"))
	f.lostAt = f.Entry(kit.TimeLayout)
	f.lostAt.SetText(sc.s.Now().In(sc.s.Location()).Format(kit.TimeLayout))
	f.Check(f.lostAt, "lost_at", kit.CheckTime)
	f.category = kit.NewSelect(categoryOptions(), func(string) { f.Say("category", "") })
	f.desc = f.Entry(lang.L("found.lost_description_hint"))
	f.Row(lang.L("found.guest"), "guest", f.guest)
	f.Row(lang.L("found.contact"), "contact", f.contact)
	f.Row(lang.L("found.room"), "room", f.room)
	f.Row(lang.L("found.lost_place"), "place", f.place)
	f.Row(lang.L("found.lost_at"), "lost_at", f.lostAt)
	f.Row(lang.L("found.category"), "category", f.category)
	f.Row(lang.L("found.description"), "description", f.desc)
	f.Submit = func() { sc.submitReport(f) }
	f.Cancel = sc.backToList
	sc.lastForm = f.Form
	sc.lastReportForm = f
	sc.Pane().Set(f.Content(lang.L("found.report"), lang.L("found.report_save")))
	sc.focus(f.First)
}

func (sc *Screen) submitReport(f *reportForm) {
	in := appfound.LostReportInput{Guest: f.guest.Text, Contact: strings.TrimSpace(f.contact.Text),
		Room: strings.TrimSpace(f.room.Text), Place: strings.TrimSpace(f.place.Text),
		LostAt: kit.ParseTime(f.lostAt.Text, sc.s.Location()), Category: categoryOf(f.category.Selected),
		Description: f.desc.Text}
	r, _, err := sc.svc.FileLostReport(sc.s.UserID(), in)
	if err != nil {
		f.Show(err)
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

// showReport shows a loss report with the held items that may match it,
// at the reader's place when the pane shows that report already.
func (sc *Screen) showReport(id string) bool {
	r, err := sc.svc.LostReport(id)
	if err != nil {
		return false
	}
	v := &reportView{id: id}
	box := container.NewVBox(kit.Heading(lang.L("found.report_heading")), wrapped(reportLine(r)),
		wrapped(lang.L("found.report_contact", map[string]string{"Contact": kit.Personal(r.Contact, r.Personal),
			"When": kit.When(r.LostAt, sc.s.Now()), "By": sc.names.Name(r.FiledBy)})))
	if r.Closed {
		box.Add(wrapped(lang.L("found.report_closed", map[string]string{"Item": r.Item})))
	} else {
		sc.addItemMatches(box, v, id)
	}
	sc.lastReport = v
	back := kit.Reading(widget.NewButton(lang.L("found.back"), sc.backToList))
	scroll := container.NewVScroll(box)
	sc.Pane().SetDetail(wire.EntityRef{Kind: kit.KindLostReport, ID: id},
		container.NewBorder(nil, container.NewHBox(back), nil, nil, scroll), scroll)
	return true
}

func (sc *Screen) addItemMatches(box *fyne.Container, v *reportView, id string) {
	matches, err := sc.svc.MatchesForReport(id)
	if err != nil {
		return
	}
	box.Add(kit.Heading(lang.L("found.matching_items")))
	if len(matches) == 0 {
		box.Add(widget.NewLabel(lang.L("found.no_item_matches")))
	}
	for _, m := range matches {
		v.matches = append(v.matches, m.Item.Tag)
		tag := m.Item.Tag
		b := kit.Reading(widget.NewButton(tag+"  "+categoryName(m.Item.Category)+" · "+m.Item.Description+" · "+m.Item.Place,
			func() { sc.claimFor.tag, sc.claimFor.report = tag, id; sc.Open(tag) }))
		b.Alignment = widget.ButtonAlignLeading
		claim := widget.NewButton(lang.L("found.claim"), func() { sc.claimFromReport(tag, id) })
		box.Add(withWhy(container.NewBorder(nil, nil, nil, claim, b), m.Reasons))
	}
}

// showReports lists the open loss reports, built again as reports are
// filed and closed.
func (sc *Screen) showReports() {
	sc.Pane().SetView(func() (fyne.CanvasObject, *container.Scroll) {
		s := container.NewVScroll(sc.openReports())
		return s, s
	}, kit.KindLostReport)
}

// openReports is the open loss reports, newest first.
func (sc *Screen) openReports() fyne.CanvasObject {
	box := container.NewVBox(container.NewBorder(nil, nil, nil, kit.TableExportButton(sc.s, sc.reportsTable), kit.Heading(lang.L("found.open_reports"))))
	list, err := sc.svc.OpenLostReports()
	if err != nil {
		box.Add(kit.Note(kit.Say(err)))
	}
	if err == nil && len(list) == 0 {
		box.Add(widget.NewLabel(lang.L("found.no_reports")))
	}
	for i := len(list) - 1; i >= 0; i-- {
		box.Add(sc.reportButton(list[i]))
	}
	return box
}

// claimFromReport opens the claim form of the item with tag for the loss
// report id, which the form starts on.
func (sc *Screen) claimFromReport(tag, id string) {
	sc.claimFor.tag, sc.claimFor.report = tag, id
	sc.Open(tag)
	sc.showClaimForm(tag)
}
