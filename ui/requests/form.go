package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// form is a keyboard-first form: labelled fields in tab order, each with
// its refusal label beneath, Enter in any entry submits, Esc cancels. On a
// refusal the form stays as typed and shows the refusal next to the field
// it concerns; on success it calls done.
type form struct {
	title  string
	errs   *kit.FieldErrors
	fields []fyne.CanvasObject
	inputs map[string]fyne.CanvasObject // by field, for tests
	blocks map[string]fyne.CanvasObject // a field with its label and refusal
	first  fyne.Focusable
	save   *widget.Button
	cancel *widget.Button

	check    func() bool  // checks made before saving; false keeps the form
	submit   func() error // runs the command
	done     func()       // after a successful submit
	onCancel func()
}

func newForm(title, saveLabel string) *form {
	f := &form{title: title, errs: kit.NewFieldErrors(), inputs: map[string]fyne.CanvasObject{},
		blocks: map[string]fyne.CanvasObject{}}
	f.save = widget.NewButtonWithIcon(saveLabel, theme.ConfirmIcon(), f.Submit)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon(lang.L("requests.form.cancel"), theme.CancelIcon(), f.Cancel)
	return f
}

// Submit runs the command and shows its refusal, or finishes the form.
func (f *form) Submit() {
	if f.submit == nil {
		return
	}
	f.errs.Clear()
	if f.check != nil && !f.check() {
		return
	}
	err := f.submit()
	f.errs.Show(err)
	if err == nil && f.done != nil {
		f.done()
	}
}

// Cancel leaves the form without saving.
func (f *form) Cancel() {
	if f.onCancel != nil {
		f.onCancel()
	}
}

// entry adds a one-line entry for field, wired to submit and cancel.
func (f *form) entry(field, label, placeholder string) *entry {
	e := newEntry(placeholder)
	e.OnSubmitted = func(string) { f.Submit() }
	e.onEscape = f.Cancel
	f.add(field, label, e)
	return e
}

// add adds any widget as field, with its label above and its refusal
// label below.
func (f *form) add(field, label string, obj fyne.CanvasObject) {
	if fo, ok := obj.(fyne.Focusable); ok && f.first == nil {
		f.first = fo
	}
	f.inputs[field] = obj
	caption := widget.NewLabel(label)
	caption.TextStyle.Bold = true
	block := container.NewVBox(caption, obj, f.errs.For(field))
	f.blocks[field] = block
	f.fields = append(f.fields, block)
}

// selectField adds a Select of c's names for field.
func (f *form) selectField(field, label string, c choices, initial string) *widget.Select {
	s := widget.NewSelect(c.names, nil)
	s.PlaceHolder = lang.L("requests.form.choose")
	if initial != "" || len(c.codes) > 0 && c.codes[0] == "" {
		s.SetSelected(c.name(initial))
	}
	f.add(field, label, s)
	return s
}

// content lays the form out: its title, the fields in two columns, the
// general refusal and the buttons.
func (f *form) content() fyne.CanvasObject {
	title := widget.NewLabel(f.title)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	buttons := container.NewHBox(f.save, f.cancel)
	body := container.NewVBox(container.NewGridWithColumns(2, f.fields...), f.errs.Form(), buttons)
	c := &formContent{content: container.NewBorder(title, nil, nil, nil, container.NewVScroll(body))}
	c.ExtendBaseWidget(c)
	return c
}

// formContent is a form on screen.
type formContent struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

// CreateRenderer shows the form.
func (c *formContent) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.content)
}

// focus puts the keyboard in the first field.
func (f *form) focus(c fyne.Canvas) {
	if c != nil && f.first != nil {
		c.Focus(f.first)
	}
}

// fieldCheck is the text to show under a field, "" when fine.
type fieldCheck struct{ field, text string }

// checkAll shows each check's text under its field and reports whether
// all passed.
func (f *form) checkAll(checks ...fieldCheck) bool {
	ok := true
	for _, c := range checks {
		f.errs.Set(c.field, c.text)
		ok = ok && c.text == ""
	}
	return ok
}

// showFields shows or hides the named fields.
func (f *form) showFields(show bool, fields ...string) {
	for _, name := range fields {
		b := f.blocks[name]
		switch {
		case b == nil:
		case show:
			b.Show()
		default:
			b.Hide()
		}
	}
}
