package requests

import (
	"fyne.io/fyne/v2"

	"floordesk/ui/kit"
)

// form is a request form on kit.Form: the checks made before saving and
// the command it runs. On a refusal the form stays as typed and shows the
// refusal next to the field it concerns.
type form struct {
	*kit.Form
	title, saveText string
	inputs          map[string]fyne.CanvasObject // by field, for tests

	check  func() bool  // checks made before saving; false keeps the form
	submit func() error // runs the command
}

func newForm(title, saveText string, cancel func()) *form {
	f := &form{Form: kit.NewForm(), title: title, saveText: saveText, inputs: map[string]fyne.CanvasObject{}}
	f.Submit, f.Cancel = f.run, cancel
	return f
}

// run makes the checks, runs the command and shows its refusal.
func (f *form) run() {
	if f.submit == nil || f.check != nil && !f.check() {
		return
	}
	if err := f.submit(); err != nil {
		f.Show(err)
	}
}

// entry adds a one-line entry for field.
func (f *form) entry(field, label, placeholder string) *kit.Entry {
	e := f.Entry(placeholder)
	f.add(field, label, e)
	return e
}

// add adds any widget as field, with its label beside it and its refusal
// label below.
func (f *form) add(field, label string, obj fyne.CanvasObject) {
	f.inputs[field] = obj
	f.Row(label, field, obj)
}

// selectField adds a Select of c's names for field.
func (f *form) selectField(field, label string, c choices, initial string) *kit.Choice {
	s := kit.NewSelect(c.names, nil)
	if initial != "" || len(c.codes) > 0 && c.codes[0] == "" {
		s.SetSelected(c.name(initial))
	}
	f.add(field, label, s)
	return s
}

// content lays the form out.
func (f *form) content() fyne.CanvasObject { return f.Content(f.title, f.saveText) }

// focus puts the keyboard in the first entry.
func (f *form) focus(c fyne.Canvas) {
	if c != nil && f.First != nil {
		c.Focus(f.First)
	}
}

// fieldCheck is the text to show under a field, "" when fine.
type fieldCheck struct{ field, text string }

// checkAll shows each check's text under its field and reports whether
// all passed.
func (f *form) checkAll(checks ...fieldCheck) bool {
	ok := true
	for _, c := range checks {
		if c.text == missing {
			c.text = f.Errs.Missing(c.field)
		}
		f.Say(c.field, c.text)
		ok = ok && c.text == ""
	}
	return ok
}
