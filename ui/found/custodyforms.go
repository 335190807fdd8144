package found

import (
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// claimForm is the form for handing an item to its owner or shipping it.
type claimForm struct {
	*kit.Form
	tag                                               string
	claimant, contact, desc, last4, carrier, tracking *kit.Entry
	idType, report                                    *kit.Choice
	returnedBy                                        *kit.Choice
	staff                                             []app.Staff
	reports                                           []appfound.ReportMatch
}

// showClaimForm opens the claim form. The item's own description is not
// shown: the claimant describes the item before it is handed over.
func (sc *Screen) showClaimForm(tag string) {
	f := &claimForm{Form: kit.NewForm(), tag: tag}
	f.claimant = f.Entry(lang.L("found.claimant_hint"))
	f.contact = f.Entry(lang.L("found.contact_hint"))
	f.desc = f.Entry(lang.L("found.claim_description_hint"))
	f.idType = kit.NewSelect(codeOptions("found.id.", idTypes), func(string) { f.Say("id_type", "") })
	f.last4 = f.Entry("1234")
	f.Check(f.last4, "id_last4", checkLast4)
	f.carrier = f.Entry(lang.L("found.carrier_hint"))
	f.tracking = f.Entry(lang.L("found.tracking_hint"))
	f.addPeople(sc)
	f.layout()
	f.Submit = func() { sc.submitClaim(f) }
	f.Cancel = sc.backToList
	sc.lastForm, sc.lastClaim = f.Form, f
	sc.Pane().Set(f.Content(lang.L("found.claim_heading", map[string]string{"Tag": tag}), lang.L("found.claim_save")))
	sc.focus(f.First)
}

func (f *claimForm) addPeople(sc *Screen) {
	f.staff, _ = sc.svc.StaffList(false)
	f.returnedBy = kit.NewChoice(staffOptions(f.staff), nil)
	if me, ok := sc.s.User(); ok {
		f.returnedBy.SetSelected(staffOption(me))
	}
	f.reports, _ = sc.svc.MatchesForItem(f.tag)
	from := sc.reportFor(f.tag)
	pick := 0
	for i, m := range f.reports {
		if m.Report.ID == from.ID {
			pick = i + 1
		}
	}
	if pick == 0 && from.ID != "" {
		f.reports = append(f.reports, appfound.ReportMatch{Report: from})
		pick = len(f.reports)
	}
	opts := []string{lang.L("found.no_report")}
	for _, m := range f.reports {
		opts = append(opts, reportLine(m.Report))
	}
	f.report = kit.NewSelect(opts, nil)
	f.report.SetSelectedIndex(pick)
}

// reportFor is the open loss report the item with tag was opened from,
// if any.
func (sc *Screen) reportFor(tag string) appfound.LostReport {
	if sc.claimFor.tag != tag || sc.claimFor.report == "" {
		return appfound.LostReport{}
	}
	r, err := sc.svc.LostReport(sc.claimFor.report)
	if err != nil || r.Closed {
		return appfound.LostReport{}
	}
	return r
}

func (f *claimForm) layout() {
	f.Row(lang.L("found.claimant"), "claimant", f.claimant)
	f.Row(lang.L("found.contact"), "contact", f.contact)
	f.Row(lang.L("found.claim_description"), "description", f.desc)
	f.Row(lang.L("found.id_type"), "id_type", f.idType)
	f.Row(lang.L("found.id_last4"), "id_last4", f.last4)
	f.Row(lang.L("found.returned_by"), "returned_by", f.returnedBy)
	f.Row(lang.L("found.carrier"), "carrier", f.carrier)
	f.Row(lang.L("found.tracking"), "tracking", f.tracking)
	f.Row(lang.L("found.loss_report"), "report", f.report)
}

func checkLast4(s string) string {
	s = strings.TrimSpace(s)
	if s != "" && len(s) != 4 {
		return lang.L("found.last4_format")
	}
	return ""
}

func (f *claimForm) input() appfound.ClaimInput {
	in := appfound.ClaimInput{Tag: f.tag, Claimant: f.claimant.Text, Contact: f.contact.Text,
		IDType: codeOf("found.id.", idTypes, f.idType.Selected), IDLast4: f.last4.Text, Description: f.desc.Text,
		ReturnedBy: staffIDOf(f.staff, f.returnedBy.Selected),
		Carrier:    strings.TrimSpace(f.carrier.Text), Tracking: strings.TrimSpace(f.tracking.Text)}
	if i := f.report.SelectedIndex(); i > 0 && i <= len(f.reports) {
		in.Report = f.reports[i-1].Report.ID
	}
	return in
}

func (sc *Screen) submitClaim(f *claimForm) {
	item, err := sc.svc.ClaimFound(sc.s.UserID(), f.input())
	if err != nil {
		f.Show(err)
		return
	}
	sc.Put(item)
	sc.s.Notify(lang.L("found.claimed", map[string]string{"Tag": item.Tag, "Claimant": claimant(item)}))
	sc.Open(item.Tag)
}

// showTransferForm opens the form for moving an item to another place.
func (sc *Screen) showTransferForm(tag string) {
	f := kit.NewForm()
	location := f.Entry(lang.L("found.storage_hint"))
	inSafe := widget.NewCheck(lang.L("found.in_safe"), nil)
	sc.lastInSafe = inSafe
	note := f.Entry(lang.L("found.note_hint"))
	f.Row(lang.L("found.new_location"), "location", container.NewVBox(location, inSafe))
	f.Row(lang.L("found.note"), "note", note)
	f.Submit = func() {
		item, err := sc.svc.TransferFound(sc.s.UserID(), tag, location.Text, inSafe.Checked, strings.TrimSpace(note.Text))
		sc.done(f, item, err, "found.transferred")
	}
	f.Cancel = sc.backToList
	sc.lastForm = f
	sc.Pane().Set(f.Content(lang.L("found.transfer_heading", map[string]string{"Tag": tag}), lang.L("found.transfer_save")))
	sc.focus(f.First)
}

// showDisposeForm opens the disposal form; the domain lets only a
// supervisor dispose, and before the holding period only with a reason.
// It offers the methods the hotel's set-up allows for the item's
// category; the police take items on a hand-over list (showPoliceForm).
func (sc *Screen) showDisposeForm(tag string) {
	item, err := sc.svc.FoundItem(tag)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	methods, err := sc.svc.DisposalMethodsFor(item.Category)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	f := kit.NewForm()
	method := kit.NewSelect(codeOptions("found.method.", methods), func(string) { f.Say("method", "") })
	reason := f.Entry(lang.L("found.reason_hint"))
	f.Row(lang.L("found.method"), "method", method)
	f.Row(lang.L("found.reason"), "reason", reason)
	f.Plain("", widget.NewLabel(lang.L("found.dispose_police_note")))
	f.Submit = func() {
		item, err := sc.svc.DisposeFound(sc.s.UserID(), tag, codeOf("found.method.", methods, method.Selected), reason.Text)
		sc.done(f, item, err, "found.disposed")
	}
	f.Cancel = sc.backToList
	sc.lastForm = f
	sc.lastDispose = method
	sc.Pane().Set(f.Content(lang.L("found.dispose_heading", map[string]string{"Tag": tag}), lang.L("found.dispose_save")))
	sc.focus(f.First)
}

// done ends a custody form: the refusal beside its field, or a notice and
// the item again.
func (sc *Screen) done(f *kit.Form, item appfound.FoundItem, err error, notice string) {
	if err != nil {
		f.Show(err)
		return
	}
	sc.Put(item)
	sc.s.Notify(lang.L(notice, map[string]string{"Tag": item.Tag}))
	sc.Open(item.Tag)
}
