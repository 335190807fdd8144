package found

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// A guest's personal data in this register: a loss report's guest and
// contact, a claim's claimant and contact (their JSON names in both
// bodies). They are sealed under a key of the record's own and removed
// after the hotel's retention (app/personal); the ID type and its last
// four digits are the least a hand-over must show and are kept.
var personalFields = []string{"guest", "contact", "claimant"}

func init() {
	personal.Register(KindLostReport, describeReport, personalFields...)
	personal.Register(KindFound, describeItem, personalFields...)
	app.RegisterIndexVersion(KindLostReport, "1") // 1: filed for the personal-data housekeeping
}

func describeReport(r *LostReport) personal.Record {
	rec := personal.Record{State: r.Personal, Holds: r.Guest != "" || r.Contact != "",
		Names: []string{r.Guest}, Phones: []string{r.Contact}, Rooms: []string{r.Room},
		Summary: r.Description}
	if r.Closed {
		rec.Closed = r.ClosedAt
		if rec.Closed.IsZero() { // closed before closed_at was kept
			rec.Closed = r.FiledAt
		}
	}
	return rec
}

func describeItem(f *FoundItem) personal.Record {
	rec := personal.Record{State: f.Personal, Summary: f.Tag + " " + f.Description}
	for _, c := range f.Claims {
		rec.Holds = rec.Holds || c.Claimant != "" || c.Contact != ""
		rec.Names, rec.Phones = append(rec.Names, c.Claimant), append(rec.Phones, c.Contact)
	}
	if f.Room {
		rec.Rooms = []string{f.Place}
	}
	rec.Closed = itemClosed(*f)
	return rec
}

// itemClosed is when the item's holding ended: its claim, its disposal or
// its hand-over to the police; zero while held.
func itemClosed(f FoundItem) time.Time {
	switch {
	case f.Status == FoundHeld:
		return time.Time{}
	case len(f.Claims) > 0:
		return f.Claims[len(f.Claims)-1].At
	case f.Disposal != nil:
		return f.Disposal.At
	}
	return f.LoggedAt
}
