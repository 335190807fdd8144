// Package loans is the item-loans screen (物品借用): the searchable,
// filterable list of loans, a loan's detail with its full history, the
// forms to lend, take back and extend, the stock of every desk and the
// frequent-loans report.
package loans

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// Screen is the loans screen: a kit.ListScreen of loans. Its methods run
// on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[apploans.Loan]
	s     *kit.Session
	svc   Service
	names *names // staff and item type names, the hotel's time zone

	printed func(path string) // tests: a document was printed
}

// New returns the loans screen of session s.
func New(s *kit.Session, svc Service) kit.Screen {
	sc := &Screen{s: s, svc: svc, names: newNames(svc)}
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.loanList())
	sc.Refresh(nil)
	return sc
}

// look is the loans screen's look: lending, the stock and the frequent
// loans above the list, the new-record key (Ctrl+N) to lend items.
func (sc *Screen) look() kit.ListLook {
	lend := widget.NewButtonWithIcon(kit.WithNewKey(lang.L("loans.lend")), theme.ContentAddIcon(), sc.showLendForm)
	lend.Importance = widget.HighImportance
	tools := container.NewHBox(lend, kit.Reading(widget.NewButton(lang.L("loans.stock"), sc.showStock)),
		kit.Reading(widget.NewButton(lang.L("loans.frequent"), sc.showFrequent)))
	return kit.ListLook{Screen: "loans", Title: "loans.title", Icon: theme.StorageIcon,
		Search: "loans.search", Pick: "loans.pick", Count: "loans.list_count", Tools: tools,
		Shortcuts: []kit.Shortcut{kit.NewRecord(lang.L("loans.lend"), sc.showLendForm)}}
}

// closePane goes back from a form to the loan shown last, or to the empty
// pane.
func (sc *Screen) closePane() { sc.Back() }
