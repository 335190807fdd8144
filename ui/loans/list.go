package loans

import (
	"cmp"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// loanList is what the screen lists: the open loans and the returned ones
// this desk has seen, found by room, guest, desk, items and tags; rows and
// details show staff and item names. Refresh reloads the loans that
// changed (every open loan for nil) and rebuilds the loan's detail, at the
// reader's place, when the loan or the names it shows changed; the detail
// shows no stock. The stock and frequent-loans tables are live views of
// the pane, built again when loans or item types changed. A form stays as
// typed.
func (sc *Screen) loanList() kit.ListConfig[apploans.Loan] {
	return kit.ListConfig[apploans.Loan]{
		Kind: kit.KindLoan, Reads: []string{kit.KindStaff, kit.KindItemType},
		ID:  func(l apploans.Loan) string { return l.ID },
		All: sc.everyLoan, One: sc.svc.Loan, Names: sc.names.load,
		Words: sc.words, Filters: sc.filters(), Compare: sc.compare,
		Row: sc.fillRow, Act: sc.act,
		Detail: func(l apploans.Loan) (fyne.CanvasObject, *container.Scroll) { return sc.detail(l), nil },
		Export: "loans.export_name", Columns: sc.columns(),
	}
}

// everyLoan reads every open loan again, and keeps the returned loans
// already held, so the returned filter keeps what this desk saw; a loan
// held as open that is open no more is read again.
func (sc *Screen) everyLoan() ([]apploans.Loan, error) {
	open, err := sc.svc.OpenLoans("")
	if err != nil {
		return nil, err
	}
	listed := make(map[string]bool, len(open))
	for _, l := range open {
		listed[l.ID] = true
	}
	out := open
	for l := range sc.Records() {
		if listed[l.ID] {
			continue
		}
		out = append(out, sc.again(l))
	}
	return out, nil
}

// again is loan l read again while it is open, or as held once returned
// (or when it cannot be read).
func (sc *Screen) again(l apploans.Loan) apploans.Loan {
	if !l.IsOpen() {
		return l
	}
	if fresh, err := sc.svc.Loan(l.ID); err == nil {
		return fresh
	}
	return l
}

// words are what the search finds a loan by: room, guest, desk, items and
// tags.
func (sc *Screen) words(l apploans.Loan) []string {
	fields := []string{l.Room, l.Guest, l.Desk, sc.s.DeskName(l.Desk)}
	for _, ln := range l.Lines {
		fields = append(fields, sc.names.item(ln.Item), strings.Join(ln.Tags, " "))
	}
	return fields
}

// roomLoans are every loan of a room, returned ones too.
func (sc *Screen) roomLoans(room string) []apploans.Loan {
	ls, err := sc.svc.LoansForRoom(room)
	if err != nil {
		return nil
	}
	return ls
}

// compare orders open loans by due time, returned ones newest first.
func (sc *Screen) compare(a, b apploans.Loan) int {
	if f := sc.currentFilter(); f == filterReturned || f == filterRoom {
		return cmp.Or(b.OpenedAt.Compare(a.OpenedAt), cmp.Compare(a.ID, b.ID))
	}
	return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.ID, b.ID))
}

// fillRow shows one loan: room and guest, the items, and when it is due.
func (sc *Screen) fillRow(l apploans.Loan, r *kit.Row) {
	title := lang.L("loans.room", map[string]string{"Room": l.Room})
	if g := kit.ListedPersonal(l.Guest, l.Personal); g != "" {
		title += " · " + g
	}
	note, imp := sc.dueNote(l)
	r.Set(title, sc.itemsText(l), note, imp)
}

// dueNote says when a loan is due, highlighted when late or due today.
func (sc *Screen) dueNote(l apploans.Loan) (string, widget.Importance) {
	now := sc.s.Now()
	switch {
	case !l.IsOpen():
		return lang.L("loans.returned_at", map[string]string{"When": kit.When(l.ClosedAt, now)}), widget.LowImportance
	case l.Overdue(now):
		return kit.Late(l.DueAt, now), widget.DangerImportance
	case dueToday(l, now, sc.s.Location()):
		return lang.L("loans.due_at", map[string]string{"When": kit.When(l.DueAt, now)}), widget.WarningImportance
	}
	return lang.L("loans.due_at", map[string]string{"When": kit.When(l.DueAt, now)}), widget.MediumImportance
}

// itemsText lists a loan's items: "吹风机 ×1, 电源插座 ×2".
func (sc *Screen) itemsText(l apploans.Loan) string {
	parts := make([]string, 0, len(l.Lines))
	for _, ln := range l.Lines {
		parts = append(parts, fmt.Sprintf("%s ×%d", sc.names.item(ln.Item), ln.Count))
	}
	return strings.Join(parts, ", ")
}
