package loans

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// LoanDueHour is the hour (hotel time) a loan is due back the next day
// when neither a due time nor the guest's departure is given.
const LoanDueHour = 12

// LendInput is the input for lending items to a room. Each line is an item
// type code with a count, or with asset tags. Zero DueAt means Departure,
// or LoanDueHour the next day.
type LendInput struct {
	Room      string
	Guest     string
	Lines     []LoanLine
	DueAt     time.Time
	Departure time.Time
	Deposit   int64 // cents
}

// Lend lends items from this desk's stock to a room. Refusals: ErrInvalid
// naming the field (room not on the list, unknown item type or asset tag,
// count, due time in the past); ErrConflict when the desk has too few left
// ("loan.short" says how many and which desk has most, "loan.short_nowhere"
// when no desk has any) or an asset tag is already out ("loan.tag_out").
func (s *LoanRegister) Lend(actorID string, in LendInput) (Loan, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Loan{}, err
	}
	now := s.Now()
	in = s.lendDefaults(in, now)
	in.Room = s.ListedRoom(in.Room)
	if err := s.checkLend(in, now); err != nil {
		return Loan{}, err
	}
	id := s.NewID()
	body := LoanOpened{At: now, Desk: s.Desk(), Room: in.Room, Guest: in.Guest,
		Lines: in.Lines, DueAt: in.DueAt, Deposit: in.Deposit}
	evs, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindLoan, id), TypeLoanOpened, body, "guest")
	if err != nil {
		return Loan{}, err
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return Loan{}, fmt.Errorf("save %s: %w", TypeLoanOpened, app.StoreRefusal(err))
	}
	return s.Loan(id)
}

func (s *LoanRegister) lendDefaults(in LendInput, now time.Time) LendInput {
	in.Room, in.Guest = strings.TrimSpace(in.Room), strings.TrimSpace(in.Guest)
	in.Lines = mergeLines(in.Lines)
	switch {
	case !in.DueAt.IsZero():
		in.DueAt = in.DueAt.UTC()
	case !in.Departure.IsZero():
		in.DueAt = in.Departure.UTC()
	default:
		in.DueAt = s.nextDayAt(now, LoanDueHour)
	}
	return in
}

// nextDayAt is hour o'clock hotel time on the day after now, in UTC.
func (s *LoanRegister) nextDayAt(now time.Time, hour int) time.Time {
	lt := now.In(s.Loc())
	return time.Date(lt.Year(), lt.Month(), lt.Day()+1, hour, 0, 0, 0, s.Loc()).UTC()
}

// mergeLines joins lines of the same item type and counts tags.
func mergeLines(in []LoanLine) []LoanLine {
	var out []LoanLine
	for _, ln := range in {
		ln.Item = strings.TrimSpace(ln.Item)
		if len(ln.Tags) > 0 {
			ln.Count = len(ln.Tags)
		}
		i := slices.IndexFunc(out, func(o LoanLine) bool { return o.Item == ln.Item })
		if i < 0 {
			out = append(out, LoanLine{Item: ln.Item, Count: ln.Count, Tags: slices.Clone(ln.Tags)})
			continue
		}
		out[i].Count += ln.Count
		out[i].Tags = append(out[i].Tags, ln.Tags...)
	}
	return out
}

func (s *LoanRegister) checkLend(in LendInput, now time.Time) error {
	if err := app.FirstErr(
		s.CheckRoom("room", in.Room), app.MaxLen("guest", in.Guest, 60),
		app.After("due_at", in.DueAt, now, s.ClockText(now)),
		app.NonNegative("deposit", in.Deposit, "loan.amount_negative"),
	); err != nil {
		return err
	}
	if len(in.Lines) == 0 {
		return app.Invalid("items", "field.required")
	}
	return s.checkLendLines(in.Lines)
}

// checkLendLines checks each line's item type, count, tags and stock.
func (s *LoanRegister) checkLendLines(lines []LoanLine) error {
	out, err := s.outByDesk()
	if err != nil {
		return err
	}
	for _, ln := range lines {
		if err := s.checkLendLine(ln, out); err != nil {
			return err
		}
	}
	return nil
}

func (s *LoanRegister) checkLendLine(ln LoanLine, out map[string]map[string]int) error {
	t, err := s.ItemTypeByCode(ln.Item)
	if errors.Is(err, app.ErrNotFound) || (err == nil && t.Code != ln.Item) {
		return app.Refuse(app.ErrInvalid, "items", "itemtype.unknown", []string{"item", ln.Item, "field", "items"})
	}
	if err != nil {
		return err
	}
	desk := s.Desk()
	if err := app.Between("count", ln.Count, 1, 50); err != nil {
		return err
	}
	if err := s.checkTags(t, desk, ln.Tags); err != nil {
		return err
	}
	rows := stockRows([]app.ItemType{t}, out)
	if left := deskLeft(rows, t.Code, desk); left < ln.Count {
		return shortRefusal(rows, t, desk, ln.Count)
	}
	return nil
}

func deskLeft(rows []StockRow, item, desk string) int {
	for _, r := range rows {
		if r.Item == item && r.Desk == desk {
			return r.Left
		}
	}
	return 0
}

// checkTags accepts asset tags of this desk that are not out on a loan.
func (s *LoanRegister) checkTags(t app.ItemType, desk string, tags []string) error {
	if len(tags) == 0 {
		return nil
	}
	open, err := s.openLoans()
	if err != nil {
		return err
	}
	for i, tag := range tags {
		if !slices.Contains(t.Tags[desk], tag) {
			return app.Invalid("tags", "loan.tag_unknown", "tag", tag, "item", t.Name)
		}
		if slices.Contains(tags[:i], tag) {
			return app.Invalid("tags", "loan.tag_twice", "tag", tag)
		}
		if l := loanHolding(open, t.Code, tag); l != nil {
			return app.Conflicting("loan.tag_out", "tag", tag, "item", t.Name, "room", l.Room)
		}
	}
	return nil
}

// loanHolding is the open loan that has asset tag out, or nil.
func loanHolding(open []Loan, item, tag string) *Loan {
	for i := range open {
		ln := open[i].line(item)
		if ln != nil && slices.Contains(ln.Tags, tag) && !slices.Contains(ln.TagsDone, tag) {
			return &open[i]
		}
	}
	return nil
}

// ReturnLoan takes items back: a partial or full return, each line with
// its condition (fine, damaged, lost) and any charge. The loan closes when
// nothing is left out. Refusals: ErrConflict when the loan is already
// returned ("loan.not_open") or a line returns more than is out
// ("loan.return_too_many"); ErrInvalid for an item not on the loan, a bad
// condition or a negative charge.
func (s *LoanRegister) ReturnLoan(actorID, id string, lines []ReturnLine) (Loan, error) {
	lines = trimReturnLines(lines)
	return s.returnLines(actorID, id, func(*Loan) []ReturnLine { return lines })
}

// ReturnAll takes back everything still out on a loan, in good condition.
func (s *LoanRegister) ReturnAll(actorID, id string) (Loan, error) {
	return s.returnLines(actorID, id, outstandingLines)
}

// returnLines returns the lines lines gives for the loan as it stands.
func (s *LoanRegister) returnLines(actorID, id string, lines func(*Loan) []ReturnLine) (Loan, error) {
	return s.loanCommand(actorID, id, TypeLoanReturned, func(l *Loan) (any, error) {
		back := lines(l)
		return LoanReturned{At: s.Now(), Desk: s.Desk(), Lines: back}, checkReturn(l, back)
	})
}

// outstandingLines returns everything still out on l, in good condition.
func outstandingLines(l *Loan) []ReturnLine {
	var lines []ReturnLine
	for _, ln := range l.Lines {
		if n := ln.Outstanding(); n > 0 {
			lines = append(lines, ReturnLine{Item: ln.Item, Count: n, Tags: tagsOut(ln), Condition: ConditionFine})
		}
	}
	return lines
}

func tagsOut(ln LoanLine) []string {
	var out []string
	for _, t := range ln.Tags {
		if !slices.Contains(ln.TagsDone, t) {
			out = append(out, t)
		}
	}
	return out
}

func trimReturnLines(lines []ReturnLine) []ReturnLine {
	out := make([]ReturnLine, len(lines))
	for i, rl := range lines {
		rl.Item, rl.Note = strings.TrimSpace(rl.Item), strings.TrimSpace(rl.Note)
		if len(rl.Tags) > 0 {
			rl.Count = len(rl.Tags)
		}
		if rl.Condition == "" {
			rl.Condition = ConditionFine
		}
		out[i] = rl
	}
	return out
}

func checkReturn(l *Loan, lines []ReturnLine) error {
	if err := requireLoanOpen(l); err != nil {
		return err
	}
	if len(lines) == 0 {
		return app.Invalid("items", "field.required")
	}
	left := map[string]int{}
	for _, rl := range lines {
		if err := checkReturnLine(l, rl, left); err != nil {
			return err
		}
	}
	return nil
}

// checkReturnLine checks one line; used counts what earlier lines of the
// same return already took back.
func checkReturnLine(l *Loan, rl ReturnLine, used map[string]int) error {
	ln := l.line(rl.Item)
	if ln == nil {
		return app.Invalid("items", "loan.item_not_on_loan", "item", rl.Item, "room", l.Room)
	}
	if err := app.FirstErr(
		app.Choice("condition", string(rl.Condition), "fine", "damaged", "lost"),
		app.Between("count", rl.Count, 1, ln.Count),
		app.NonNegative("charge", rl.Charge, "loan.amount_negative"),
	); err != nil {
		return err
	}
	used[rl.Item] += rl.Count
	if out := ln.Outstanding(); used[rl.Item] > out {
		return app.Conflicting("loan.return_too_many", "item", rl.Item, "out", strconv.Itoa(out), "room", l.Room)
	}
	for _, tag := range rl.Tags {
		if !slices.Contains(tagsOut(*ln), tag) {
			return app.Invalid("tags", "loan.tag_not_out", "tag", tag, "room", l.Room)
		}
	}
	return nil
}

// ExtendLoan moves an open loan's due time later, with a reason.
func (s *LoanRegister) ExtendLoan(actorID, id string, due time.Time, reason string) (Loan, error) {
	now := s.Now()
	reason = strings.TrimSpace(reason)
	if err := app.FirstErr(app.After("due_at", due, now, s.ClockText(now)), app.MaxLen("reason", reason, 300)); err != nil {
		return Loan{}, err
	}
	body := LoanExtended{At: now, DueAt: due.UTC(), Reason: reason}
	return s.loanCommand(actorID, id, TypeLoanExtended, func(l *Loan) (any, error) { return body, requireLoanOpen(l) })
}

// loanCommand runs the steps every command on an existing loan shares:
// body makes the event's body from the loan as it stands, or refuses.
func (s *LoanRegister) loanCommand(actorID, id, typ string, body func(*Loan) (any, error)) (Loan, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Loan{}, err
	}
	l, err := s.Loan(id)
	if err != nil {
		return Loan{}, err
	}
	b, err := body(&l)
	if err != nil {
		return Loan{}, err
	}
	return app.EmitView[Loan](s.Service, actor, app.Ref(KindLoan, id), typ, b)
}

func requireLoanOpen(l *Loan) error {
	if l.IsOpen() {
		return nil
	}
	return app.Conflicting("loan.not_open", "room", l.Room, "loan", l.ID)
}

func init() {
	app.RegisterMessages(map[string]string{
		"loan.short":            "Only {left} {item} left at this desk; desk {other} has {other_left} — lend fewer or fetch one from there.",
		"loan.short_nowhere":    "Only {left} {item} left at this desk and none at the other desks — offer the guest something else.",
		"loan.tag_unknown":      "Asset tag {tag} is not a {item} of this desk — check the tag.",
		"loan.tag_twice":        "Asset tag {tag} is listed twice — remove one.",
		"loan.tag_out":          "{item} {tag} is already lent to room {room} — take another one, or return that loan first.",
		"loan.tag_not_out":      "Asset tag {tag} is not out on this loan to room {room} — check the tag.",
		"loan.not_open":         "The loan to room {room} is already fully returned — nothing more to take back.",
		"loan.item_not_on_loan": "Room {room} did not borrow {item} on this loan — check the loan.",
		"loan.return_too_many":  "Only {out} {item} are still out on the loan to room {room} — return at most that many.",
		"loan.amount_negative":  "{field} cannot be negative — enter 0 for none.",
		"loan.returned_twice":   "The loan to room {room} was returned at two desks: {count} {item} came back but only {out} were still out — count the items, then resolve the conflict.",
	})
}
