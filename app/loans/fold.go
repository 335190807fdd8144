package loans

import (
	"slices"
	"strconv"
	"time"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// applyLoan folds one event into a loan. A return of items that are no
// longer out (one loan returned twice at two offline desks) is kept in the
// history and not counted; loanClash marks the loan in conflict.
func applyLoan(l *Loan, ev wire.Event) error {
	switch ev.Type {
	case TypeLoanOpened:
		return applyLoanOpened(l, ev)
	case TypeLoanReturned:
		return applyLoanReturned(l, ev)
	case TypeLoanExtended:
		return applyLoanExtended(l, ev)
	case personal.TypePurged:
		l.Guest = ""
		return l.Personal.Purge(ev)
	}
	return nil
}

func applyLoanOpened(l *Loan, ev wire.Event) error {
	b, o, err := personal.DecodeBody[LoanOpened](ev)
	if err != nil {
		return err
	}
	l.Personal.Note(o)
	at := app.ActionTime(b.At, ev)
	l.ID, l.Desk, l.Room, l.Guest = ev.Entity.ID, b.Desk, b.Room, b.Guest
	l.OpenedAt, l.OpenedBy, l.DueAt, l.Deposit = at, ev.Actor, b.DueAt, b.Deposit
	l.Lines = openedLines(b.Lines)
	l.Status = LoanStatusOpen
	l.changed(at)
	for _, r := range l.Returns { // a return folded before its loan (clock skew)
		l.applyLines(r.Lines)
	}
	l.settle(at)
	return nil
}

// openedLines copies the lent lines, counting tags where given.
func openedLines(in []LoanLine) []LoanLine {
	out := make([]LoanLine, len(in))
	for i, ln := range in {
		out[i] = LoanLine{Item: ln.Item, Count: ln.Count, Tags: slices.Clone(ln.Tags)}
		if len(ln.Tags) > 0 {
			out[i].Count = len(ln.Tags)
		}
	}
	return out
}

func applyLoanReturned(l *Loan, ev wire.Event) error {
	b, err := app.DecodeBody[LoanReturned](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	l.Returns = append(l.Returns, LoanReturn{At: at, By: ev.Actor, Desk: b.Desk, Lines: b.Lines})
	if l.ID != "" {
		l.applyLines(b.Lines)
	}
	l.changed(at)
	l.settle(at)
	return nil
}

// applyLines counts returned items, and their charges, against what is
// out. A line for items no longer out (the same items returned twice at
// two desks) is kept in Returns but neither counted nor charged again;
// loanClash marks the conflict.
func (l *Loan) applyLines(lines []ReturnLine) {
	for _, rl := range lines {
		if l.applyLine(rl) > 0 {
			l.Charges += rl.Charge
		}
	}
}

// applyLine counts one return line and returns how many of it were out.
func (l *Loan) applyLine(rl ReturnLine) int {
	ln := l.line(rl.Item)
	if ln == nil {
		return 0
	}
	n := min(rl.Count, ln.Outstanding())
	switch rl.Condition {
	case ConditionDamaged:
		ln.Damaged += n
	case ConditionLost:
		ln.Lost += n
	default:
		ln.Back += n
	}
	for _, t := range rl.Tags {
		if !slices.Contains(ln.TagsDone, t) {
			ln.TagsDone = append(ln.TagsDone, t)
		}
	}
	return n
}

// settle closes the loan once nothing is out.
func (l *Loan) settle(at time.Time) {
	if l.ID == "" || !l.IsOpen() {
		return
	}
	for i := range l.Lines {
		if l.Lines[i].Outstanding() > 0 {
			return
		}
	}
	l.Status, l.ClosedAt = LoanStatusReturned, at
}

func applyLoanExtended(l *Loan, ev wire.Event) error {
	b, err := app.DecodeBody[LoanExtended](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	l.Extensions = append(l.Extensions, LoanExtension{At: at, By: ev.Actor, From: l.DueAt, To: b.DueAt, Reason: b.Reason})
	if b.DueAt.After(l.DueAt) {
		l.DueAt = b.DueAt
	}
	l.changed(at)
	return nil
}

func (l *Loan) changed(at time.Time) {
	if at.After(l.LastChanged) {
		l.LastChanged = at
	}
}

func init() {
	app.IndexStatus(KindLoan, func(l *Loan) string { return string(l.Status) })
	app.RegisterIndex(KindLoan, outIndex)
	app.RegisterKind(KindLoan, app.FoldWith[Loan](applyLoan, loanClash))
}

// loanClash marks a loan returned twice: a return made without seeing an
// earlier return, for more items than were still out. Two partial returns
// of different items, and extensions, commute.
func loanClash(l *Loan, earlier app.Step, ev wire.Event) (string, map[string]string) {
	if earlier.Type != TypeLoanReturned || ev.Type != TypeLoanReturned {
		return "", nil
	}
	b, err := app.DecodeBody[LoanReturned](ev)
	if err != nil {
		return "", nil
	}
	for _, rl := range b.Lines {
		if rl.Count > l.Outstanding(rl.Item) {
			return "loan.returned_twice", map[string]string{
				"room": l.Room, "item": rl.Item, "count": strconv.Itoa(rl.Count),
				"out": strconv.Itoa(l.Outstanding(rl.Item)),
			}
		}
	}
	return "", nil
}
