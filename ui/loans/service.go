package loans

import (
	"time"

	"floordesk/app"
	apploans "floordesk/app/loans"
)

// Service is what the loans screens need of the desk: their register's
// commands and queries and the core's they read beside them. main gives
// the register itself (it embeds the core service).
type Service interface {
	ExtendLoan(actorID, id string, due time.Time, reason string) (apploans.Loan, error)
	FrequentLoans(from, to time.Time) ([]apploans.LoanFrequency, error)
	ItemTypes() ([]app.ItemType, error)
	Lend(actorID string, in apploans.LendInput) (apploans.Loan, error)
	Loan(id string) (apploans.Loan, error)
	LoansDue(desk string, until time.Time) ([]apploans.Loan, error)
	LoansForRoom(room string) ([]apploans.Loan, error)
	OpenLoans(desk string) ([]apploans.Loan, error)
	ReturnAll(actorID, id string) (apploans.Loan, error)
	ReturnLoan(actorID, id string, lines []apploans.ReturnLine) (apploans.Loan, error)
	SearchLoans(q apploans.LoanQuery) (app.SearchPage[apploans.Loan], error)
	StaffList(withDisabled bool) ([]app.Staff, error)
	Stock(desk string) ([]apploans.StockRow, error)
}

var _ Service = (*apploans.LoanRegister)(nil)
