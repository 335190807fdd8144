package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// FieldErrors shows a form's refusals: a small red label under each field
// that shows the refusals whose Field matches, and a general one (Form)
// for refusals that name no field of the form. Every label keeps its line
// while empty, so the form does not move when an error comes or goes. Use
// it on the Fyne goroutine.
type FieldErrors struct {
	// Alias sends a refusal's field (or, for refusals naming no field,
	// its code) to the field that shows it, for Show.
	Alias map[string]string

	fields  map[string]*widget.Label
	general *widget.Label
	// names and choices say how a missing field is asked for: "请填写
	// 房号" for a typed field, "请选择钥匙" for a choice (see Name).
	names   map[string]string
	choices map[string]bool
}

// NewFieldErrors returns an empty set of field errors.
func NewFieldErrors() *FieldErrors {
	return &FieldErrors{fields: map[string]*widget.Label{}, general: errorLabel(),
		names: map[string]string{}, choices: map[string]bool{}}
}

// errorLabel is an empty red line in the caption size, holding its place.
func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// For returns the label of a field (Refusal.Field, such as "room"), to put
// under the field's entry. It shows an empty line while there is no error.
func (fe *FieldErrors) For(field string) *widget.Label {
	l, ok := fe.fields[field]
	if !ok {
		l = errorLabel()
		fe.fields[field] = l
	}
	return l
}

// Name tells how the field is called on the form, and whether it is a
// choice (a drop-down, a radio group) rather than typed; a refusal that the
// field is missing then reads "请选择钥匙" or "请填写用途".
func (fe *FieldErrors) Name(field, label string, choice bool) {
	fe.names[field] = strings.TrimRight(strings.TrimSpace(label), ":：")
	fe.choices[field] = choice
}

// Watch names field (see Name) and makes the entries and choices in obj
// clear its error when the user changes them. It wraps their OnChanged:
// set that first.
func (fe *FieldErrors) Watch(field, label string, obj fyne.CanvasObject) {
	choice := false
	first := true
	walkInputs(obj, func(o fyne.CanvasObject) {
		if first {
			choice, first = isChoice(o), false
		}
		fe.watch(field, o, nil)
	})
	fe.Name(field, label, choice)
}

// watch hooks o's changes to clear field's error, then calls after (may
// be nil).
func (fe *FieldErrors) watch(field string, o fyne.CanvasObject, after func()) {
	edited := func(empty bool) {
		fe.Edited(field, empty)
		if after != nil {
			after()
		}
	}
	if c, ok := o.(*Choice); ok {
		o = &c.Select
	}
	switch w := o.(type) {
	case *widget.Select:
		prev := w.OnChanged
		w.OnChanged = func(v string) { edited(v == ""); call(prev, v) }
	case *widget.RadioGroup:
		prev := w.OnChanged
		w.OnChanged = func(v string) { edited(v == ""); call(prev, v) }
	case *widget.SelectEntry:
		prev := w.OnChanged
		w.OnChanged = func(v string) { edited(strings.TrimSpace(v) == ""); call(prev, v) }
	case *widget.Entry:
		prev := w.OnChanged
		w.OnChanged = func(v string) { edited(strings.TrimSpace(v) == ""); call(prev, v) }
	case *widget.Check:
		prev := w.OnChanged
		w.OnChanged = func(v bool) { edited(false); call(prev, v) }
	}
}

// isChoice reports whether o is picked rather than typed.
func isChoice(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widget.Select, *Choice, *widget.RadioGroup, *widget.Check:
		return true
	}
	return false
}

func call[T any](fn func(T), v T) {
	if fn != nil {
		fn(v)
	}
}

// Form returns the label for errors that name no field of the form, to put
// above or below the form's buttons.
func (fe *FieldErrors) Form() *widget.Label { return fe.general }

// Show clears the labels and shows every refusal in err (see
// app.FirstErr) under the field it concerns, or in the form's label when
// its field is not on the form or err is not a refusal. It reports whether
// an error was shown beside a field. Show(nil) clears.
func (fe *FieldErrors) Show(err error) bool {
	return fe.show(err, fe.Alias)
}

// show is Show with alias sending a refusal's field (or, for one naming no
// field, its code) to the field that shows it.
func (fe *FieldErrors) show(err error, alias map[string]string) bool {
	fe.Clear()
	if err == nil {
		return false
	}
	refusals := app.RefusalsOf(err)
	if len(refusals) == 0 {
		fe.addForm(Say(err))
		return false
	}
	atField := false
	for _, r := range refusals {
		field := fieldOf(r, alias)
		if _, ok := fe.fields[field]; !ok || field == "" {
			fe.addForm(Say(r))
			continue
		}
		if fe.Text(field) == "" {
			setError(fe.fields[field], fe.say(field, r))
		}
		atField = true
	}
	return atField
}

// fieldOf is the form field that shows r.
func fieldOf(r *app.Refusal, alias map[string]string) string {
	if a, ok := alias[r.Code]; ok && r.Field == "" {
		return a
	}
	if a, ok := alias[r.Field]; ok {
		return a
	}
	return r.Field
}

// say is what the field's label says of r: a missing field by its name.
func (fe *FieldErrors) say(field string, r *app.Refusal) string {
	missing := r.Code == "field.required" || (r.Code == "field.bad_value" && fe.choices[field])
	if !missing || fe.names[field] == "" {
		return Say(r)
	}
	return fe.Missing(field)
}

// Missing asks for a field left empty by its name: "请选择“钥匙”。" for a
// choice, "请填写“用途”。" for a typed field (see Name).
func (fe *FieldErrors) Missing(field string) string {
	name := fe.names[field]
	if name == "" {
		return Say(app.Invalid(field, "field.required"))
	}
	key := "kit.fill_in"
	if fe.choices[field] {
		key = "kit.choose"
	}
	return lang.L(key, map[string]string{"Field": name})
}

// addForm adds a sentence to the form's label.
func (fe *FieldErrors) addForm(text string) {
	if cur := fe.general.Text; cur != "" && cur != text {
		text = cur + "\n" + text
	}
	setError(fe.general, text)
}

// Set shows text under field (a check made as the user types); "" hides
// it.
func (fe *FieldErrors) Set(field, text string) {
	setError(fe.For(field), text)
}

// Edited clears the field's error once the user changed it, unless the
// field is left empty: an empty field is not put right (and a form that
// empties a refused PIN keeps saying why).
func (fe *FieldErrors) Edited(field string, empty bool) {
	if empty {
		return
	}
	if l, ok := fe.fields[field]; ok && l.Text != "" {
		setError(l, "")
	}
}

// Clear hides every label.
func (fe *FieldErrors) Clear() {
	for _, l := range fe.fields {
		setError(l, "")
	}
	setError(fe.general, "")
}

// Text returns what the field's label shows ("" when nothing); field ""
// is the form's label.
func (fe *FieldErrors) Text(field string) string {
	if field == "" {
		return fe.general.Text
	}
	return fe.For(field).Text
}

// Any reports whether any label shows an error.
func (fe *FieldErrors) Any() bool {
	if fe.general.Text != "" {
		return true
	}
	for _, l := range fe.fields {
		if l.Text != "" {
			return true
		}
	}
	return false
}

func setError(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// SetForm shows text in the form's label; "" hides it.
func (fe *FieldErrors) SetForm(text string) { setError(fe.general, text) }

// WithError puts a field's error label right under obj, keeping one
// caption line for it: the label's own padding is laid over the field's,
// so a row grows by the error's text and no more.
func WithError(obj fyne.CanvasObject, label *widget.Label) fyne.CanvasObject {
	return container.New(underLayout{}, obj, label)
}

// underLayout stacks its objects with no gap, the last (an error label)
// moved up by its inner padding and counted without it.
type underLayout struct{}

func (underLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		if i == len(objs)-1 {
			m.Height -= 2 * theme.InnerPadding()
		}
		s.Height += m.Height
	}
	return s
}

func (underLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i == len(objs)-1 {
			o.Move(fyne.NewPos(0, y-theme.InnerPadding()))
		} else {
			o.Move(fyne.NewPos(0, y))
			y += h
		}
		o.Resize(fyne.NewSize(size.Width, h))
	}
}
