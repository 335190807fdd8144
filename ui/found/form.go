package found

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

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
	save   *widget.Button
	first  fyne.Focusable
	rows   []*fyne.Container
	widget *widget.Form
	body   *fyne.Container
}

func newForm() *form { return &form{errs: kit.NewFieldErrors()} }

// entry is a form entry: Enter submits the form, Esc cancels it.
type entry struct {
	widget.Entry
	f *form
}

// entry adds a single-line entry to the form.
func (f *form) entry(placeholder string) *entry {
	e := &entry{f: f}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { f.doSubmit() }
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
	box := container.NewVBox(w, f.errs.For(field))
	f.rows = append(f.rows, box)
	f.items = append(f.items, widget.NewFormItem(label, box))
}

// show shows err beside its field (or under the form) and lays the form
// out again, since an error label appearing changes the rows' heights.
func (f *form) show(err error) {
	f.errs.Show(err)
	f.relayout()
}

// set shows text under field ("" hides it) and lays the form out again.
func (f *form) set(field, text string) {
	f.errs.Set(field, text)
	f.relayout()
}

func (f *form) relayout() {
	for _, r := range f.rows {
		r.Refresh()
	}
	if f.widget != nil {
		f.widget.Refresh()
	}
	if f.body != nil {
		f.body.Refresh()
	}
}

// clearOnChange hides the field's refusal once the user edits the entry,
// and runs check (a cheap format check) if given.
func (f *form) clearOnChange(e *entry, field string, check func(string) string) {
	e.OnChanged = func(s string) {
		msg := ""
		if check != nil {
			msg = check(s)
		}
		f.set(field, msg)
	}
}

// content lays the form out under a heading, with its buttons below.
func (f *form) content(title, submitText string) fyne.CanvasObject {
	f.save = widget.NewButton(submitText, f.doSubmit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("found.cancel"), f.doCancel)
	buttons := container.NewHBox(cancel, f.save)
	f.widget = widget.NewForm(f.items...)
	head := widget.NewLabel(title)
	head.TextStyle.Bold = true
	f.body = container.NewVBox(head, f.widget, f.errs.Form(), container.NewBorder(nil, nil, nil, buttons))
	return container.NewVScroll(f.body)
}

// checkTime is the format check of a time entry.
func checkTime(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if _, err := time.Parse(timeLayout, strings.TrimSpace(s)); err != nil {
		return lang.L("found.time_format")
	}
	return ""
}

// parseTime reads a typed time in loc; the zero time when it is not one
// (the domain then refuses it as missing).
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

// container2 stacks two widgets of one form row.
func container2(a, b fyne.CanvasObject) fyne.CanvasObject { return container.NewVBox(a, b) }

// newSelect is a drop-down with the placeholder in the user's language.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("found.select")
	return s
}
