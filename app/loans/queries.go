package loans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"floordesk/app"
)

// Loan returns one loan; ErrNotFound when unknown.
func (s *LoanRegister) Loan(id string) (Loan, error) {
	return app.LoadView[Loan](s.Service, KindLoan, id)
}

// openLoans lists the open loans of every desk that keep accepts (nil:
// all), in ID order. Returned loans are skipped before decoding.
func (s *LoanRegister) openLoans(keep ...func(*Loan) bool) ([]Loan, error) {
	return app.ScanViews(s.Service, KindLoan, []string{string(LoanStatusOpen)}, func(l *Loan) bool {
		return l.IsOpen() && (len(keep) == 0 || keep[0](l))
	})
}

// OpenLoans lists the open loans lent by desk ("" = every desk), due
// soonest first.
func (s *LoanRegister) OpenLoans(desk string) ([]Loan, error) {
	ls, err := s.openLoans(func(l *Loan) bool { return desk == "" || l.Desk == desk })
	sortByDue(ls)
	return ls, err
}

// OverdueLoans lists open loans past their due time now, most overdue
// first; desk "" means every desk.
func (s *LoanRegister) OverdueLoans(desk string) ([]Loan, error) {
	now := s.Now()
	ls, err := s.openLoans(func(l *Loan) bool { return l.Overdue(now) && (desk == "" || l.Desk == desk) })
	sortByDue(ls)
	return ls, err
}

// LoansDue lists open loans of desk due before until (overdue ones too),
// for the handover.
func (s *LoanRegister) LoansDue(desk string, until time.Time) ([]Loan, error) {
	ls, err := s.openLoans(func(l *Loan) bool { return l.Desk == desk && l.DueAt.Before(until) })
	sortByDue(ls)
	return ls, err
}

// OpenLoansForRoom lists what a room still has on loan, from any desk: ask
// for it back before the guest leaves. It reads that room's open loans
// only.
func (s *LoanRegister) OpenLoansForRoom(room string) ([]Loan, error) {
	return s.OpenLoansForRooms([]string{room})
}

// OpenLoansForRooms lists what the rooms still have on loan, from any
// desk, due soonest first (the departures of a day): one index read a
// room, decoding their open loans only.
func (s *LoanRegister) OpenLoansForRooms(rooms []string) ([]Loan, error) {
	var out []Loan
	for _, room := range slices.Compact(slices.Sorted(slices.Values(rooms))) {
		ls, err := app.IndexedViews(s.Service, openRoomIndex, []byte(room), func(l *Loan) bool { return l.IsOpen() })
		if err != nil {
			return nil, err
		}
		out = append(out, ls...)
	}
	sortByDue(out)
	return out, nil
}

// LoansForRoom lists every loan to a room, newest first.
func (s *LoanRegister) LoansForRoom(room string) ([]Loan, error) {
	ls, err := app.IndexedViews[Loan](s.Service, roomIndex, []byte(room), nil)
	slices.SortFunc(ls, func(a, b Loan) int {
		return cmp.Or(b.OpenedAt.Compare(a.OpenedAt), cmp.Compare(a.ID, b.ID))
	})
	return ls, err
}

// LoansInConflict lists loans with an open sync conflict.
func (s *LoanRegister) LoansInConflict() ([]Loan, error) {
	return app.ConflictViews[Loan](s.Service, KindLoan)
}

func sortByDue(ls []Loan) {
	slices.SortFunc(ls, func(a, b Loan) int {
		return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.ID, b.ID))
	})
}

// Stock lists the stock of every item type at desk ("" = every desk): how
// many the desk owns, how many are out and how many are left.
func (s *LoanRegister) Stock(desk string) ([]StockRow, error) {
	types, err := s.ItemTypes()
	if err != nil {
		return nil, err
	}
	out, err := s.outByDesk()
	if err != nil {
		return nil, err
	}
	rows := stockRows(types, out)
	if desk == "" {
		return rows, nil
	}
	return slices.DeleteFunc(rows, func(r StockRow) bool { return r.Desk != desk }), nil
}

// LowStock lists the item types running low at any desk.
func (s *LoanRegister) LowStock() ([]StockRow, error) {
	rows, err := s.Stock("")
	return slices.DeleteFunc(rows, func(r StockRow) bool { return !r.Low }), err
}

// FrequentLoans reports how often each item type was lent in [from, to),
// most lent first. Suggest marks the items lent so often they could be put
// in the rooms.
func (s *LoanRegister) FrequentLoans(from, to time.Time) ([]LoanFrequency, error) {
	ls, err := app.TimeViews(s.Service, openedIndex, from, to, func(l *Loan) bool {
		return !l.OpenedAt.Before(from) && l.OpenedAt.Before(to)
	})
	return loanFrequency(ls, from, to), err
}

// handoverLoans lists desk's loans due within the next shift.
func (s *LoanRegister) handoverLoans(desk string, now time.Time) ([]HandoverLoan, error) {
	ls, err := s.LoansDue(desk, now.Add(HandoverWindow))
	if err != nil {
		return nil, err
	}
	names, err := s.itemNames()
	out := make([]HandoverLoan, len(ls))
	for i := range ls {
		l := &ls[i]
		out[i] = HandoverLoan{ID: l.ID, Room: l.Room, Items: loanItems(l, names),
			DueAt: l.DueAt, Overdue: l.Overdue(now)}
	}
	return out, err
}

// itemNames maps item type codes to their names.
func (s *LoanRegister) itemNames() (map[string]string, error) {
	types, err := s.ItemTypes()
	names := make(map[string]string, len(types))
	for _, t := range types {
		names[t.Code] = t.Name
	}
	return names, err
}

// loanItems renders what is still out: "2 × hair dryer, 1 × iron".
func loanItems(l *Loan, names map[string]string) string {
	var parts []string
	for i := range l.Lines {
		n := l.Lines[i].Outstanding()
		if n == 0 {
			continue
		}
		name := cmp.Or(names[l.Lines[i].Item], l.Lines[i].Item)
		parts = append(parts, fmt.Sprintf("%d × %s", n, name))
	}
	return strings.Join(parts, ", ")
}
