package loans

import (
	"floordesk/app/personal"
)

// A loan's guest name is sealed under a key of the loan's own and removed
// after the hotel's retention once the loan is returned (app/personal);
// the room stays. A handover lists loans by room, without the name.
func init() { personal.Register(KindLoan, describeLoan, "guest") }

func describeLoan(l *Loan) personal.Record {
	rec := personal.Record{State: l.Personal, Holds: l.Guest != "",
		Names: []string{l.Guest}, Rooms: []string{l.Room}, Summary: l.Room + " " + l.OpenedAt.Format("2006-01-02")}
	if l.Status == LoanStatusReturned {
		rec.Closed = l.ClosedAt
	}
	return rec
}
