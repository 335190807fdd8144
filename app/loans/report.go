package loans

import (
	"cmp"
	"floordesk/app"
	"slices"
	"time"
)

// FrequentPerDay is the loans per day of one item type from which the
// report suggests putting the item in the rooms instead.
const FrequentPerDay = 3.0

// LoanFrequency is how often one item type was lent in a period.
type LoanFrequency struct {
	Item    string  `json:"item"`
	Loans   int     `json:"loans"` // loans that included the item
	Units   int     `json:"units"` // items lent in all
	Rooms   int     `json:"rooms"` // distinct rooms
	PerDay  float64 `json:"per_day"`
	Suggest bool    `json:"suggest"` // lent so often it belongs in the rooms
}

// loanFrequency counts the loans opened in [from, to) by item type, most
// frequent first.
func loanFrequency(loans []Loan, from, to time.Time) []LoanFrequency {
	byItem := map[string]*LoanFrequency{}
	rooms := map[string]map[string]bool{}
	for i := range loans {
		l := &loans[i]
		if l.OpenedAt.Before(from) || !l.OpenedAt.Before(to) {
			continue
		}
		for _, ln := range l.Lines {
			countLine(byItem, rooms, l.Room, ln)
		}
	}
	return rankFrequency(byItem, rooms, to.Sub(from))
}

func countLine(byItem map[string]*LoanFrequency, rooms map[string]map[string]bool, room string, ln LoanLine) {
	f := byItem[ln.Item]
	if f == nil {
		f = &LoanFrequency{Item: ln.Item}
		byItem[ln.Item] = f
		rooms[ln.Item] = map[string]bool{}
	}
	f.Loans++
	f.Units += ln.Count
	rooms[ln.Item][room] = true
}

func rankFrequency(byItem map[string]*LoanFrequency, rooms map[string]map[string]bool, span time.Duration) []LoanFrequency {
	days := max(span.Hours()/24, 1)
	out := make([]LoanFrequency, 0, len(byItem))
	for item, f := range byItem {
		f.Rooms = len(rooms[item])
		f.PerDay = float64(f.Loans) / days
		f.Suggest = f.PerDay >= FrequentPerDay
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b LoanFrequency) int {
		return cmp.Or(cmp.Compare(b.Loans, a.Loans), cmp.Compare(a.Item, b.Item))
	})
	return out
}

// Report is what the loans opened in a period came to, for the
// supervisor's report (app/reports): how many, how many items, how many
// came back late or are still out past their due time, what was lost or
// damaged and charged, and the items lent most.
type Report struct {
	Loans, Units   int
	Overdue        int   // back after the due time, or still out past it
	Lost, Damaged  int   // items
	ChargesCents   int64 // charged for lost and damaged items
	Items          []LoanFrequency
	StillOut       int // loans not yet back
	ReturnedOnTime int
}

// PeriodReport reports the loans opened in [from, to), read from the
// opened-time index; overdue is judged at now.
func (s *LoanRegister) PeriodReport(from, to, now time.Time) (Report, error) {
	ls, err := app.TimeViews(s.Service, openedIndex, from, to, func(l *Loan) bool {
		return !l.OpenedAt.Before(from) && l.OpenedAt.Before(to)
	})
	if err != nil {
		return Report{}, err
	}
	rep := Report{Loans: len(ls), Items: loanFrequency(ls, from, to)}
	for i := range ls {
		countLoan(&rep, &ls[i], now)
	}
	return rep, nil
}

func countLoan(rep *Report, l *Loan, now time.Time) {
	for _, ln := range l.Lines {
		rep.Units += ln.Count
		rep.Lost += ln.Lost
		rep.Damaged += ln.Damaged
	}
	rep.ChargesCents += l.Charges
	switch {
	case l.IsOpen():
		rep.StillOut++
		if l.Overdue(now) {
			rep.Overdue++
		}
	case !l.DueAt.IsZero() && l.ClosedAt.After(l.DueAt):
		rep.Overdue++
	default:
		rep.ReturnedOnTime++
	}
}
