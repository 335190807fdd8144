package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// FieldErrors shows a form's refusals: a small red label under each field
// that shows the refusal whose Field matches, and a general one (Form) for
// refusals that name no field of the form. Use it on the Fyne goroutine.
type FieldErrors struct {
	fields  map[string]*widget.Label
	general *widget.Label
}

// NewFieldErrors returns an empty set of field errors.
func NewFieldErrors() *FieldErrors {
	return &FieldErrors{fields: map[string]*widget.Label{}, general: errorLabel()}
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// For returns the label of a field (Refusal.Field, such as "room"), to put
// under the field's entry. It is hidden while empty.
func (fe *FieldErrors) For(field string) *widget.Label {
	l, ok := fe.fields[field]
	if !ok {
		l = errorLabel()
		fe.fields[field] = l
	}
	return l
}

// Form returns the label for errors that name no field of the form, to put
// above or below the form's buttons.
func (fe *FieldErrors) Form() *widget.Label { return fe.general }

// Show clears the labels and shows err under the field it concerns, or in
// the form's label when its field is not on the form or it is not a
// refusal. It reports whether err was shown beside a field. Show(nil)
// clears.
func (fe *FieldErrors) Show(err error) bool {
	fe.Clear()
	if err == nil {
		return false
	}
	if r := app.RefusalOf(err); r != nil && r.Field != "" {
		if l, ok := fe.fields[r.Field]; ok {
			setError(l, Say(err))
			return true
		}
	}
	setError(fe.general, Say(err))
	return false
}

// Set shows text under field (a check made as the user types); "" hides
// it.
func (fe *FieldErrors) Set(field, text string) {
	setError(fe.For(field), text)
}

// Clear hides every label.
func (fe *FieldErrors) Clear() {
	for _, l := range fe.fields {
		setError(l, "")
	}
	setError(fe.general, "")
}

// Text returns what the field's label shows ("" when hidden); field ""
// is the form's label.
func (fe *FieldErrors) Text(field string) string {
	l := fe.general
	if field != "" {
		l = fe.For(field)
	}
	if !l.Visible() {
		return ""
	}
	return l.Text
}

// Any reports whether any label shows an error.
func (fe *FieldErrors) Any() bool {
	if fe.general.Visible() {
		return true
	}
	for _, l := range fe.fields {
		if l.Visible() {
			return true
		}
	}
	return false
}

func setError(l *widget.Label, text string) {
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	l.SetText(text)
}

// SetForm shows text in the form's label; "" hides it.
func (fe *FieldErrors) SetForm(text string) { setError(fe.general, text) }
