package keys

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
)

// timeLayout is how times are typed into forms: "2026-03-03 14:20".
const timeLayout = "2006-01-02 15:04"

// form is one form of the screen: its fields with their error labels, a
// submit and a cancel action. Enter in any entry submits, Esc cancels.
type form struct {
	errs   *kit.FieldErrors
	items  []*widget.FormItem
	submit func()
	cancel func()
	first  fyne.Focusable
	save   *widget.Button
	body   *fyne.Container
	// alias sends a refusal's field (or, for refusals naming no field, its
	// code) to the form field that shows it.
	alias map[string]string
}

func newForm() *form { return &form{errs: kit.NewFieldErrors(), alias: map[string]string{}} }

// entry is a form entry: Enter submits the form, Esc cancels it.
type entry struct {
	widget.Entry
	f        *form
	onSubmit func(string) // replaces the form's submit when set
}

// entry adds a single-line entry to the form.
func (f *form) entry(placeholder string) *entry {
	e := &entry{f: f}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(s string) {
		if e.onSubmit != nil {
			e.onSubmit(s)
			return
		}
		f.doSubmit()
	}
	if f.first == nil {
		f.first = e
	}
	return e
}

// TypedKey cancels the form on Esc.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.f.doCancel()
		return
	}
	e.Entry.TypedKey(k)
}

func (f *form) doSubmit() {
	f.errs.Clear()
	if f.submit != nil {
		f.submit()
	}
}

func (f *form) doCancel() {
	if f.cancel != nil {
		f.cancel()
	}
}

// row adds a labelled field with its error label under it.
func (f *form) row(label, field string, w fyne.CanvasObject) {
	f.items = append(f.items, widget.NewFormItem(label, container.NewVBox(w, f.errs.For(field))))
}

// plain adds a labelled object without an error label.
func (f *form) plain(label string, o fyne.CanvasObject) {
	f.items = append(f.items, widget.NewFormItem(label, o))
}

// check hides the field's refusal once the user edits the entry, and shows
// what check (a cheap format check) says, if given.
func (f *form) check(e *entry, field string, check func(string) string) {
	e.OnChanged = func(s string) {
		msg := ""
		if check != nil {
			msg = check(s)
		}
		f.say(field, msg)
	}
}

// say shows text under field ("" hides it) and lays the form out again,
// since the label takes room when shown.
func (f *form) say(field, text string) {
	f.errs.Set(field, text)
	f.relayout()
}

func (f *form) relayout() {
	if f.body != nil {
		f.body.Refresh()
	}
}

// fail shows a command's refusal next to the field it concerns.
func (f *form) fail(err error) {
	defer f.relayout()
	r := app.RefusalOf(err)
	if r == nil {
		f.errs.Show(err)
		return
	}
	field := r.Field
	if a, ok := f.alias[r.Code]; ok && field == "" {
		field = a
	} else if a, ok := f.alias[field]; ok {
		field = a
	}
	if field == "" {
		f.errs.Show(err)
		return
	}
	f.errs.Clear()
	f.errs.Set(field, kit.Say(err))
}

// content lays the form out under a heading, with its buttons below.
func (f *form) content(title, submitText string) fyne.CanvasObject {
	f.save = widget.NewButton(submitText, f.doSubmit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("keys.cancel"), f.doCancel)
	buttons := container.NewHBox(cancel, f.save)
	f.body = container.NewVBox(heading(title), widget.NewForm(f.items...), f.errs.Form(),
		container.NewBorder(nil, nil, nil, buttons))
	return container.NewVScroll(f.body)
}

// checkTime is the format check of a time entry.
func checkTime(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if _, err := time.Parse(timeLayout, strings.TrimSpace(s)); err != nil {
		return lang.L("keys.time_format")
	}
	return ""
}

// parseTime reads a typed time in loc; the zero time when it is not one
// (the domain then refuses or defaults it).
func parseTime(s string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation(timeLayout, strings.TrimSpace(s), loc)
	if err != nil {
		return time.Time{}
	}
	return t
}

// heading is a bold label.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// note is a small low-importance label.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}
