package loans

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// frequentDays is the period the frequent-loans report looks back over.
const frequentDays = 30

// showStock shows every desk's stock, low stock highlighted, built again
// as loans and item types change.
func (sc *Screen) showStock() {
	sc.showTable(lang.L("loans.stock"), kit.Note(lang.L("loans.stock_note")), sc.stockGrid, kit.KindLoan, kit.KindItemType)
}

// stockGrid is the stock table: what each desk owns, lent and has left.
func (sc *Screen) stockGrid() fyne.CanvasObject {
	rows, err := sc.svc.Stock("")
	if err != nil {
		return kit.Note(kit.Say(err))
	}
	grid := container.NewGridWithColumns(5, headCells("loans.item", "loans.desk", "loans.stock_owned",
		"loans.stock_out", "loans.stock_left")...)
	for _, r := range rows {
		imp := widget.MediumImportance
		if r.Low {
			imp = widget.DangerImportance
		}
		for _, text := range []string{r.Name, sc.s.DeskName(r.Desk), strconv.Itoa(r.Stock), strconv.Itoa(r.Out), sc.leftText(r.Left, r.Low)} {
			grid.Add(cell(text, imp))
		}
	}
	return grid
}

func (sc *Screen) leftText(left int, low bool) string {
	if low {
		return lang.L("loans.low", map[string]int{"N": left})
	}
	return strconv.Itoa(left)
}

// showFrequent shows the items lent most over the last frequentDays
// days, and which of them to put in the rooms, built again as loans and
// item types (their names) change.
func (sc *Screen) showFrequent() {
	intro := kit.Note(lang.L("loans.f.intro", map[string]int{"Days": frequentDays}))
	sc.showTable(lang.L("loans.frequent"), intro, sc.frequentGrid, kit.KindLoan, kit.KindItemType)
}

// frequentGrid is the frequent-loans table, most lent first.
func (sc *Screen) frequentGrid() fyne.CanvasObject {
	now := sc.s.Now().Add(time.Minute) // the loan just made counts
	rows, err := sc.svc.FrequentLoans(now.Add(-frequentDays*24*time.Hour), now)
	if err != nil {
		return kit.Note(kit.Say(err))
	}
	grid := container.NewGridWithColumns(5, headCells("loans.item", "loans.f.loans", "loans.f.rooms",
		"loans.f.per_day", "loans.f.advice")...)
	for _, r := range rows {
		advice, imp := "", widget.MediumImportance
		if r.Suggest {
			advice, imp = lang.L("loans.f.suggest"), widget.WarningImportance
		}
		for _, text := range []string{sc.names.item(r.Item), strconv.Itoa(r.Loans), strconv.Itoa(r.Rooms),
			fmt.Sprintf("%.1f", r.PerDay), advice} {
			grid.Add(cell(text, imp))
		}
	}
	return grid
}

// showTable puts a titled table in the pane with a button back; grid
// builds the table from records of the kinds in reads, and builds it
// again when they change.
func (sc *Screen) showTable(title string, intro fyne.CanvasObject, grid func() fyne.CanvasObject, reads ...string) {
	sc.Unpick()
	back := kit.Reading(widget.NewButton(lang.L("loans.close"), sc.closePane))
	top := container.NewVBox(container.NewBorder(nil, nil, nil, back, kit.Heading(title)), intro)
	sc.Pane().SetView(func() (fyne.CanvasObject, *container.Scroll) {
		scroll := container.NewVScroll(container.NewVBox(grid()))
		return container.NewBorder(top, nil, nil, nil, scroll), scroll
	}, reads...)
}

func headCells(keys ...string) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		l := widget.NewLabel(lang.L(k))
		l.TextStyle.Bold = true
		out[i] = l
	}
	return out
}

func cell(text string, imp widget.Importance) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Importance = imp
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
