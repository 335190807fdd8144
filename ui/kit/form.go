package kit

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// TimeLayout is how times are typed into forms: "2026-03-03 14:20".
const TimeLayout = "2006-01-02 15:04"

// Form is one form of a screen: labelled fields with their error labels, a
// submit and a cancel action. Enter in any of its entries submits, Esc
// cancels. A Form is built and used on the Fyne goroutine.
type Form struct {
	// Errs holds the form's error labels, one per field and one for the
	// form.
	Errs *FieldErrors
	// Submit runs when the user submits (Save, or Enter in an entry);
	// Cancel when they cancel (the cancel button, or Esc in an entry).
	Submit, Cancel func()
	// First is the form's first entry, to put the keyboard in.
	First fyne.Focusable
	// Save is the submit button, made by Content.
	Save *widget.Button
	// Alias sends a refusal's field (or, for refusals naming no field, its
	// code) to the form field that shows it; see Fail.
	Alias map[string]string
	// Inline forms (several on one pane) show no cancel button; Esc still
	// cancels.
	Inline bool
	// NoScroll makes Content return the form unscrolled; the caller
	// scrolls it.
	NoScroll bool
	// KeepErrors leaves shown errors in place when the user submits;
	// otherwise Run hides them before calling Submit.
	KeepErrors bool

	items  []*widget.FormItem
	fields []string // the field of each item, "" for Plain
	// inputs are the entries and choices of each field's row, whose
	// edits clear the field's error (see watch).
	inputs  map[string][]fyne.CanvasObject
	entries map[*Entry]string
	checked map[*Entry]bool
	hidden  map[string]bool
	rows    []*fyne.Container
	widget  *widget.Form
	body    *fyne.Container

	// title is the form's heading; edited, that the user changed a
	// field; done, that it was saved or cancelled; submitting, that its
	// Submit runs (and may move the pane on). See unsaved.
	title                    string
	edited, done, submitting bool
}

// shownForms are the forms by the content Content made of them, so a
// DetailPane can tell that what it replaces is a form being filled in.
// Used on the Fyne goroutine; an entry goes when its form is done or the
// pane leaves it.
var shownForms = map[fyne.CanvasObject]*Form{}

// unsaved reports whether the user typed or picked something in the form
// that was neither saved nor cancelled.
func (f *Form) unsaved() bool { return f.edited && !f.done && !f.submitting }

// formOf is the form whose content o is, or nil.
// A form a screen put in a scroll of its own counts too.
func formOf(o fyne.CanvasObject) *Form {
	if s, ok := o.(*container.Scroll); ok && shownForms[o] == nil {
		return shownForms[s.Content]
	}
	return shownForms[o]
}

// Title is the form's heading.
func (f *Form) Title() string { return f.title }

// changed notes the user's change of a field.
func (f *Form) changed() {
	f.edited = true
	f.relayout()
}

// NewForm returns an empty form.
func NewForm() *Form {
	return &Form{Errs: NewFieldErrors(), Alias: map[string]string{},
		inputs: map[string][]fyne.CanvasObject{}, entries: map[*Entry]string{}, checked: map[*Entry]bool{}}
}

// Entry is a form entry: Enter submits the form, Esc cancels it.
type Entry struct {
	widget.Entry
	f *Form
	// OnSubmit, when set, runs on Enter instead of the form's submit.
	OnSubmit func(string)
}

// Entry makes a single-line entry for the form; the first one made becomes
// the form's First. The caller places it with Row.
func (f *Form) Entry(placeholder string) *Entry {
	e := &Entry{f: f}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(s string) {
		if e.OnSubmit != nil {
			e.OnSubmit(s)
			return
		}
		f.Run()
	}
	if f.First == nil {
		f.First = e
	}
	return e
}

// TypedRune counts as use of the desk (see activity.go).
func (e *Entry) TypedRune(r rune) {
	touchActive()
	e.typed(func() { e.Entry.TypedRune(r) })
}

// TypedKey cancels the form on Esc.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	touchActive()
	if k.Name == fyne.KeyEscape {
		e.f.runCancel()
		return
	}
	e.typed(func() { e.Entry.TypedKey(k) })
}

// TypedShortcut lets a paste or a cut clear the field's error as typing
// does.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	e.typed(func() { e.Entry.TypedShortcut(s) })
}

// typed runs an edit by the user and, when it changed the text, tells the
// form: the field's error goes, unless a Check says it still holds.
func (e *Entry) typed(edit func()) {
	before := e.Text
	edit()
	field, ok := e.f.entries[e]
	if e.Text == before {
		return
	}
	if ok && !e.f.checked[e] {
		e.f.Errs.Edited(field, strings.TrimSpace(e.Text) == "")
	}
	e.f.changed()
}

// Run submits the form: it hides the shown errors (unless KeepErrors) and
// calls Submit.
// A submit that shows no error saved the form.
func (f *Form) Run() {
	if !f.KeepErrors {
		f.Errs.Clear()
	}
	if f.Submit != nil {
		f.submitting = true
		f.Submit()
		f.submitting = false
	}
	if !f.Errs.Any() {
		f.finish()
	}
}

func (f *Form) runCancel() {
	f.finish()
	if f.Cancel != nil {
		f.Cancel()
	}
}

// finish ends the form: it is no draft to keep.
func (f *Form) finish() {
	f.done = true
	for o, sf := range shownForms {
		if sf == f {
			delete(shownForms, o)
		}
	}
}

// Row adds a labelled field with its error label under it. The entries
// and choices in obj clear the field's error when the user changes them.
func (f *Form) Row(label, field string, obj fyne.CanvasObject) {
	box := WithError(obj, f.Errs.For(field)).(*fyne.Container)
	f.rows = append(f.rows, box)
	f.items = append(f.items, widget.NewFormItem(label, box))
	f.fields = append(f.fields, field)
	f.Watch(field, obj)
	f.Errs.Name(field, label, f.isChoice(field))
}

// Watch makes the entries and choices in obj clear field's error when the
// user changes them (Row does it for its object); a choice's error goes
// once something is chosen.
func (f *Form) Watch(field string, obj fyne.CanvasObject) {
	walkInputs(obj, func(o fyne.CanvasObject) {
		if e, ok := o.(*Entry); ok {
			f.entries[e] = field
		}
		if c, ok := o.(*Choice); ok && c.OnEscape == nil {
			c.OnEscape = f.runCancel
		}
		f.inputs[field] = append(f.inputs[field], o)
	})
}

// isChoice reports whether the field's first input is a choice.
func (f *Form) isChoice(field string) bool {
	in := f.inputs[field]
	return len(in) > 0 && isChoice(in[0])
}

// walkInputs calls fn for each entry or choice in obj and the containers
// in it.
func walkInputs(obj fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	switch o := obj.(type) {
	case *Entry, *widget.Entry, *widget.Select, *Choice, *widget.SelectEntry, *widget.RadioGroup, *widget.Check:
		fn(o)
	case *fyne.Container:
		for _, c := range o.Objects {
			walkInputs(c, fn)
		}
	}
}

// watchChoices hooks the choices' (and plain entries') changes to clear
// their field's error; a kit Entry reports the user's typing itself.
func (f *Form) watchChoices() {
	for field, objs := range f.inputs {
		for _, o := range objs {
			if _, ok := o.(*Entry); !ok {
				f.Errs.watch(field, o, f.changed)
			}
		}
	}
}

// Plain adds a labelled object without an error label.
func (f *Form) Plain(label string, obj fyne.CanvasObject) {
	f.items = append(f.items, widget.NewFormItem(label, obj))
	f.fields = append(f.fields, "")
}

// ShowRows shows or hides the rows (label, field and error label) of the
// named fields; a hidden row takes no room and no keyboard focus.
func (f *Form) ShowRows(show bool, fields ...string) {
	if f.hidden == nil {
		f.hidden = map[string]bool{}
	}
	for _, name := range fields {
		if show {
			delete(f.hidden, name)
		} else {
			f.hidden[name] = true
		}
	}
	if f.body == nil {
		return
	}
	// widget.Form cannot hide an item, so the shown ones make a new one.
	f.widget = widget.NewForm(f.shownItems()...)
	f.body.Objects[1] = f.widget
	f.body.Refresh()
}

// shownItems are the form's items less the hidden rows.
func (f *Form) shownItems() []*widget.FormItem {
	if len(f.hidden) == 0 {
		return f.items
	}
	var out []*widget.FormItem
	for i, it := range f.items {
		if !f.hidden[f.fields[i]] {
			out = append(out, it)
		}
	}
	return out
}

// Check hides the field's error once the user edits e, and shows what fn
// (a cheap format check, may be nil) says instead.
func (f *Form) Check(e *Entry, field string, fn func(string) string) {
	f.checked[e] = true
	e.OnChanged = func(s string) {
		msg := ""
		if fn != nil {
			msg = fn(s)
		}
		f.Say(field, msg)
	}
}

// Say shows text under field ("" hides it) and lays the form out again,
// since the label takes room when shown.
func (f *Form) Say(field, text string) {
	f.Errs.Set(field, text)
	f.relayout()
}

// Show shows err beside its field (or under the form; nil clears) and lays
// the form out again.
func (f *Form) Show(err error) { f.Fail(err) }

// Fail shows a command's refusals (every field's, see app.FirstErr) next
// to the fields they concern, after Alias, or under the form when they
// concern none.
func (f *Form) Fail(err error) {
	f.Errs.show(err, f.Alias)
	f.relayout()
}

func (f *Form) relayout() {
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

// Content lays the form out under a heading, with its buttons below, in a
// scroll unless NoScroll.
func (f *Form) Content(title, submitText string) fyne.CanvasObject {
	f.Save = widget.NewButton(submitText, f.Run)
	f.Save.Importance = widget.HighImportance
	buttons := container.NewHBox(widget.NewButton(lang.L("kit.cancel"), f.runCancel), f.Save)
	if f.Inline {
		buttons = container.NewHBox(f.Save)
	}
	f.watchChoices()
	f.widget = widget.NewForm(f.shownItems()...)
	f.body = container.NewVBox(Heading(title), f.widget, container.New(underLayout{}, f.Errs.Form()),
		container.NewBorder(nil, nil, nil, buttons))
	f.title = title
	var out fyne.CanvasObject = f.body
	if !f.NoScroll {
		out = container.NewVScroll(f.body)
	}
	shownForms[out] = f
	return out
}

// CheckTime is the format check of a time entry: "" when s is empty or a
// time in TimeLayout.
func CheckTime(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if _, err := time.Parse(TimeLayout, strings.TrimSpace(s)); err != nil {
		return lang.L("kit.time_format")
	}
	return ""
}

// ParseTime reads a typed time in loc; the zero time when it is not one
// (the domain then refuses or defaults it).
func ParseTime(s string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation(TimeLayout, strings.TrimSpace(s), loc)
	if err != nil {
		return time.Time{}
	}
	return t
}

// NewSelect is a form's drop-down: a Choice, so that the keyboard opens,
// searches and picks in every list of the desk alike.
func NewSelect(options []string, changed func(string)) *Choice {
	return NewChoice(options, changed)
}

// Heading is a bold label.
func Heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// Note is a small low-importance label that wraps.
func Note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}
