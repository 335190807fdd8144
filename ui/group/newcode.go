package group

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/ui/kit"
)

// Limits on what the new-code form takes, as the join form's.
const (
	maxURL  = 512 // a server address
	maxCode = 64  // an enrolment code
	// enrolWait is how long the form waits for the server's answer.
	enrolWait = 30 * time.Second
)

// formSize is the new-code form's width; its height is its content's.
var formSize = fyne.NewSize(560, 0)

// Enrol enrols the group desk with the server at url with code (for the
// desk, data.EnrollStore on its own store); the desk's settings change
// only when it succeeds.
type Enrol func(ctx context.Context, url, code string) error

// OnNewCode offers, above the overview, to enter a new group code (the
// desk was revoked, or given other properties): enrol takes it, then
// rejoined runs on the Fyne goroutine, for the desk to open the
// properties of the new grant at once. Call it once, on the Fyne
// goroutine.
func (o *Overview) OnNewCode(enrol Enrol, rejoined func()) {
	o.newCode.OnTapped = func() { o.askNewCode(enrol, rejoined) }
	o.newCode.Show()
}

// newCodeForm is the form asking for the server's address and the code.
type newCodeForm struct {
	url, code *widget.Entry
	problem   *widget.Label
	save      *widget.Button
	d         dialog.Dialog
}

// askNewCode shows the form, the address filled in from the desk's
// settings.
func (o *Overview) askNewCode(enrol Enrol, rejoined func()) {
	f := &newCodeForm{url: widget.NewEntry(), code: widget.NewEntry(), problem: widget.NewLabel("")}
	if o.s.Local != nil {
		url, _ := o.s.Local.Setting(data.SettingServerURL)
		f.url.SetText(url)
	}
	f.code.SetPlaceHolder(lang.L("group.new_code_hint"))
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	cancel := widget.NewButton(lang.L("kit.cancel"), func() { f.d.Hide() })
	f.save = widget.NewButtonWithIcon(lang.L("group.new_code_save"), theme.ConfirmIcon(), func() { o.enrolWith(f, enrol, rejoined) })
	f.save.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("group.server"), f.url), widget.NewFormItem(lang.L("group.code"), f.code))
	body := container.NewVBox(kit.Note(lang.L("group.new_code_note")), form, f.problem, container.NewHBox(cancel, f.save))
	f.d = dialog.NewCustomWithoutButtons(lang.L("group.new_code"), body, o.s.Window)
	f.d.Resize(formSize)
	f.d.Show()
	o.s.Window.Canvas().Focus(f.code)
	o.codeForm = f
}

// enrolWith checks what was typed, then enrols off the Fyne goroutine;
// a refusal shows in the form in the reader's words.
func (o *Overview) enrolWith(f *newCodeForm, enrol Enrol, rejoined func()) {
	url, code := strings.TrimSpace(f.url.Text), strings.TrimSpace(f.code.Text)
	if msg := checkNewCode(url, code); msg != "" {
		f.say(msg)
		return
	}
	f.save.Disable()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), enrolWait)
		defer cancel()
		err := enrol(ctx, url, code)
		o.s.Do(func() {
			f.save.Enable()
			if err != nil {
				f.say(kit.SayEnrolError(err, url))
				return
			}
			f.d.Hide()
			rejoined()
		})
	}()
}

// checkNewCode is what is wrong with url and code as typed, in the
// reader's words, or "".
func checkNewCode(url, code string) string {
	switch {
	case url == "":
		return lang.L("group.server_missing")
	case len(url) > maxURL:
		return lang.L("group.server_too_long", map[string]int{"Max": maxURL})
	case code == "":
		return lang.L("group.code_missing")
	case len(code) > maxCode:
		return lang.L("group.code_too_long", map[string]int{"Max": maxCode})
	}
	return kit.CheckServerURL(url)
}

func (f *newCodeForm) say(msg string) {
	f.problem.SetText(msg)
	f.problem.Show()
	f.d.Resize(formSize) // taller by the words
}
