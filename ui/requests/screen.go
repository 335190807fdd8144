package requests

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
)

// Screen is the guest requests screen: the list on the left, the selected
// request (or a form) on the right. Use it on the Fyne goroutine.
type Screen struct {
	s     *kit.Session
	list  *listPanel
	right *fyne.Container // the detail view or a form
	shown string          // the request in the detail view
	form  *form           // the form shown, if any
	built fyne.CanvasObject
}

var _ kit.Screen = (*Screen)(nil)
var _ kit.Searcher = (*Screen)(nil)

// New returns the guest requests screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, right: container.NewStack()}
	sc.list = newListPanel(s, sc.showRequest, sc.NewRequest)
	sc.showPlaceholder()
	split := container.NewHSplit(sc.list.content(), sc.right)
	split.SetOffset(0.42)
	sc.built = split
	sc.list.reload()
	return sc
}

// ID is "requests".
func (sc *Screen) ID() string { return "requests" }

// Title is the translated "Guest requests".
func (sc *Screen) Title() string { return lang.L("requests.title") }

// Icon is a list icon.
func (sc *Screen) Icon() fyne.Resource { return theme.ListIcon() }

// Content is the list beside the detail view.
func (sc *Screen) Content() fyne.CanvasObject { return sc.built }

// SearchEntry is the list's search entry.
func (sc *Screen) SearchEntry() fyne.Focusable { return sc.list.search }

// Refresh reloads the list and the request shown when requests changed
// (or on nil: the clock ticked, someone signed in).
func (sc *Screen) Refresh(changed []data.EntityRef) {
	if changed != nil && !slices.ContainsFunc(changed, func(r data.EntityRef) bool { return r.Kind == app.KindRequest }) {
		return
	}
	sc.list.reload()
	if sc.shown != "" && sc.showingDetail() {
		sc.showRequest(sc.shown)
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

func (sc *Screen) showPlaceholder() {
	hint := widget.NewLabel(lang.L("requests.pick_hint"))
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	sc.setRight(container.NewCenter(hint))
}

// showRequest shows request id in the detail view.
func (sc *Screen) showRequest(id string) {
	d, err := sc.detail(id)
	if err != nil {
		sc.shown = ""
		sc.showPlaceholder()
		return
	}
	sc.shown = id
	sc.setRight(d)
}

func (sc *Screen) setRight(obj fyne.CanvasObject) {
	sc.form = nil // showForm sets it again
	sc.right.Objects = []fyne.CanvasObject{obj}
	sc.right.Refresh()
}

func (sc *Screen) showingDetail() bool {
	if len(sc.right.Objects) == 0 {
		return false
	}
	_, ok := sc.right.Objects[0].(*detailContent)
	return ok
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
