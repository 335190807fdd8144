package loans

import (
	"encoding/json"

	"floordesk/app/personal"
	"floordesk/data/wire"
)

// A loan's guest name is sealed under a key of the loan's own and removed
// after the hotel's retention once the loan is returned (app/personal);
// the room stays. A handover lists loans by room, without the name.
func init() { personal.Register(KindLoan, readLoan) }

func readLoan(ref wire.EntityRef, b []byte) (personal.Record, error) {
	var l Loan
	if err := json.Unmarshal(b, &l); err != nil {
		return personal.Record{}, err
	}
	rec := personal.Record{Ref: ref, State: l.Personal, Holds: l.Guest != "",
		Names: []string{l.Guest}, Rooms: []string{l.Room}, Summary: l.Room + " " + l.OpenedAt.Format("2006-01-02")}
	if l.Status == LoanStatusReturned {
		rec.Closed = l.ClosedAt
	}
	return rec, nil
}
