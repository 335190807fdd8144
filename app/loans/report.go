package loans

import (
	"cmp"
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
