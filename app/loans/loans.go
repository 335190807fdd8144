package loans

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// Item loans (物品借用): hair dryers, power strips, adapters, irons, phone
// chargers, umbrellas, baby cots, extra pillows lent to a room from a desk's
// stock. This file holds the loan's state and the bodies of its events; the
// fold is in fold.go, stock in stock.go, commands in
// commands.go and queries in queries.go.

// KindLoan is the entity kind of an item loan.
const KindLoan = "loan"

// Event types of an item loan.
const (
	TypeLoanOpened   = "loan.opened"
	TypeLoanReturned = "loan.returned"
	TypeLoanExtended = "loan.extended"
)

// LoanCondition is the state an item came back in.
type LoanCondition string

// Return conditions.
const (
	ConditionFine    LoanCondition = "fine"
	ConditionDamaged LoanCondition = "damaged"
	ConditionLost    LoanCondition = "lost"
)

var loanConditions = []LoanCondition{ConditionFine, ConditionDamaged, ConditionLost}

// LoanStatus is open while anything is still out, returned when all of it
// is accounted for (back, damaged or lost).
type LoanStatus string

// Loan statuses.
const (
	LoanStatusOpen     LoanStatus = "open"
	LoanStatusReturned LoanStatus = "returned"
)

// Loan is the folded state of one loan to a room.
type Loan struct {
	app.Meta    `json:"meta"`
	ID          string          `json:"id"`
	Desk        string          `json:"desk"` // the desk whose stock it came from
	Room        string          `json:"room"`
	Guest       string          `json:"guest,omitempty"`
	Lines       []LoanLine      `json:"lines"`
	OpenedAt    time.Time       `json:"opened_at"`
	OpenedBy    string          `json:"opened_by"`
	DueAt       time.Time       `json:"due_at"`
	Deposit     int64           `json:"deposit,omitempty"` // cents
	Status      LoanStatus      `json:"status"`
	Returns     []LoanReturn    `json:"returns,omitempty"`
	Extensions  []LoanExtension `json:"extensions,omitempty"`
	Charges     int64           `json:"charges,omitempty"` // cents, sum of return charges
	ClosedAt    time.Time       `json:"closed_at,omitzero"`
	LastChanged time.Time       `json:"last_changed"`
	// Personal is the guest's name's key, and its removal.
	Personal personal.State `json:"personal,omitzero"`
}

// LoanLine is one item type on a loan: a count, or individual asset tags
// (then Count is the number of tags).
type LoanLine struct {
	Item     string   `json:"item"` // loanable item type ID from the set-up
	Count    int      `json:"count"`
	Tags     []string `json:"tags,omitempty"`
	Back     int      `json:"back,omitempty"` // came back fine
	Damaged  int      `json:"damaged,omitempty"`
	Lost     int      `json:"lost,omitempty"`
	TagsDone []string `json:"tags_done,omitempty"` // tags accounted for
}

// Outstanding is how many of this line are still with the guest.
func (l *LoanLine) Outstanding() int {
	return max(0, l.Count-l.Back-l.Damaged-l.Lost)
}

// LoanReturn records items taken back (or written off) at once.
type LoanReturn struct {
	At    time.Time    `json:"at"`
	By    string       `json:"by"`
	Desk  string       `json:"desk"`
	Lines []ReturnLine `json:"lines"`
}

// ReturnLine is one item type coming back in one condition.
type ReturnLine struct {
	Item      string        `json:"item"`
	Count     int           `json:"count"`
	Tags      []string      `json:"tags,omitempty"`
	Condition LoanCondition `json:"condition"`
	Charge    int64         `json:"charge,omitempty"` // cents
	Note      string        `json:"note,omitempty"`
}

// LoanExtension moves the due time.
type LoanExtension struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	Reason string    `json:"reason,omitempty"`
}

// IsOpen reports whether anything is still out.
func (l *Loan) IsOpen() bool { return l.Status == LoanStatusOpen }

// Overdue reports whether an open loan is past its due time at now.
func (l *Loan) Overdue(now time.Time) bool {
	return l.IsOpen() && !l.DueAt.IsZero() && now.After(l.DueAt)
}

// Outstanding is how many items of type item are still out on this loan.
func (l *Loan) Outstanding(item string) int {
	n := 0
	for i := range l.Lines {
		if l.Lines[i].Item == item {
			n += l.Lines[i].Outstanding()
		}
	}
	return n
}

// line finds the line for item, or nil.
func (l *Loan) line(item string) *LoanLine {
	for i := range l.Lines {
		if l.Lines[i].Item == item {
			return &l.Lines[i]
		}
	}
	return nil
}

// LoanOpened is the body of loan.opened.
type LoanOpened struct {
	At      time.Time  `json:"at"`
	Desk    string     `json:"desk"`
	Room    string     `json:"room"`
	Guest   string     `json:"guest,omitempty"`
	Lines   []LoanLine `json:"lines"`
	DueAt   time.Time  `json:"due_at"`
	Deposit int64      `json:"deposit,omitempty"`
}

// LoanReturned is the body of loan.returned: a partial or a full return.
type LoanReturned struct {
	At    time.Time    `json:"at"`
	Desk  string       `json:"desk"`
	Lines []ReturnLine `json:"lines"`
}

// LoanExtended is the body of loan.extended.
type LoanExtended struct {
	At     time.Time `json:"at"`
	DueAt  time.Time `json:"due_at"`
	Reason string    `json:"reason,omitempty"`
}

// HandoverLoan is an open loan, due within the next shift or overdue.
type HandoverLoan struct {
	ID      string    `json:"id"`
	Room    string    `json:"room"`
	Guest   string    `json:"guest,omitempty"`
	Items   string    `json:"items"` // "2 × hair dryer, 1 × iron"
	DueAt   time.Time `json:"due_at"`
	Overdue bool      `json:"overdue,omitempty"`
}
