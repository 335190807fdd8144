// Package found is the lost-and-found screen (失物招领): the list of found
// items with search and filters, an item's detail with its custody chain
// and history, and the forms for logging an item, recording a guest's loss
// report, claims, transfers and disposals.
package found

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Screen is the lost-and-found screen. Its methods run on the Fyne
// goroutine.
type Screen struct {
	kit.ScreenBase
	s      *kit.Session
	items  map[string]appfound.FoundItem
	index  *kit.Index
	search *widget.Entry
	filter *widget.Select
	list   *kit.IDList
	count  *widget.Label
	pane   *kit.DetailPane
	names  map[string]string // staff ID -> name

	lastDetail     *detail // the detail shown last, for tests
	lastLog        *logResult
	lastLogForm    *logForm
	lastReport     *reportView
	lastForm       *kit.Form
	lastReportForm *reportForm
	lastClaim      *claimForm
	lastDispose    *widget.Select
	lastInSafe     *widget.Check
}

var (
	_ kit.Screen   = (*Screen)(nil)
	_ kit.Searcher = (*Screen)(nil)
)

// New returns the lost-and-found screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, items: map[string]appfound.FoundItem{}, index: kit.NewIndex()}
	sc.build()
	sc.Refresh(nil)
	return sc
}

// SearchEntry is the search field the shell focuses.
func (sc *Screen) SearchEntry() fyne.Focusable { return sc.search }

// Shortcuts: Ctrl+I logs a found item, Ctrl+Shift+L records a loss report.
func (sc *Screen) Shortcuts() []kit.Shortcut {
	return []kit.Shortcut{
		{Key: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault, Name: lang.L("found.log"), Run: sc.showLogForm},
		{Key: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, Name: lang.L("found.report"), Run: sc.showReportForm},
	}
}

// Show opens a found item ("found", tag) or a loss report ("lostreport",
// id).
func (sc *Screen) Show(kind, id string) bool {
	switch kind {
	case kit.KindFound:
		if _, err := sc.s.Svc.FoundItem(id); err != nil {
			return false
		}
		sc.showItem(id)
		return true
	case kit.KindLostReport:
		return sc.showReport(id)
	}
	return false
}

func (sc *Screen) build() {
	sc.search = widget.NewEntry()
	sc.search.SetPlaceHolder(lang.L("found.search"))
	sc.search.OnChanged = func(string) { sc.applyFilter() }
	sc.filter = widget.NewSelect(filterNames(), func(string) { sc.applyFilter() })
	sc.filter.SetSelectedIndex(0)
	sc.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, sc.fillRow)
	sc.list.OnSelectedID(sc.showItem)
	logBtn := widget.NewButtonWithIcon(lang.L("found.log"), theme.ContentAddIcon(), sc.showLogForm)
	logBtn.Importance = widget.HighImportance
	reportBtn := widget.NewButtonWithIcon(lang.L("found.report"), theme.DocumentCreateIcon(), sc.showReportForm)
	reportsBtn := widget.NewButton(lang.L("found.reports"), sc.showReports)
	tools := container.NewHBox(logBtn, reportBtn, reportsBtn)
	sc.count = widget.NewLabel("")
	top := container.NewVBox(tools, sc.search, container.NewBorder(nil, nil, nil, sc.count, sc.filter))
	sc.pane = kit.NewDetailPane(sc.emptyPane())
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, sc.list.List), sc.pane.Content())
	split.Offset = 0.42
	sc.ScreenBase = kit.NewScreenBase("found", "found.title", theme.SearchIcon, split)
}

// emptyPane is what the right side shows when nothing is picked.
func (sc *Screen) emptyPane() fyne.CanvasObject { return kit.Placeholder(lang.L("found.pick")) }

// setPane shows a form or a view that is no item's detail.
func (sc *Screen) setPane(o fyne.CanvasObject) { sc.pane.Set(o) }

// Refresh reloads the items that changed (all of them for nil) and
// rebuilds, at the reader's place, an item's detail when the item, the
// staff it names or the loss reports it may match changed, and a loss
// report when it, the staff it names or the items it may match changed.
// The open loss reports are built again, at the reader's place, when
// reports changed. A form stays as typed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	if changed == nil {
		sc.reloadAll()
	}
	if changed == nil || sc.reloadSome(changed) {
		sc.applyFilter()
	}
	switch r := sc.pane.Record(); r.Kind {
	case kit.KindFound:
		if sc.pane.Stale(changed, kit.KindStaff, kit.KindLostReport) {
			sc.showDetail(r.ID)
		}
	case kit.KindLostReport:
		if sc.pane.Stale(changed, kit.KindStaff, kit.KindFound) {
			sc.showReport(r.ID)
		}
	}
	sc.pane.RefreshView(changed)
}
