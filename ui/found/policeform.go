package found

import (
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// policeForm hands items to the police on one hand-over list: the items
// ticked, the receiving officer and unit, and who of the hotel handed
// them over.
type policeForm struct {
	*kit.Form
	items         []appfound.FoundItem
	ticks         []*widget.Check
	officer, unit *kit.Entry
	handedBy      *kit.Choice
	staff         []app.Staff
}

// showPoliceForm opens the hand-over form on the items for the police
// (ForPolice): those due ticked, those that may go unticked, and the item
// with tag, when given, ticked. With none it says so.
func (sc *Screen) showPoliceForm(tag string) {
	items, ticked, err := sc.policeItems(tag)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	if len(items) == 0 {
		sc.s.Notify(lang.L("found.police_none"))
		return
	}
	f := &policeForm{Form: kit.NewForm(), items: items}
	list := container.NewVBox()
	for i, it := range items {
		c := widget.NewCheck(policeLine(it), func(bool) { f.Say("tags", "") })
		c.SetChecked(ticked[i])
		f.ticks = append(f.ticks, c)
		list.Add(c)
	}
	f.officer = f.Entry(lang.L("found.police_officer_hint"))
	f.unit = f.Entry(lang.L("found.police_unit_hint"))
	f.staff, _ = sc.svc.StaffList(false)
	f.handedBy = kit.NewChoice(staffOptions(f.staff), nil)
	if me, ok := sc.s.User(); ok {
		f.handedBy.SetSelected(staffOption(me))
	}
	f.Row(lang.L("found.police_items"), "tags", list)
	f.Row(lang.L("found.police_officer"), "officer", f.officer)
	f.Row(lang.L("found.police_unit"), "unit", f.unit)
	f.Row(lang.L("found.police_handed_by"), "handed_by", f.handedBy)
	f.Submit = func() { sc.submitPolice(f) }
	f.Cancel = sc.backToList
	sc.lastForm, sc.lastPolice = f.Form, f
	sc.Pane().Set(f.Content(lang.L("found.police_heading"), lang.L("found.police_save")))
	sc.focus(f.officer)
}

// policeItems are the items the form offers and which start ticked.
func (sc *Screen) policeItems(tag string) ([]appfound.FoundItem, []bool, error) {
	due, may, err := sc.svc.ForPolice()
	if err != nil {
		return nil, nil, err
	}
	items := append(due, may...)
	ticked := make([]bool, len(items))
	for i := range due {
		ticked[i] = true
	}
	if tag == "" {
		return items, ticked, nil
	}
	if i := slices.IndexFunc(items, func(f appfound.FoundItem) bool { return f.Tag == tag }); i >= 0 {
		ticked[i] = true
		return items, ticked, nil
	}
	f, err := sc.svc.FoundItem(tag)
	if err != nil {
		return nil, nil, err
	}
	return append(items, f), append(ticked, true), nil
}

func policeLine(f appfound.FoundItem) string {
	return f.Tag + " · " + categoryName(f.Category) + " · " + f.Description
}

func (f *policeForm) input() appfound.PoliceInput {
	in := appfound.PoliceInput{Officer: f.officer.Text, Unit: f.unit.Text,
		HandedBy: staffIDOf(f.staff, f.handedBy.Selected)}
	for i, c := range f.ticks {
		if c.Checked {
			in.Tags = append(in.Tags, f.items[i].Tag)
		}
	}
	return in
}

// submitPolice records the hand-over, prints its list for the officer to
// sign and goes back to the list.
func (sc *Screen) submitPolice(f *policeForm) {
	h, err := sc.svc.HandToPolice(sc.s.UserID(), f.input())
	if err != nil {
		f.Show(err)
		return
	}
	for _, tag := range h.Tags {
		if item, err := sc.svc.FoundItem(tag); err == nil {
			sc.Put(item)
		}
	}
	sc.s.Notify(kit.Counted("found.police_done", len(h.Tags), map[string]any{"ID": h.ID}))
	sc.printPoliceList(h.Tags[0])
	sc.backToList()
}

// printPoliceList prints the hand-over list that the item with tag went
// on, for the officer to sign, and opens it in the system's viewer.
func (sc *Screen) printPoliceList(tag string) {
	h, items, err := sc.svc.PoliceListOf(tag)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	d := sc.s.PaperDesk(sc.names.Name)
	at := sc.s.Now()
	sc.s.Print("police", h.ID, func(w io.Writer) error { return paper.PoliceList(w, d, h, items, at) }, sc.printed)
}

// policeButton opens the hand-over form on the item with tag.
func (sc *Screen) policeButton(tag string) fyne.CanvasObject {
	return widget.NewButton(lang.L("found.to_police"), func() { sc.showPoliceForm(tag) })
}
