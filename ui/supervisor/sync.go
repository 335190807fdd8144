package supervisor

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// enrolTimeout bounds one enrolment attempt.
const enrolTimeout = 30 * time.Second

// syncTab enrols the desk with the sync server: its URL and a one-time
// enrolment code.
type syncTab struct {
	s         *kit.Session
	f         *kit.Form
	url, code *kit.Entry
	current   *widget.Label
	result    *widget.Label
	box       fyne.CanvasObject
	// enroll enrols the store (its Enroll); tests may replace it.
	enroll func(ctx context.Context, st kit.LocalStore, url, code string) error
	done   chan struct{} // closed when the last enrolment finished, for tests
}

func newSyncTab(s *kit.Session) *syncTab {
	t := &syncTab{s: s, f: newForm(), current: wrapped(""), result: wrapped(""), enroll: kit.Enroll}
	t.url = t.f.Entry("https://sync.hotel.example:8420")
	t.f.Check(t.url, "url", kit.CheckServerURL)
	t.code = t.f.Entry(lang.L("supervisor.code_hint"))
	t.f.Row(lang.L("supervisor.server_url"), "url", t.url)
	t.f.Row(lang.L("supervisor.enrol_code"), "code", t.code)
	t.f.Inline = true
	t.f.Submit = t.start
	t.f.Cancel = func() { t.code.SetText(""); t.f.Errs.Clear() }
	t.box = container.NewVBox(kit.Heading(lang.L("supervisor.sync")), t.current,
		t.f.Content(lang.L("supervisor.enrol"), lang.L("supervisor.enrol_save")), t.result)
	return t
}

func (t *syncTab) title() string { return lang.L("supervisor.sync") }

func (t *syncTab) content() fyne.CanvasObject { return container.NewVScroll(t.box) }

func (t *syncTab) refresh(changed []wire.EntityRef) {
	if changed != nil {
		return
	}
	st := t.s.Local
	if st == nil {
		return
	}
	url, err := st.Setting(data.SettingServerURL)
	if err != nil || url == "" {
		t.current.SetText(lang.L("supervisor.no_server"))
		return
	}
	t.current.SetText(lang.L("supervisor.server_now", map[string]string{"URL": url}))
	if t.url.Text == "" {
		t.url.SetText(url) // enrolling again (a revoked token) is most often with the same server
	}
}

// start enrols in the background and shows the result in plain words.
func (t *syncTab) start() {
	url, code := strings.TrimSpace(t.url.Text), strings.TrimSpace(t.code.Text)
	if msg := kit.CheckServerURL(url); msg != "" || url == "" {
		t.f.Say("url", lang.L("kit.url_format"))
		return
	}
	if code == "" {
		t.f.Say("code", lang.L("supervisor.code_required"))
		return
	}
	st := t.s.Local
	if st == nil {
		t.result.SetText(lang.L("kit.failed"))
		return
	}
	t.f.Save.Disable()
	t.result.SetText(lang.L("supervisor.enrolling"))
	done := make(chan struct{})
	t.done = done
	go func() {
		defer close(done)
		ctx, cancel := context.WithTimeout(context.Background(), enrolTimeout)
		defer cancel()
		err := t.enroll(ctx, st, url, code)
		t.s.Do(func() { t.finish(url, err) })
	}()
}

func (t *syncTab) finish(url string, err error) {
	t.f.Save.Enable()
	if err != nil {
		t.result.Importance = widget.DangerImportance
		t.result.SetText(kit.SayEnrolError(err, url))
		return
	}
	t.result.Importance = widget.SuccessImportance
	t.result.SetText(lang.L("supervisor.enrolled", map[string]string{"URL": url}))
	t.code.SetText("")
	t.s.Notify(t.result.Text)
	t.refresh(nil)
}
