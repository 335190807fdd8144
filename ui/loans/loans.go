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

	"floordesk/app"
	"floordesk/ui/kit"
)

// Screen is the loans screen: a kit.ListScreen of loans. Its methods run
// on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[app.Loan]
	s     *kit.Session
	names *names
}

var (
	_ kit.Screen   = (*Screen)(nil)
	_ kit.Ticker   = (*Screen)(nil)
	_ kit.Searcher = (*Screen)(nil)
)

// New returns the loans screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, names: newNames(s.Svc)}
	sc.ListScreen = kit.NewListScreen(s, kit.ListLook{Screen: "loans", Title: "loans.title", Icon: theme.StorageIcon,
		Search: "loans.search", Pick: "loans.pick", Tools: sc.toolbar()}, sc.loanList())
	sc.Refresh(nil)
	return sc
}

// Shortcuts: Ctrl+L lends items.
func (sc *Screen) Shortcuts() []kit.Shortcut {
	return []kit.Shortcut{{Key: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault,
		Name: lang.L("loans.lend"), Run: sc.showLendForm}}
}

// toolbar holds the screen's actions.
func (sc *Screen) toolbar() fyne.CanvasObject {
	lend := widget.NewButtonWithIcon(lang.L("loans.lend"), theme.ContentAddIcon(), sc.showLendForm)
	lend.Importance = widget.HighImportance
	stock := widget.NewButton(lang.L("loans.stock"), sc.showStock)
	report := widget.NewButton(lang.L("loans.frequent"), sc.showFrequent)
	return container.NewHBox(lend, stock, report)
}

// closePane goes back from a form to the loan shown last, or to the empty
// pane.
func (sc *Screen) closePane() { sc.Back() }
