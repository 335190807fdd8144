package keys

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Key reports for supervisors: per key, per staff member, sign-ins by
// someone other than the holder, sign-outs outside the holder's shift.

// KeyLoanOf is a loan with its key's tag.
type KeyLoanOf struct {
	Tag string
	KeyLoan
}

// allKeyLoans lists every loan of every key that keep accepts, by time out.
func (s *KeyRegister) allKeyLoans(keep func(KeyLoan) bool) ([]KeyLoanOf, error) {
	keys, err := s.Keys()
	if err != nil {
		return nil, err
	}
	var out []KeyLoanOf
	for _, k := range keys {
		loans, err := s.keyLoans(k.Tag)
		if err != nil {
			return nil, err
		}
		for _, l := range loans {
			if keep(l) {
				out = append(out, KeyLoanOf{Tag: k.Tag, KeyLoan: l})
			}
		}
	}
	app.SortBy(out, func(l KeyLoanOf) time.Time { return l.Out })
	return out, nil
}

// KeyHistory lists all of a key's loans, oldest first, from its event
// stream (the view keeps only the latest); ErrNotFound when unknown.
func (s *KeyRegister) KeyHistory(tag string) ([]KeyLoan, error) {
	if _, err := s.Key(tag); err != nil {
		return nil, err
	}
	return s.keyLoans(tag)
}

// keyLoans folds a key's whole stream keeping every loan.
func (s *KeyRegister) keyLoans(tag string) ([]KeyLoan, error) {
	evs, err := s.Store().Stream(app.Ref(KindKey, tag))
	if err != nil {
		return nil, fmt.Errorf("key history %s: %w", tag, err)
	}
	var k Key
	for _, ev := range evs {
		applyKeyEvent(&k, ev) // a malformed event is skipped, as in the view
	}
	return k.Loans, nil
}

// StaffKeyHistory lists the loans a staff member held, oldest first.
func (s *KeyRegister) StaffKeyHistory(staffID string) ([]KeyLoanOf, error) {
	return s.allKeyLoans(func(l KeyLoan) bool { return l.Holder == staffID })
}

// KeyLoansOut lists the loans signed out within [from, to), oldest first:
// a day's key sign-out sheet.
func (s *KeyRegister) KeyLoansOut(from, to time.Time) ([]KeyLoanOf, error) {
	return s.allKeyLoans(func(l KeyLoan) bool { return !l.Out.Before(from) && l.Out.Before(to) })
}

// SignInsByOthers lists loans signed in within [from, to) by someone other
// than the holder.
func (s *KeyRegister) SignInsByOthers(from, to time.Time) ([]KeyLoanOf, error) {
	return s.allKeyLoans(func(l KeyLoan) bool {
		return l.InBy != "" && l.InBy != l.Holder && !l.In.Before(from) && l.In.Before(to)
	})
}

// SignOutsOutsideShift lists loans signed out within [from, to) at a time
// outside the holder's shift (holders with no shift are left out).
func (s *KeyRegister) SignOutsOutsideShift(from, to time.Time) ([]KeyLoanOf, error) {
	shifts, err := s.staffShifts()
	if err != nil {
		return nil, err
	}
	return s.allKeyLoans(func(l KeyLoan) bool {
		sh, ok := shifts[l.Holder]
		return ok && !l.Out.Before(from) && l.Out.Before(to) && !s.InShift(sh, l.Out)
	})
}

// staffShifts maps each staff member with a shift to that shift.
func (s *KeyRegister) staffShifts() (map[string]app.Shift, error) {
	h, err := s.Settings()
	if err != nil {
		return nil, err
	}
	staff, err := s.StaffList(true)
	if err != nil {
		return nil, err
	}
	out := map[string]app.Shift{}
	for _, st := range staff {
		for _, sh := range h.Shifts {
			if sh.Name == st.Shift {
				out[st.ID] = sh
			}
		}
	}
	return out, nil
}

// Report is what the key sign-outs of a period came to, for the
// supervisor's report (app/reports).
type Report struct {
	SignOuts int
	// Overdue counts sign-outs back after their due time, or still out
	// past it; OverdueBy the same per holder, most first.
	Overdue   int
	OverdueBy []StaffCount
	Lost      int // loss reports made in the period
}

// StaffCount is a count for one staff member.
type StaffCount struct {
	Staff string
	N     int
}

// streamSlack is how far before a period a key's stream is read: an
// event's stamp is never earlier than the time it records (the desk's
// clock only moves its stamps later), save after a PC's date was wrong,
// which this margin covers up to a day.
const streamSlack = 24 * time.Hour

// PeriodReport reports the keys signed out in [from, to) (overdue judged
// at now) and the keys reported lost then. It reads each key's stream
// from the period's start on (the view keeps only the open loans), so
// its cost follows the period and what came after it, not the years
// before.
func (s *KeyRegister) PeriodReport(from, to, now time.Time) (Report, error) {
	keys, err := s.Keys()
	if err != nil {
		return Report{}, err
	}
	var rep Report
	by := map[string]int{}
	since := wire.MakeTimestamp(from.Add(-streamSlack).UnixMilli(), 0)
	for _, k := range keys {
		evs, err := s.Store().StreamSince(app.Ref(KindKey, k.Tag), since)
		if err != nil {
			return Report{}, fmt.Errorf("key report %s: %w", k.Tag, err)
		}
		var part Key
		for _, ev := range evs {
			applyKeyEvent(&part, ev) // a malformed event is skipped, as in the view
			if ev.Type == TypeKeyLost {
				if b, err := app.DecodeBody[keyNoteBody](ev); err == nil && !b.At.Before(from) && b.At.Before(to) {
					rep.Lost++
				}
			}
		}
		for _, l := range part.Loans {
			countKeyLoan(&rep, by, l, from, to, now)
		}
	}
	for staff, n := range by {
		rep.OverdueBy = append(rep.OverdueBy, StaffCount{staff, n})
	}
	slices.SortFunc(rep.OverdueBy, func(a, b StaffCount) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Staff, b.Staff)) })
	return rep, nil
}

func countKeyLoan(rep *Report, by map[string]int, l KeyLoan, from, to, now time.Time) {
	if l.Out.Before(from) || !l.Out.Before(to) {
		return
	}
	rep.SignOuts++
	back := l.In
	if back.IsZero() {
		back = now
	}
	if l.Lost || back.After(l.Due) {
		rep.Overdue++
		by[l.Holder]++
	}
}
