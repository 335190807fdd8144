package found

import (
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// logForm is the form for logging a found item.
type logForm struct {
	*kit.Form
	foundAt, place, finder, desc, storage, pin *kit.Entry
	placeKind                                  *widget.RadioGroup
	category                                   *kit.Choice
	witness                                    *kit.Choice
	valuable, inSafe, dangerous                *widget.Check
	witnesses                                  []app.Staff
}

// showLogForm opens the form for logging a found item.
func (sc *Screen) showLogForm() {
	f := sc.newLogForm()
	sc.lastLogForm = f
	sc.Pane().Set(f.Content(lang.L("found.log"), lang.L("found.log_save")))
	sc.focus(f.First)
}

func (sc *Screen) newLogForm() *logForm {
	f := &logForm{Form: kit.NewForm()}
	f.foundAt = f.Entry(kit.TimeLayout)
	f.foundAt.SetText(sc.s.Now().In(sc.s.Location()).Format(kit.TimeLayout))
	f.Check(f.foundAt, "found_at", kit.CheckTime)
	f.placeKind = widget.NewRadioGroup([]string{lang.L("found.place_room"), lang.L("found.place_public")}, nil)
	f.placeKind.Horizontal = true
	f.placeKind.SetSelected(lang.L("found.place_room"))
	f.place = f.Entry(lang.L("found.place_hint"))
	f.finder = f.Entry(lang.L("found.finder_hint"))
	f.category = kit.NewSelect(categoryOptions(), f.categoryPicked)
	f.desc = f.Entry(lang.L("found.description_hint"))
	f.addValuableFields(sc)
	f.storage = f.Entry(lang.L("found.storage_hint"))
	f.dangerous = widget.NewCheck(lang.L("found.dangerous"), nil)
	f.layout()
	f.Submit = func() { sc.submitLog(f) }
	f.Cancel = sc.backToList
	return f
}

func (f *logForm) addValuableFields(sc *Screen) {
	f.witnesses = sc.otherStaff()
	f.witness = kit.NewChoice(staffOptions(f.witnesses), func(string) { f.Say("witness", "") })
	f.pin = f.Entry(lang.L("found.witness_pin"))
	f.pin.Password = true
	f.inSafe = widget.NewCheck(lang.L("found.in_safe"), nil)
	f.valuable = widget.NewCheck(lang.L("found.valuable"), f.valuableChanged)
	f.valuableChanged(false)
}

func (f *logForm) layout() {
	f.Row(lang.L("found.found_at"), "found_at", f.foundAt)
	f.Row(lang.L("found.place"), "place", container.NewVBox(f.placeKind, f.place))
	f.Row(lang.L("found.finder"), "finder", f.finder)
	f.Row(lang.L("found.category"), "category", f.category)
	f.Row(lang.L("found.description"), "description", f.desc)
	f.Row("", "valuable", f.valuable)
	f.Row(lang.L("found.witness"), "witness", container.NewVBox(f.witness, f.pin))
	f.Row(lang.L("found.storage"), "storage", container.NewVBox(f.storage, f.inSafe))
	f.Row("", "dangerous", f.dangerous)
}

// categoryPicked ticks "valuable" for cash and valuables, as the domain
// does.
func (f *logForm) categoryPicked(name string) {
	f.Say("category", "")
	if c := categoryOf(name); c == app.CatCash || c == app.CatValuables {
		f.valuable.SetChecked(true)
	}
}

// valuableChanged enables the witness and the safe with the flag.
func (f *logForm) valuableChanged(on bool) {
	if on {
		f.witness.Enable()
		f.pin.Enable()
		f.inSafe.SetChecked(true)
		return
	}
	f.witness.Disable()
	f.pin.Disable()
}

func (f *logForm) input(sc *Screen) appfound.FoundInput {
	return appfound.FoundInput{
		FoundAt: kit.ParseTime(f.foundAt.Text, sc.s.Location()), Place: strings.TrimSpace(f.place.Text),
		Room: f.placeKind.Selected == lang.L("found.place_room"), Finder: f.finder.Text,
		Category: categoryOf(f.category.Selected), Description: f.desc.Text, Valuable: f.valuable.Checked,
		Witness: staffIDOf(f.witnesses, f.witness.Selected), WitnessPIN: f.pin.Text,
		Storage: f.storage.Text, InSafe: f.inSafe.Checked, Dangerous: f.dangerous.Checked,
	}
}

func (sc *Screen) submitLog(f *logForm) {
	item, err := sc.svc.FileFound(sc.s.UserID(), f.input(sc))
	if err != nil {
		f.Show(err)
		return
	}
	sc.Put(item)
	sc.s.Notify(lang.L("found.logged", map[string]string{"Tag": item.Tag}))
	matches, err := sc.svc.MatchesForItem(item.Tag)
	if err != nil { // the item is saved; only the suggestions are missing
		slog.Warn("match a found item", "tag", item.Tag, "err", err)
	}
	sc.showLabel(item.Tag, matches)
}

// backToList closes a form and shows the picked item again, or nothing.
func (sc *Screen) backToList() {
	if !sc.Back() {
		sc.s.Window.Canvas().Focus(sc.Search())
	}
}

// otherStaff lists the active staff other than the user, for witnesses.
func (sc *Screen) otherStaff() []app.Staff {
	list, err := sc.svc.StaffList(false)
	if err != nil {
		return nil
	}
	me := sc.s.UserID()
	out := list[:0]
	for _, st := range list {
		if st.ID != me {
			out = append(out, st)
		}
	}
	return out
}

func staffOptions(list []app.Staff) []string {
	out := make([]string, len(list))
	for i, st := range list {
		out[i] = staffOption(st)
	}
	return out
}

func staffOption(st app.Staff) string { return st.Name + " (" + st.ID + ")" }

// staffIDOf turns a shown option back into the staff ID, "" when none.
func staffIDOf(list []app.Staff, option string) string {
	for _, st := range list {
		if staffOption(st) == option {
			return st.ID
		}
	}
	return ""
}

// focus puts the keyboard in o.
func (sc *Screen) focus(o fyne.Focusable) {
	if o != nil {
		sc.s.Window.Canvas().Focus(o)
	}
}
