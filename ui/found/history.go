package found

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/app/personal"
	"floordesk/ui/kit"
)

// history lists what happened to the item, oldest first.
func (sc *Screen) history(f appfound.FoundItem) []string {
	now := sc.s.Now()
	out := []string{lang.L("found.h.logged", map[string]string{
		"When": kit.When(f.LoggedAt, now), "By": sc.names.Name(f.LoggedBy), "Desk": sc.s.DeskName(f.Desk)})}
	for _, c := range f.Custody[min(1, len(f.Custody)):] {
		out = append(out, lang.L("found.h.moved", map[string]string{
			"When": kit.When(c.At, now), "By": sc.names.Name(c.By), "Location": sc.storageText(c)}))
	}
	for _, c := range f.Claims {
		out = append(out, sc.claimLine(c, f.Personal))
	}
	if d := f.Disposal; d != nil {
		out = append(out, sc.disposalLine(*d))
	}
	for _, c := range f.Resolved {
		out = append(out, lang.L("found.h.resolved", map[string]string{"By": sc.names.Name(c.ResolvedBy), "Note": c.Note}))
	}
	return out
}

func (sc *Screen) claimLine(c appfound.Claim, st personal.State) string {
	m := map[string]string{"When": kit.When(c.At, sc.s.Now()), "Claimant": kit.Personal(c.Claimant, st), "Contact": kit.Personal(c.Contact, st),
		"ID": lang.L("found.id." + c.IDType), "Last4": c.IDLast4, "By": sc.names.Name(c.ReturnedBy),
		"Description": c.Description, "Carrier": c.Carrier, "Tracking": c.Tracking}
	if c.Shipped() {
		return lang.L("found.h.shipped", m)
	}
	return lang.L("found.h.claimed", m)
}

func (sc *Screen) disposalLine(d appfound.Disposal) string {
	m := map[string]string{"When": kit.When(d.At, sc.s.Now()), "By": sc.names.Name(d.By),
		"Method": lang.L("found.method." + d.Method), "Reason": d.Reason}
	if d.Reason != "" {
		return lang.L("found.h.disposed_reason", m)
	}
	return lang.L("found.h.disposed", m)
}

// addMatches lists the open loss reports that may be about the item.
func (sc *Screen) addMatches(box *fyne.Container, d *detail, tag string) {
	matches, err := sc.svc.MatchesForItem(tag)
	if err != nil || len(matches) == 0 {
		return
	}
	box.Add(kit.Heading(lang.L("found.matching_reports")))
	for _, m := range matches {
		d.matches = append(d.matches, m.Report.ID)
		box.Add(withWhy(sc.reportButton(m.Report), m.Reasons))
	}
}

// reportButton shows a loss report in one line and opens it when tapped.
func (sc *Screen) reportButton(r appfound.LostReport) fyne.CanvasObject {
	b := kit.Reading(widget.NewButton(reportLine(r), func() { sc.showReport(r.ID) }))
	b.Alignment = widget.ButtonAlignLeading
	return b
}

func reportLine(r appfound.LostReport) string {
	where := r.Place
	if r.Room != "" {
		where = lang.L("found.in_room", map[string]string{"Room": r.Room})
	}
	return kit.ListedPersonal(r.Guest, r.Personal) + " · " + categoryName(r.Category) + " · " + r.Description + " · " + where
}

// labelLines is the printable label of an item, in the user's language.
func (sc *Screen) labelLines(f appfound.FoundItem) []string {
	lines := []string{
		categoryName(f.Category) + " — " + f.Description,
		lang.L("found.label.found", map[string]string{"When": kit.DateTime(f.FoundAt.In(sc.s.Location())), "Place": sc.placeText(f)}),
		lang.L("found.label.finder", map[string]string{"Finder": sc.names.Name(f.Finder), "By": sc.names.Name(f.LoggedBy)}),
		lang.L("found.label.keep", map[string]string{"Until": kit.Date(f.HoldUntil)}),
	}
	if f.Police {
		lines = append(lines, lang.L("found.label.police"))
	}
	return lines
}

// showLabelOf shows an item's label with the loss reports it may match.
func (sc *Screen) showLabelOf(tag string) {
	matches, err := sc.svc.MatchesForItem(tag)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	sc.showLabel(tag, matches)
}

// showLabel shows an item's tag big with its label text; matches, when
// given, are the loss reports that may be about a newly logged item.
func (sc *Screen) showLabel(tag string, matches []appfound.ReportMatch) {
	f, err := sc.svc.FoundItem(tag)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	res := &logResult{tag: tag, lines: sc.labelLines(f)}
	box := container.NewVBox(kit.Heading(lang.L("found.label_heading")), bigTag(tag))
	for _, l := range res.lines {
		box.Add(widget.NewLabel(l))
	}
	box.Add(kit.Heading(lang.L("found.matching_reports")))
	if len(matches) == 0 {
		box.Add(widget.NewLabel(lang.L("found.no_matches")))
	}
	for _, m := range matches {
		res.matches = append(res.matches, m.Report.ID)
		box.Add(withWhy(sc.reportButton(m.Report), m.Reasons))
	}
	sc.lastLog = res
	back := kit.Reading(widget.NewButton(lang.L("found.open_item"), func() { sc.Open(tag) }))
	sc.Pane().Set(container.NewBorder(nil, container.NewHBox(back), nil, nil, container.NewVScroll(box)))
}

// logResult is what the label pane shows, kept for tests.
type logResult struct {
	tag     string
	lines   []string
	matches []string
}
