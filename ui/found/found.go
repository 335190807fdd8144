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

// Screen is the lost-and-found screen: a kit.ListScreen of found items by
// tag, whose pane also shows loss reports. Its methods run on the Fyne
// goroutine.
type Screen struct {
	*kit.ListScreen[appfound.FoundItem]
	s     *kit.Session
	svc   Service
	names *kit.StaffNames // who found, logged, moved or returned an item

	lastDetail     *detail // the detail shown last, for tests
	lastLog        *logResult
	lastLogForm    *logForm
	lastReport     *reportView
	lastForm       *kit.Form
	lastReportForm *reportForm
	lastClaim      *claimForm
	lastDispose    *kit.Choice
	lastPolice     *policeForm
	// claimFor is the loss report an item was opened from: its claim
	// form starts on that report (see reportFor).
	claimFor   struct{ tag, report string }
	lastInSafe *widget.Check
	printed    func(path string) // tests: a document was printed
}

// New returns the lost-and-found screen of session s.
func New(s *kit.Session, svc Service) kit.Screen {
	sc := &Screen{s: s, svc: svc, names: kit.NewStaffNames(svc)}
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.itemList())
	sc.Refresh(nil)
	return sc
}

// look is the lost-and-found screen's look: logging an item, recording a
// loss report and the open reports above the list, with their shortcuts:
// the new-record key (Ctrl+N) logs a found item, Ctrl+Shift+L records a loss report.
func (sc *Screen) look() kit.ListLook {
	logBtn := widget.NewButtonWithIcon(kit.WithNewKey(lang.L("found.log")), theme.ContentAddIcon(), sc.showLogForm)
	logBtn.Importance = widget.HighImportance
	reportBtn := widget.NewButtonWithIcon(lang.L("found.report"), theme.DocumentCreateIcon(), sc.showReportForm)
	police := widget.NewButtonWithIcon(lang.L("found.to_police"), theme.DocumentPrintIcon(), func() { sc.showPoliceForm("") })
	tools := container.NewHBox(logBtn, reportBtn, kit.Reading(widget.NewButton(lang.L("found.reports"), sc.showReports)), police)
	return kit.ListLook{Screen: "found", Title: "found.title", Icon: theme.SearchIcon,
		Search: "found.search", Pick: "found.pick", Count: "found.count", Tools: tools,
		Shortcuts: []kit.Shortcut{
			kit.NewRecord(lang.L("found.log"), sc.showLogForm),
			{Key: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, Name: lang.L("found.report"), Run: sc.showReportForm},
		}}
}

// Show opens a found item ("found", tag) or a loss report ("lostreport",
// id).
func (sc *Screen) Show(kind, id string) bool {
	if kind == kit.KindLostReport {
		return sc.showReport(id)
	}
	return sc.ListScreen.Show(kind, id)
}

// Refresh reloads the items that changed (all of them for nil) and
// rebuilds, at the reader's place, an item's detail when the item, the
// staff it names or the loss reports it may match changed, and a loss
// report when it, the staff it names or the items it may match changed.
// The open loss reports are built again, at the reader's place, when
// reports changed. A form stays as typed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	sc.ListScreen.Refresh(changed)
	if r := sc.Pane().Record(); r.Kind == kit.KindLostReport && sc.Pane().Stale(changed, kit.KindStaff, kit.KindFound) {
		sc.showReport(r.ID)
	}
}
