package handover

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apphandover "floordesk/app/handover"
	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/ui/kit"
)

// Screen is the handover screen: preparing this shift's handover and the
// earlier ones on the left, the handover chosen on the right. Use it on
// the Fyne goroutine.
type Screen struct {
	kit.ScreenBase
	s       *kit.Session
	svc     Service
	prepare *preparePanel
	list    *kit.IDList
	hs      map[string]apphandover.Handover
	failed  *widget.Label
	pane    *kit.DetailPane
	view    *view // the handover shown, or nil
	regs    []kit.Register
	printed func(path string) // tests: a document was printed
}

var _ kit.Screen = (*Screen)(nil)

// New returns the handover screen of session s on svc; regs are the registers
// whose sections a handover shows.
func New(s *kit.Session, svc Service, regs []kit.Register) kit.Screen { return newScreen(s, svc, regs) }

func newScreen(s *kit.Session, svc Service, regs []kit.Register) *Screen {
	sc := &Screen{s: s, svc: svc, regs: regs, hs: map[string]apphandover.Handover{}, pane: kit.NewDetailPane(placeholder())}
	sc.pane.ReadOnlyFor(s)
	sc.prepare = newPreparePanel(s, svc, sc.drafted)
	sc.failed = widget.NewLabel("")
	sc.failed.Importance = widget.DangerImportance
	sc.failed.Hide()
	sc.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, sc.fillRow)
	sc.list.OnSelectedID(sc.showHandover)
	earlier := widget.NewLabel(lang.L("handover.earlier"))
	earlier.TextStyle.Bold = true
	exp := kit.TableExportButton(s, func() (export.Table, error) { return sc.table(), nil })
	head := container.NewVBox(sc.prepare.content(), widget.NewSeparator(), container.NewBorder(nil, nil, nil, exp, earlier), sc.failed)
	left := container.NewBorder(head, nil, nil, nil, sc.list.List)
	split := container.NewHSplit(left, sc.pane.Content())
	split.SetOffset(0.36)
	sc.ScreenBase = kit.NewScreenBase("handover", "handover.title", theme.DocumentIcon, split)
	sc.reload()
	return sc
}

// Refresh reloads the handovers when one changed (or on nil), and
// rebuilds the handover shown, at the reader's place and with what was
// typed into it, when it or the staff it offers to sign changed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	if kit.Changed(changed, apphandover.KindHandover) {
		sc.reload()
	}
	if sc.view != nil && sc.pane.Stale(changed, kit.KindStaff) {
		sc.show(sc.view.id, sc.view)
	}
}

// Show opens one handover.
func (sc *Screen) Show(kind, id string) bool {
	if kind != kit.KindHandover {
		return false
	}
	if _, err := sc.svc.Handover(id); err != nil {
		return false
	}
	sc.list.SelectID(id)
	sc.showHandover(id)
	return true
}

// Shortcuts offers none: the handover is prepared from its own button.
func (sc *Screen) Shortcuts() []kit.Shortcut { return nil }

func (sc *Screen) reload() {
	hs, err := sc.svc.Handovers("")
	sc.failed.SetText(kit.Say(err))
	sc.failed.Hidden = err == nil
	sc.hs = make(map[string]apphandover.Handover, len(hs))
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
	obj.(*kit.Row).Set(shiftText(h.Shift)+" · "+sc.s.DeskName(h.Desk), stateText(&h), kit.When(h.DraftedAt, sc.s.Now()), imp)
}

// drafted shows a handover just prepared.
func (sc *Screen) drafted(h apphandover.Handover) {
	sc.reload()
	sc.list.SelectID(h.ID)
	sc.showHandover(h.ID)
}

// showHandover shows handover id with empty inputs.
func (sc *Screen) showHandover(id string) { sc.show(id, nil) }

// show shows handover id; typed, when given, is the view of it shown
// before, whose inputs the new view takes over. Showing the handover
// shown keeps the scroll offset.
func (sc *Screen) show(id string, typed *view) {
	h, err := sc.svc.Handover(id)
	if err != nil {
		sc.showPlaceholder()
		return
	}
	sc.view = newView(sc, h, typed)
	sc.pane.SetScrolledDetail(wire.EntityRef{Kind: apphandover.KindHandover, ID: id}, sc.view.content())
}

func (sc *Screen) showPlaceholder() {
	sc.view = nil
	sc.pane.Set(placeholder())
}

func placeholder() fyne.CanvasObject { return kit.Placeholder(lang.L("handover.pick_hint")) }
