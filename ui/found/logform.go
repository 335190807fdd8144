package found

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// logForm is the form for logging a found item.
type logForm struct {
	*form
	foundAt, place, finder, desc, storage, pin *entry
	placeKind                                  *widget.RadioGroup
	category, witness                          *widget.Select
	valuable, inSafe, dangerous                *widget.Check
	witnesses                                  []app.Staff
}

// showLogForm opens the form for logging a found item.
func (sc *Screen) showLogForm() {
	f := sc.newLogForm()
	sc.lastLogForm = f
	sc.shown = ""
	sc.setPane(f.content(lang.L("found.log"), lang.L("found.log_save")))
	sc.focus(f.first)
}

func (sc *Screen) newLogForm() *logForm {
	f := &logForm{form: newForm()}
	f.foundAt = f.entry(timeLayout)
	f.foundAt.SetText(sc.s.Now().In(sc.s.Svc.Location).Format(timeLayout))
	f.clearOnChange(f.foundAt, "found_at", checkTime)
	f.placeKind = widget.NewRadioGroup([]string{lang.L("found.place_room"), lang.L("found.place_public")}, nil)
	f.placeKind.Horizontal = true
	f.placeKind.SetSelected(lang.L("found.place_room"))
	f.place = f.entry(lang.L("found.place_hint"))
	f.finder = f.entry(lang.L("found.finder_hint"))
	f.category = newSelect(categoryOptions(), f.categoryPicked)
	f.desc = f.entry(lang.L("found.description_hint"))
	f.addValuableFields(sc)
	f.storage = f.entry(lang.L("found.storage_hint"))
	f.dangerous = widget.NewCheck(lang.L("found.dangerous"), nil)
	f.layout()
	f.submit = func() { sc.submitLog(f) }
	f.cancel = sc.backToList
	return f
}

func (f *logForm) addValuableFields(sc *Screen) {
	f.witnesses = sc.otherStaff()
	f.witness = newSelect(staffOptions(f.witnesses), func(string) { f.set("witness", "") })
	f.pin = f.entry(lang.L("found.witness_pin"))
	f.pin.Password = true
	f.inSafe = widget.NewCheck(lang.L("found.in_safe"), nil)
	f.valuable = widget.NewCheck(lang.L("found.valuable"), f.valuableChanged)
	f.valuableChanged(false)
}

func (f *logForm) layout() {
	f.row(lang.L("found.found_at"), "found_at", f.foundAt)
	f.row(lang.L("found.place"), "place", container2(f.placeKind, f.place))
	f.row(lang.L("found.finder"), "finder", f.finder)
	f.row(lang.L("found.category"), "category", f.category)
	f.row(lang.L("found.description"), "description", f.desc)
	f.row("", "valuable", f.valuable)
	f.row(lang.L("found.witness"), "witness", container2(f.witness, f.pin))
	f.row(lang.L("found.storage"), "storage", container2(f.storage, f.inSafe))
	f.row("", "dangerous", f.dangerous)
}

// categoryPicked ticks "valuable" for cash and valuables, as the domain
// does.
func (f *logForm) categoryPicked(name string) {
	f.set("category", "")
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

func (f *logForm) input(sc *Screen) app.FoundInput {
	return app.FoundInput{
		FoundAt: parseTime(f.foundAt.Text, sc.s.Svc.Location), Place: strings.TrimSpace(f.place.Text),
		Room: f.placeKind.Selected == lang.L("found.place_room"), Finder: f.finder.Text,
		Category: categoryOf(f.category.Selected), Description: f.desc.Text, Valuable: f.valuable.Checked,
		Witness: staffIDOf(f.witnesses, f.witness.Selected), WitnessPIN: f.pin.Text,
		Storage: f.storage.Text, InSafe: f.inSafe.Checked, Dangerous: f.dangerous.Checked,
	}
}

func (sc *Screen) submitLog(f *logForm) {
	item, matches, err := sc.s.Svc.LogFound(sc.s.UserID(), f.input(sc))
	if err != nil {
		f.show(err)
		return
	}
	sc.put(item)
	sc.applyFilter()
	sc.s.Notify(lang.L("found.logged", map[string]string{"Tag": item.Tag}))
	sc.showLabel(item.Tag, matches)
}

// backToList closes a form and shows the picked item again, or nothing.
func (sc *Screen) backToList() {
	if tag := sc.list.Selected(); tag != "" {
		sc.showItem(tag)
		return
	}
	sc.shown = ""
	sc.setPane(sc.emptyPane())
	sc.s.Window.Canvas().Focus(sc.search)
}

// otherStaff lists the active staff other than the user, for witnesses.
func (sc *Screen) otherStaff() []app.Staff {
	list, err := sc.s.Svc.StaffList(false)
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
