package found

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// detail is what the pane shows for one item, kept for tests.
type detail struct {
	tag      string
	status   *widget.Label
	history  []string
	matches  []string // IDs of the loss reports shown as possible matches
	conflict *widget.Label
}

// detailView is an item's detail with the actions below, and the scroll
// that holds the rest.
func (sc *Screen) detailView(f appfound.FoundItem) (fyne.CanvasObject, *container.Scroll) {
	now := sc.s.Now()
	d := &detail{tag: f.Tag, status: widget.NewLabel(statusText(f, now))}
	sc.lastDetail = d
	box := container.NewVBox(bigTag(f.Tag), d.status)
	if f.HasConflict() {
		d.conflict = warning(kit.SayConflict(f.Conflicts[0]))
		box.Add(d.conflict)
	}
	if f.Police && held(f) {
		box.Add(warning(lang.L("found.police_due")))
	}
	box.Add(sc.facts(f))
	box.Add(kit.Heading(lang.L("found.custody")))
	for _, c := range f.Custody {
		box.Add(widget.NewLabel(sc.custodyLine(c)))
	}
	box.Add(kit.Heading(lang.L("found.history")))
	for _, line := range sc.history(f) {
		d.history = append(d.history, line)
		box.Add(wrapped(line))
	}
	if held(f) {
		sc.addMatches(box, d, f.Tag)
	}
	scroll := container.NewVScroll(box)
	return container.NewBorder(nil, sc.actions(f), nil, nil, scroll), scroll
}

// facts are the item's details as label: value lines.
func (sc *Screen) facts(f appfound.FoundItem) fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("found.found_at"), wrapped(kit.DateTime(f.FoundAt.In(sc.s.Location())))),
		widget.NewFormItem(lang.L("found.place"), wrapped(sc.placeText(f))),
		widget.NewFormItem(lang.L("found.finder"), wrapped(sc.names.Name(f.Finder))),
		widget.NewFormItem(lang.L("found.category"), wrapped(categoryName(f.Category))),
		widget.NewFormItem(lang.L("found.description"), wrapped(f.Description)),
		widget.NewFormItem(lang.L("found.storage"), wrapped(sc.storageText(f.Location()))),
		widget.NewFormItem(lang.L("found.hold_until"), wrapped(holdText(f))),
	)
	if f.Valuable {
		form.Append(lang.L("found.witness"), wrapped(sc.names.Name(f.Witness)))
	}
	return form
}

func (sc *Screen) placeText(f appfound.FoundItem) string {
	if f.Room {
		return lang.L("found.in_room", map[string]string{"Room": f.Place})
	}
	return f.Place
}

func (sc *Screen) storageText(c appfound.Custody) string {
	if c.InSafe {
		return lang.L("found.in_safe_at", map[string]string{"Location": c.Location})
	}
	return c.Location
}

func (sc *Screen) custodyLine(c appfound.Custody) string {
	if c.Police != "" {
		return kit.When(c.At, sc.s.Now()) + "  " + lang.L("found.custody_police",
			map[string]string{"Unit": c.Location, "Officer": c.Note, "ID": c.Police}) + " — " + sc.names.Name(c.By)
	}
	line := kit.When(c.At, sc.s.Now()) + "  " + sc.storageText(c) + " — " + sc.names.Name(c.By)
	if c.Note != "" {
		line += " (" + c.Note + ")"
	}
	return line
}

// act is a found item's main action: the claim form while it is held.
func (sc *Screen) act(f appfound.FoundItem) {
	if held(f) {
		sc.showClaimForm(f.Tag)
	}
}

// actions are the commands for the item: claim, transfer and dispose while
// it is held, the label to copy by hand and the printed tag, and the
// claim receipt once it is claimed.
func (sc *Screen) actions(f appfound.FoundItem) fyne.CanvasObject {
	label := kit.Reading(widget.NewButton(lang.L("found.label"), func() { sc.showLabelOf(f.Tag) }))
	printTag := kit.Reading(widget.NewButtonWithIcon(lang.L("found.print_tag"), theme.DocumentPrintIcon(), func() { sc.printTag(f) }))
	if !held(f) {
		box := container.NewHBox(label, printTag)
		if len(f.Claims) > 0 {
			box.Add(kit.Reading(widget.NewButtonWithIcon(lang.L("found.print_receipt"), theme.DocumentPrintIcon(), func() { sc.printReceipt(f) })))
		}
		if f.Handover != nil {
			box.Add(kit.Reading(widget.NewButtonWithIcon(lang.L("found.print_police"), theme.DocumentPrintIcon(), func() { sc.printPoliceList(f.Tag) })))
		}
		return box
	}
	claim := widget.NewButton(lang.L("found.claim"), func() { sc.showClaimForm(f.Tag) })
	claim.Importance = widget.HighImportance
	transfer := widget.NewButton(lang.L("found.transfer"), func() { sc.showTransferForm(f.Tag) })
	box := container.NewHBox(claim, transfer)
	if methods, _ := sc.svc.DisposalMethodsFor(f.Category); len(methods) > 0 {
		box.Add(widget.NewButton(lang.L("found.dispose"), func() { sc.showDisposeForm(f.Tag) }))
	}
	box.Add(sc.policeButton(f.Tag))
	box.Add(label)
	box.Add(printTag)
	return box
}

// bigTag shows a tag number large, for the attendant to copy onto the bag.
func bigTag(tag string) fyne.CanvasObject {
	t := canvas.NewText(tag, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.TextHeadingSize() * 1.4
	t.TextStyle.Bold = true
	return t
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func warning(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	return l
}
