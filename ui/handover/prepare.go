package handover

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apphandover "floordesk/app/handover"
	"floordesk/ui/kit"
)

// preparePanel prepares (or takes afresh) this shift's handover from live
// data, with the number of keys counted on the board.
type preparePanel struct {
	s      *kit.Session
	svc    Service
	keys   *entry
	button *widget.Button
	errs   *kit.FieldErrors
	done   func(apphandover.Handover)
}

func newPreparePanel(s *kit.Session, svc Service, done func(apphandover.Handover)) *preparePanel {
	p := &preparePanel{s: s, svc: svc, errs: kit.NewFieldErrors(), done: done}
	p.errs.Alias = map[string]string{"counted": "keys_counted"}
	p.keys = newEntry(lang.L("handover.keys_counted_hint"), false)
	p.keys.OnSubmitted = func(string) { p.submit() }
	p.keys.onEscape = func() { p.keys.SetText(""); p.errs.Clear() }
	p.keys.OnChanged = func(s string) { p.errs.Set("keys_counted", countText(s)) }
	p.button = widget.NewButtonWithIcon(lang.L("handover.prepare"), theme.DocumentCreateIcon(), p.submit)
	p.button.Importance = widget.HighImportance
	return p
}

func (p *preparePanel) content() fyne.CanvasObject {
	caption := widget.NewLabel(lang.L("handover.keys_counted"))
	caption.TextStyle.Bold = true
	return container.NewVBox(caption, p.keys, p.errs.For("keys_counted"), p.button, p.errs.Form())
}

func (p *preparePanel) submit() {
	p.errs.Clear()
	if text := countText(p.keys.Text); text != "" || strings.TrimSpace(p.keys.Text) == "" {
		p.errs.Set("keys_counted", firstNonEmpty(text, lang.L("handover.check.required")))
		return
	}
	n, _ := strconv.Atoi(strings.TrimSpace(p.keys.Text))
	h, err := p.svc.DraftHandover(p.s.UserID(), apphandover.HandoverInput{KeysCounted: n})
	if p.errs.Show(err); err != nil {
		return
	}
	p.keys.SetText("")
	p.s.Notify(lang.L("handover.saved.prepared", map[string]string{"Shift": shiftText(h.Shift)}))
	p.done(h)
}

// countText checks a key count as it is typed.
func countText(s string) string {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); s != "" && (err != nil || n < 0) {
		return lang.L("handover.check.count")
	}
	return ""
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
