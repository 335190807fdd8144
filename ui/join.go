package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/ui/kit"
)

// enrolTimeout bounds one enrolment attempt.
const enrolTimeout = 30 * time.Second

// joinForm connects a fresh desk to the hotel's sync server: the server's
// address and a one-time enrolment code from IT. Once enrolled, the sync
// client starts by itself (data.RunSyncWhenConfigured) and the hotel's
// data flows in; done then shows the waiting step.
type joinForm struct {
	s         *kit.Session
	store     kit.LocalStore
	done      func()
	back      func()
	run       func(func(ctx context.Context)) // runs work off the Fyne goroutine
	f         *kit.Form
	url, code *kit.Entry
	backBtn   *widget.Button
	result    *widget.Label
	content   fyne.CanvasObject
	// enroll enrols the store (its Enroll); tests may replace it.
	enroll func(ctx context.Context, st kit.LocalStore, url, code string) error
}

func newJoinForm(s *kit.Session, store kit.LocalStore, run func(func(context.Context)), done, back func()) *joinForm {
	j := &joinForm{s: s, store: store, run: run, done: done, back: back, f: kit.NewForm(), enroll: kit.Enroll}
	j.url = j.f.Entry("https://sync.hotel.example:8420")
	j.f.Check(j.url, "url", kit.CheckServerURL)
	j.code = j.f.Entry(lang.L("join.code_hint"))
	j.f.Check(j.code, "code", nil)
	j.f.Row(lang.L("join.server_url"), "url", j.url)
	j.f.Row(lang.L("join.code"), "code", j.code)
	j.f.Inline, j.f.NoScroll = true, true
	j.f.Submit = j.submit
	j.f.Cancel = func() {
		if !j.url.Disabled() {
			j.back()
		}
	}
	j.result = widget.NewLabel("")
	j.result.Wrapping = fyne.TextWrapWord
	j.backBtn = widget.NewButtonWithIcon(lang.L("join.back"), theme.NavigateBackIcon(), j.back)
	j.content = j.layout()
	return j
}

func (j *joinForm) layout() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("join.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := j.f.Content(lang.L("join.connect_title"), lang.L("join.connect"))
	it := kit.Note(lang.L("join.it_hint"))
	body := container.NewVBox(stepTitle(lang.L("join.join")), intro, form, j.result,
		container.NewHBox(j.backBtn), it)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(720, 500), body))
}

// submit checks what was typed, then enrols in the background: the window
// stays live, and the form is locked until the server has answered.
func (j *joinForm) submit() {
	if j.f.Save.Disabled() {
		return // the server is being asked
	}
	url := strings.TrimRight(strings.TrimSpace(j.url.Text), "/")
	code := strings.TrimSpace(j.code.Text)
	if url == "" {
		j.f.Say("url", lang.L("join.url_required"))
		return
	}
	if msg := kit.CheckServerURL(url); msg != "" {
		j.f.Say("url", msg)
		return
	}
	if code == "" {
		j.f.Say("code", lang.L("join.code_required"))
		return
	}
	if j.store == nil {
		j.fail(lang.L("kit.failed"))
		return
	}
	j.busy(true)
	j.result.Importance = widget.MediumImportance
	j.result.SetText(lang.L("join.connecting", map[string]string{"URL": url}))
	j.run(func(shell context.Context) {
		ctx, cancel := context.WithTimeout(shell, enrolTimeout)
		defer cancel()
		err := j.enroll(ctx, j.store, url, code)
		if shell.Err() != nil {
			return // the window closed
		}
		j.s.Do(func() { j.finish(url, err) })
	})
}

func (j *joinForm) finish(url string, err error) {
	j.busy(false)
	if err != nil {
		j.fail(kit.SayEnrolError(err, url))
		return
	}
	j.code.SetText("")
	j.done()
}

func (j *joinForm) fail(text string) {
	j.result.Importance = widget.DangerImportance
	j.result.SetText(text)
}

// busy locks the form while the server is asked.
func (j *joinForm) busy(on bool) {
	for _, w := range []fyne.Disableable{j.url, j.code, j.f.Save, j.backBtn} {
		if on {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// enrolled tells whether the store already has a server and a token, so
// its sync client runs (or will at the next start).
func enrolled(st kit.LocalStore) bool {
	if st == nil {
		return false
	}
	url, _ := st.Setting(data.SettingServerURL)
	token, _ := st.Setting(data.SettingDeskToken)
	return url != "" && token != ""
}
