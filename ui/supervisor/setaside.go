package supervisor

import (
	"log/slog"
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

// SetAsideStore keeps the events the server refused for good apart from
// the outbox (data.Store).
type SetAsideStore interface {
	// SetAsideEvents returns them, oldest first.
	SetAsideEvents() ([]data.SetAsideEvent, error)
	// SendAgain puts them all back in the outbox.
	SendAgain() (int, error)
}

// asideShown is how many events set aside the tab lists; the count says
// how many there are in all.
const asideShown = 20

// setAsidePart shows, while there are any, the records the server
// refused for good, each with the server's reason for IT, and puts them
// back in line to sync once IT has dealt with the reason.
type setAsidePart struct {
	s     *kit.Session
	store SetAsideStore
	count *widget.Label
	list  *widget.Label
	again *widget.Button
	box   *fyne.Container
	n     int
	// done is called once the events are back in the outbox.
	done func()
}

func newSetAsidePart(s *kit.Session, store SetAsideStore, done func()) *setAsidePart {
	p := &setAsidePart{s: s, store: store, count: wrapped(""), list: value(), done: done}
	p.count.Importance = widget.DangerImportance
	p.count.TextStyle.Bold = true
	p.again = widget.NewButtonWithIcon(lang.L("status.send_again"), theme.MailSendIcon(), p.confirm)
	p.box = container.NewVBox(p.count, p.list, container.NewHBox(p.again))
	p.box.Hide()
	return p
}

// read returns the events to list; off the Fyne goroutine.
func (p *setAsidePart) read(n int) []data.SetAsideEvent {
	if p.store == nil || n == 0 {
		return nil
	}
	evs, err := p.store.SetAsideEvents()
	if err != nil {
		slog.Error("read the events set aside", "err", err)
	}
	return evs
}

// show shows n events set aside, listing evs; on the Fyne goroutine.
func (p *setAsidePart) show(n int, evs []data.SetAsideEvent, loc *time.Location) {
	p.n = n
	if n == 0 || p.store == nil {
		p.box.Hide()
		return
	}
	p.count.SetText(lang.L("status.set_aside") + ": " + lang.L("shell.set_aside", map[string]int{"Count": n}))
	lines := make([]string, 0, min(len(evs), asideShown))
	for _, e := range evs[:min(len(evs), asideShown)] {
		lines = append(lines, asideLine(e, loc))
	}
	p.list.SetText(strings.Join(lines, "\n"))
	p.box.Show()
}

// asideLine is one event set aside: when, which record, the reason.
func asideLine(e data.SetAsideEvent, loc *time.Location) string {
	record := e.Event.Entity.Kind + " " + e.Event.Entity.ID + " (" + e.Event.Type + ", " + e.Event.ID + ")"
	return lang.L("status.set_aside_line", map[string]string{
		"Time": kit.DateTime(e.At.In(loc)), "Record": record, "Reason": e.Reason})
}

// confirm asks before putting the events back in line.
func (p *setAsidePart) confirm() {
	msg := kit.Counted("status.send_again_confirm", p.n)
	dialog.ShowConfirm(lang.L("status.send_again"), msg, func(ok bool) {
		if ok {
			p.sendAgain()
		}
	}, p.s.Window)
}

// sendAgain puts the events back in the outbox in the background.
func (p *setAsidePart) sendAgain() {
	p.again.Disable()
	go func() {
		n, err := p.store.SendAgain()
		p.s.Do(func() {
			p.again.Enable()
			if err != nil {
				slog.Error("send again", "err", err)
				p.s.Notify(kit.Say(err))
				return
			}
			p.s.Notify(kit.Counted("status.sent_again", n))
			if p.done != nil {
				p.done()
			}
		})
	}()
}
