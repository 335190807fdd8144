// Package loans is the item-loans screen (物品借用): the searchable,
// filterable list of loans, a loan's detail with its full history, the
// forms to lend, take back and extend, the stock of every desk and the
// frequent-loans report.
package loans

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Screen is the loans screen. Its methods run on the Fyne goroutine.
type Screen struct {
	kit.ScreenBase
	s      *kit.Session
	loans  map[string]apploans.Loan
	index  *kit.Index
	names  *names
	search *widget.Entry
	filter *widget.Select
	list   *kit.IDList
	pane   *kit.DetailPane
	shown  string // the loan picked last, to go back to from a form, or ""
}

var (
	_ kit.Screen   = (*Screen)(nil)
	_ kit.Ticker   = (*Screen)(nil)
	_ kit.Searcher = (*Screen)(nil)
)

// New returns the loans screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, loans: map[string]apploans.Loan{}, index: kit.NewIndex(), names: newNames(s.Svc.Service)}
	sc.build()
	sc.Refresh(nil)
	return sc
}

// SearchEntry is the search field the shell focuses.
func (sc *Screen) SearchEntry() fyne.Focusable { return sc.search }

// Shortcuts: Ctrl+L lends items.
func (sc *Screen) Shortcuts() []kit.Shortcut {
	return []kit.Shortcut{{Key: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault,
		Name: lang.L("loans.lend"), Run: sc.showLendForm}}
}

// Tick moves the times shown with the clock: the rows (and which of them
// the filter keeps) and the detail, at the reader's place. A form stays as
// typed.
func (sc *Screen) Tick() {
	sc.applyFilter()
	if sc.pane.Stale(nil) {
		sc.showLoan(sc.pane.Record().ID)
	}
}

// Show opens a loan by its ID.
func (sc *Screen) Show(kind, id string) bool {
	if kind != kit.KindLoan {
		return false
	}
	l, err := sc.s.Svc.Loan(id)
	if err != nil {
		return false
	}
	sc.put(l)
	sc.applyFilter()
	sc.list.SelectID(id)
	sc.showLoan(id)
	return true
}

func (sc *Screen) build() {
	sc.search = widget.NewEntry()
	sc.search.SetPlaceHolder(lang.L("loans.search"))
	sc.search.OnChanged = func(string) { sc.applyFilter() }
	sc.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, sc.fillRow)
	sc.filter = widget.NewSelect(filterNames(), func(string) { sc.applyFilter() })
	sc.filter.SetSelectedIndex(0)
	sc.list.OnSelectedID(sc.showLoan)
	lend := widget.NewButtonWithIcon(lang.L("loans.lend"), theme.ContentAddIcon(), sc.showLendForm)
	lend.Importance = widget.HighImportance
	stock := widget.NewButton(lang.L("loans.stock"), sc.showStock)
	report := widget.NewButton(lang.L("loans.frequent"), sc.showFrequent)
	tools := container.NewHBox(lend, stock, report)
	top := container.NewVBox(tools, container.NewBorder(nil, nil, nil, sc.filter, sc.search))
	sc.pane = kit.NewDetailPane(sc.emptyPane())
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, sc.list.List), sc.pane.Content())
	split.Offset = 0.42
	sc.ScreenBase = kit.NewScreenBase("loans", "loans.title", theme.StorageIcon, split)
}

// emptyPane is what the right side shows when nothing is picked.
func (sc *Screen) emptyPane() fyne.CanvasObject { return kit.Placeholder(lang.L("loans.pick")) }

// setPane shows a form or a view that is no loan's detail.
func (sc *Screen) setPane(o fyne.CanvasObject) { sc.pane.Set(o) }

// closePane goes back to the picked loan, or to the empty pane.
func (sc *Screen) closePane() {
	if sc.shown != "" {
		sc.showLoan(sc.shown)
		return
	}
	sc.setPane(sc.emptyPane())
}

// Refresh reloads the loans that changed (every open loan for nil) and
// rebuilds the loan's detail, at the reader's place, when the loan or the
// names it shows (staff, item types) changed; the detail shows no stock.
// The stock and frequent-loans tables are built again, at the reader's
// place, when loans or item types changed. A form stays as typed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	if changed == nil {
		sc.names.load()
		sc.reloadAll()
	}
	if changed == nil || sc.reloadSome(changed) {
		sc.applyFilter()
	}
	if sc.pane.Stale(changed, kit.KindStaff, kit.KindItemType) {
		sc.showLoan(sc.pane.Record().ID)
	}
	sc.pane.RefreshView(changed)
}
