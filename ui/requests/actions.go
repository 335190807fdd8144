package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
)

// The commands on an existing request, in the order their buttons show.
const (
	actDispatch   = "dispatch"
	actFollowUp   = "follow_up"
	actEscalate   = "escalate"
	actCompensate = "compensate"
	actResolve    = "resolve"
	actConfirm    = "confirm"
	actCancel     = "cancel"
	actCall       = "call"
)

var actionOrder = []string{actCall, actDispatch, actFollowUp, actEscalate, actResolve, actConfirm, actCompensate, actCancel}

// available lists the commands the request's state allows.
func available(r *apprequests.Request) map[string]bool {
	open := r.Open()
	return map[string]bool{
		actDispatch: open, actFollowUp: open, actEscalate: open, actResolve: open, actCancel: open,
		actConfirm:    r.Status == apprequests.StatusResolved && r.Kind != apprequests.RequestComplaint, // a complaint closes by its case
		actCall:       open && r.Kind == apprequests.RequestWakeUp,
		actCompensate: r.Kind == apprequests.RequestComplaint && r.Status != apprequests.StatusCancelled,
	}
}

// actionButtons makes a button for each command the request allows.
func (sc *Screen) actionButtons(r *apprequests.RequestRow) map[string]*widget.Button {
	ok := available(&r.Request)
	out := map[string]*widget.Button{}
	for _, a := range actionOrder {
		if !ok[a] {
			continue
		}
		build := sc.actionForm(a, r)
		out[a] = widget.NewButton(lang.L("requests.do."+a), func() { sc.showForm(build()) })
	}
	if b := out[actResolve]; b != nil {
		b.Importance = widget.HighImportance
	}
	if b := out[actCall]; b != nil {
		b.Importance = widget.HighImportance
	}
	if b := out[actConfirm]; b != nil {
		b.Importance = widget.HighImportance
	}
	return out
}

func actionBar(buttons map[string]*widget.Button) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, a := range actionOrder {
		if b := buttons[a]; b != nil {
			objs = append(objs, b)
		}
	}
	return container.NewGridWithColumns(4, objs...)
}

func (sc *Screen) showForm(f *form) {
	sc.setRight(f.content())
	sc.form = f
	f.focus(sc.canvas())
}

// actionForm returns the builder of command a's form for r.
func (sc *Screen) actionForm(a string, r *apprequests.RequestRow) func() *form {
	builders := map[string]func(*apprequests.RequestRow) *form{
		actDispatch: sc.dispatchForm, actFollowUp: sc.followUpForm, actEscalate: sc.escalateForm,
		actCompensate: sc.compensateForm, actResolve: sc.resolveForm, actConfirm: sc.confirmForm,
		actCancel: sc.cancelForm, actCall: sc.callForm,
	}
	return func() *form { return builders[a](r) }
}

// commandForm is a form for command a on r: saving runs run, then tells
// the user and shows the request again; Esc goes back to it.
func (sc *Screen) commandForm(a string, r *apprequests.RequestRow, run func() error) *form {
	f := newForm(lang.L("requests.do."+a)+" · "+r.Where(), lang.L("requests.form.save"), sc.closeForm)
	f.submit = func() error {
		err := run()
		if err == nil {
			sc.saved(r.ID, lang.L("requests.saved."+a, map[string]string{"Room": r.Where()}))
		}
		return err
	}
	return f
}
