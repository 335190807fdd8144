package supervisor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// thisPC shows which of the hotel's desks this PC is, and lets the
// supervisor move it to another: a PC carried to another floor's desk, or
// a wrong pick when it was set up. It goes in three steps in place: the
// line with a change button, the list of desks to pick from, and a
// confirmation saying what changes. Use it on the Fyne goroutine.
//
// The shell follows the change through the store's change feed (the desk
// is a local setting), so the status bar and every screen show the new
// desk's records.
type thisPC struct {
	s       *kit.Session
	line    *widget.Label
	pane    *fyne.Container // the line, the pick or the confirmation
	view    fyne.CanvasObject
	list    *kit.DeskList
	tall    *canvas.Rectangle // holds the list open to its rows
	use     *widget.Button
	pickErr *kit.FieldErrors
	pick    fyne.CanvasObject
	warning *widget.Label
	confirm *widget.Button // changes the desk to picked
	sure    fyne.CanvasObject
	picked  string // the desk the confirmation is for
}

// deskListRows is how many desks the list shows before it scrolls; a
// hotel has a handful.
const deskListRows = 4

func newThisPC(s *kit.Session) *thisPC {
	p := &thisPC{s: s, line: widget.NewLabel(""), pickErr: kit.NewFieldErrors(), warning: wrapped("")}
	p.line.TextStyle.Bold = true
	change := widget.NewButtonWithIcon(lang.L("supervisor.this_pc_change"), theme.ViewRefreshIcon(), p.showPick)
	p.view = container.NewHBox(p.line, change)

	p.list = kit.NewDeskList(s.Svc)
	p.list.OnSelectedID(func(string) { p.use.Enable(); p.pickErr.Clear() })
	p.use = widget.NewButtonWithIcon(lang.L("supervisor.this_pc_use"), theme.ConfirmIcon(), p.askConfirm)
	p.use.Importance = widget.HighImportance
	p.tall = canvas.NewRectangle(nil)
	p.pick = container.NewVBox(wrapped(lang.L("supervisor.this_pc_pick")), container.NewStack(p.tall, p.list.List),
		p.pickErr.Form(), container.NewHBox(widget.NewButton(lang.L("kit.cancel"), p.showView), p.use))

	p.confirm = widget.NewButtonWithIcon(lang.L("supervisor.this_pc_confirm_do"), theme.ConfirmIcon(), p.change)
	p.confirm.Importance = widget.HighImportance
	p.sure = container.NewVBox(p.warning, container.NewHBox(widget.NewButton(lang.L("kit.cancel"), p.showView), p.confirm))

	p.pane = container.NewVBox(p.view)
	p.refresh()
	return p
}

// content is the part for the rooms tab.
func (p *thisPC) content() fyne.CanvasObject { return p.pane }

// refresh reads this PC's desk and the hotel's desks again.
func (p *thisPC) refresh() {
	p.line.SetText(p.text())
	p.list.Reload() // on an error the list stays as it was
	p.tall.SetMinSize(fyne.NewSize(0, p.list.Height(deskListRows)))
}

// text is "This PC: D1 3rd floor desk", or that no desk is set yet.
func (p *thisPC) text() string {
	code := p.s.Svc.ConfiguredDesk()
	if code == "" {
		return lang.L("supervisor.this_pc_none")
	}
	return lang.L("supervisor.this_pc", map[string]string{"Desk": p.deskName(code)})
}

// deskName is "D1 3rd floor desk", or the code alone for a desk the
// hotel's set-up does not hold (yet).
func (p *thisPC) deskName(code string) string {
	d, ok := p.list.Desk(code)
	if !ok {
		return code
	}
	return strings.TrimSpace(d.Code + " " + d.Name)
}

func (p *thisPC) showView() {
	p.picked = ""
	setPane(p.pane, p.view)
}

// showPick lists the hotel's desks, none picked.
func (p *thisPC) showPick() {
	p.picked = ""
	p.pickErr.Clear()
	p.list.List.UnselectAll()
	p.use.Disable()
	if err := p.list.Reload(); err != nil {
		p.pickErr.Show(err)
	}
	setPane(p.pane, p.pick)
}

// askConfirm says what changing to the picked desk means before it is
// done.
func (p *thisPC) askConfirm() {
	code := p.list.Selected()
	switch {
	case code == "":
		p.pickErr.SetForm(lang.L("join.desk_pick_first"))
		return
	case code == p.s.Svc.ConfiguredDesk():
		p.pickErr.SetForm(lang.L("supervisor.this_pc_same", map[string]string{"Desk": p.deskName(code)}))
		return
	}
	p.picked = code
	old := p.s.Svc.ConfiguredDesk()
	if old == "" {
		old = p.s.Desk()
	}
	p.warning.SetText(lang.L("supervisor.this_pc_confirm", map[string]string{"Desk": p.deskName(code), "Old": p.deskName(old)}))
	setPane(p.pane, p.sure)
}

// change makes the picked desk this PC's desk; a desk the hotel no longer
// has is refused in the list.
func (p *thisPC) change() {
	if !p.s.IsSupervisor() {
		p.pickErr.SetForm(lang.L("kit.refused_forbidden"))
		setPane(p.pane, p.pick)
		return
	}
	desk, err := p.s.UseDesk(p.picked)
	if err != nil {
		p.pickErr.Show(err)
		setPane(p.pane, p.pick)
		return
	}
	p.refresh()
	p.showView()
	p.s.Notify(lang.L("supervisor.this_pc_changed", map[string]string{"Desk": p.deskName(desk.Code)}))
}
