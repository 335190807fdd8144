package handover

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

// Screen is the handover screen: preparing this shift's handover and the
// earlier ones on the left, the handover chosen on the right. Use it on
// the Fyne goroutine.
type Screen struct {
	s       *kit.Session
	prepare *preparePanel
	list    *kit.IDList
	hs      map[string]app.Handover
	failed  *widget.Label
	right   *fyne.Container
	view    *view // the handover shown, or nil
	built   fyne.CanvasObject
}

var _ kit.Screen = (*Screen)(nil)

// New returns the handover screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, hs: map[string]app.Handover{}, right: container.NewStack()}
	sc.prepare = newPreparePanel(s, sc.drafted)
	sc.failed = widget.NewLabel("")
	sc.failed.Importance = widget.DangerImportance
	sc.failed.Hide()
	sc.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, sc.fillRow)
	sc.list.OnSelectedID(sc.showHandover)
	earlier := widget.NewLabel(lang.L("handover.earlier"))
	earlier.TextStyle.Bold = true
	left := container.NewBorder(container.NewVBox(sc.prepare.content(), widget.NewSeparator(), earlier, sc.failed), nil, nil, nil, sc.list.List)
	split := container.NewHSplit(left, sc.right)
	split.SetOffset(0.36)
	sc.built = split
	sc.showPlaceholder()
	sc.reload()
	return sc
}

// ID is "handover".
func (sc *Screen) ID() string { return "handover" }

// Title is the translated "Shift handover".
func (sc *Screen) Title() string { return lang.L("handover.title") }

// Icon is a document icon.
func (sc *Screen) Icon() fyne.Resource { return theme.DocumentIcon() }

// Content is the screen.
func (sc *Screen) Content() fyne.CanvasObject { return sc.built }

// Refresh reloads the handovers when one changed (or on nil).
func (sc *Screen) Refresh(changed []data.EntityRef) {
	if changed != nil && !slices.ContainsFunc(changed, func(r data.EntityRef) bool { return r.Kind == app.KindHandover }) {
		return
	}
	sc.reload()
	if sc.view != nil {
		sc.showHandover(sc.view.id)
	}
}

// Show opens one handover.
func (sc *Screen) Show(kind, id string) bool {
	if kind != kit.KindHandover {
		return false
	}
	if _, err := sc.s.Svc.Handover(id); err != nil {
		return false
	}
	sc.list.SelectID(id)
	sc.showHandover(id)
	return true
}

// Shortcuts offers none: the handover is prepared from its own button.
func (sc *Screen) Shortcuts() []kit.Shortcut { return nil }

func (sc *Screen) reload() {
	hs, err := sc.s.Svc.Handovers("")
	sc.failed.SetText(kit.Say(err))
	sc.failed.Hidden = err == nil
	sc.hs = make(map[string]app.Handover, len(hs))
	ids := make([]string, len(hs))
	for i, h := range hs {
		sc.hs[h.ID], ids[i] = h, h.ID
	}
	sc.list.SetIDs(ids)
}

func (sc *Screen) fillRow(id string, obj fyne.CanvasObject) {
	h, ok := sc.hs[id]
	if !ok {
		return
	}
	imp := widget.MediumImportance
	if !h.Signed() {
		imp = widget.WarningImportance
	}
	obj.(*kit.Row).Set(shiftText(h.Shift)+" · "+h.Desk, stateText(&h), kit.When(h.DraftedAt, sc.s.Now()), imp)
}

// drafted shows a handover just prepared.
func (sc *Screen) drafted(h app.Handover) {
	sc.reload()
	sc.list.SelectID(h.ID)
	sc.showHandover(h.ID)
}

func (sc *Screen) showHandover(id string) {
	h, err := sc.s.Svc.Handover(id)
	if err != nil {
		sc.showPlaceholder()
		return
	}
	sc.view = newView(sc, h)
	sc.right.Objects = []fyne.CanvasObject{sc.view.content()}
	sc.right.Refresh()
}

func (sc *Screen) showPlaceholder() {
	sc.view = nil
	hint := widget.NewLabel(lang.L("handover.pick_hint"))
	hint.Importance = widget.LowImportance
	sc.right.Objects = []fyne.CanvasObject{container.NewCenter(hint)}
	sc.right.Refresh()
}
