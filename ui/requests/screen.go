package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	apprequests "floordesk/app/requests"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Screen is the guest requests screen: the list on the left, the selected
// request (or a form) on the right. Use it on the Fyne goroutine.
type Screen struct {
	kit.ScreenBase
	s     *kit.Session
	list  *listPanel
	pane  *kit.DetailPane // the detail view or a form
	shown string          // the request last shown, to go back to from a form
	form  *form           // the form shown, if any
}

var (
	_ kit.Screen   = (*Screen)(nil)
	_ kit.Ticker   = (*Screen)(nil)
	_ kit.Searcher = (*Screen)(nil)
)

// New returns the guest requests screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, pane: kit.NewDetailPane(placeholder())}
	sc.list = newListPanel(s, sc.showRequest, sc.NewRequest)
	split := container.NewHSplit(sc.list.content(), sc.pane.Content())
	split.SetOffset(0.42)
	sc.ScreenBase = kit.NewScreenBase("requests", "requests.title", theme.ListIcon, split)
	sc.list.reload()
	return sc
}

// SearchEntry is the list's search entry.
func (sc *Screen) SearchEntry() fyne.Focusable { return sc.list.search }

// Refresh reloads the list when requests or the follow-up interval
// changed, and rebuilds the request's detail, at the reader's place, when
// it or what it reads changed (the history names staff); nil changes all
// (the clock ticked, someone signed in). A form stays as typed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	if kit.Changed(changed, apprequests.KindRequest, kit.KindHotel) {
		sc.list.reload()
	}
	if sc.pane.Stale(changed, kit.KindStaff, kit.KindHotel) {
		sc.showRequest(sc.pane.Record().ID)
	}
}

// Tick moves the times shown with the clock: the rows (and which of them
// the filter keeps) and the detail, at the reader's place. A form stays as
// typed.
func (sc *Screen) Tick() {
	sc.list.list.List.Refresh()
	if sc.pane.Stale(nil) {
		sc.showRequest(sc.pane.Record().ID)
	}
}

// Show opens one request.
func (sc *Screen) Show(kind, id string) bool {
	if kind != kit.KindRequest {
		return false
	}
	if _, err := sc.s.Svc.Request(id); err != nil {
		return false
	}
	sc.list.list.SelectID(id)
	sc.showRequest(id)
	return true
}

// Shortcuts offers Ctrl+N for a new request.
func (sc *Screen) Shortcuts() []kit.Shortcut {
	return []kit.Shortcut{{Key: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault,
		Name: lang.L("requests.new"), Run: sc.NewRequest}}
}

// NewRequest shows the form for a new request.
func (sc *Screen) NewRequest() {
	sc.showForm(sc.openForm())
}

func (sc *Screen) showPlaceholder() { sc.setRight(placeholder()) }

func placeholder() fyne.CanvasObject { return kit.Placeholder(lang.L("requests.pick_hint")) }

// showRequest shows request id in the detail view; showing the one shown
// again keeps the scroll offset.
func (sc *Screen) showRequest(id string) {
	d, err := sc.detail(id)
	if err != nil {
		sc.shown = ""
		sc.showPlaceholder()
		return
	}
	sc.shown, sc.form = id, nil
	sc.pane.SetDetail(wire.EntityRef{Kind: apprequests.KindRequest, ID: id}, d, d.scroll)
}

func (sc *Screen) setRight(obj fyne.CanvasObject) {
	sc.form = nil // showForm sets it again
	sc.pane.Set(obj)
}

// closeForm goes back to the request shown, or to the placeholder.
func (sc *Screen) closeForm() {
	if sc.shown != "" {
		sc.showRequest(sc.shown)
		return
	}
	sc.showPlaceholder()
}

// saved tells the user a command went through and shows the result.
func (sc *Screen) saved(id, notice string) {
	sc.s.Notify(notice)
	sc.list.reload()
	sc.list.list.SelectID(id)
	sc.showRequest(id)
}

func (sc *Screen) canvas() fyne.Canvas {
	if sc.s.Window == nil {
		return nil
	}
	return sc.s.Window.Canvas()
}
