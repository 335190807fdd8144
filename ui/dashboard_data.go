package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// dashLine is one line of the dashboard: a record that needs attention.
type dashLine struct {
	kind, id            string
	title, detail, note string
	importance          widget.Importance
	urgent              bool
}

// key is the line's ID in the dashboard's list.
func (l dashLine) key() string { return l.kind + "/" + l.id }

// dashCounts are the dashboard's tiles.
type dashCounts struct {
	followUps, late, keysOut, keysOverdue, loansToday, loansOverdue, found, foundPast, conflicts int
}

// dashData is what the dashboard shows at one moment.
type dashData struct {
	counts dashCounts
	lines  []dashLine
	due    []apprequests.RequestRow // follow-ups due now, for reminders
	failed error
}

// collect reads everything the dashboard shows, at now.
func collect(s *kit.Session, now time.Time) dashData {
	var d dashData
	names := staffNames(s)
	for _, step := range []func(*kit.Session, time.Time, *dashData, map[string]string) error{
		collectRequests, collectKeys, collectLoans, collectFound, collectConflicts,
	} {
		if err := step(s, now, &d, names); err != nil && d.failed == nil {
			d.failed = err
		}
	}
	return d
}

func staffNames(s *kit.Session) map[string]string {
	list, _ := s.Svc.StaffList(true)
	names := make(map[string]string, len(list))
	for _, st := range list {
		names[st.ID] = st.Name
	}
	return names
}

func collectRequests(s *kit.Session, now time.Time, d *dashData, _ map[string]string) error {
	due, err := s.Svc.FollowUpsDue(s.Desk())
	if err != nil {
		return err
	}
	late, err := s.Svc.LateRequests(s.Desk())
	d.due, d.counts.followUps, d.counts.late = due, len(due), len(late)
	seen := map[string]bool{}
	for _, r := range late {
		seen[r.ID] = true
		d.lines = append(d.lines, requestLine(r, lang.L("dash.late_request", map[string]string{"Time": kit.Clock(r.PromisedAt)}), kit.Late(r.PromisedAt, now)))
	}
	for _, r := range due {
		if !seen[r.ID] {
			d.lines = append(d.lines, requestLine(r, lang.L("dash.follow_up_due"), kit.Late(r.NextFollowUp, now)))
		}
	}
	return err
}

func requestLine(r apprequests.RequestRow, detail, note string) dashLine {
	if r.Department != "" {
		detail += " · " + r.Department
	}
	return dashLine{kind: kit.KindRequest, id: r.ID, urgent: true, importance: widget.DangerImportance,
		title: roomTitle(r.Room, r.Description), detail: detail, note: note}
}

func roomTitle(room, what string) string {
	return lang.L("dash.room_title", map[string]string{"Room": room, "What": what})
}

func collectKeys(s *kit.Session, now time.Time, d *dashData, names map[string]string) error {
	out, err := s.Svc.KeysOut()
	d.counts.keysOut = len(out)
	for _, k := range out {
		if !k.Overdue {
			continue
		}
		d.counts.keysOverdue++
		d.lines = append(d.lines, dashLine{kind: kit.KindKey, id: k.Tag, urgent: true, importance: widget.DangerImportance,
			title:  lang.L("dash.key_title", map[string]string{"Tag": k.Tag}),
			detail: lang.L("dash.key_overdue", map[string]string{"Holder": nameOf(names, k.Holder), "Purpose": k.Purpose}),
			note:   kit.Late(k.Due, now)})
	}
	return err
}

func nameOf(names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return id
}

func collectLoans(s *kit.Session, now time.Time, d *dashData, _ map[string]string) error {
	y, m, day := now.Date()
	endOfDay := time.Date(y, m, day+1, 0, 0, 0, 0, now.Location())
	loans, err := s.Svc.LoansDue(s.Desk(), endOfDay)
	items := itemNames(s)
	for _, l := range loans {
		line := dashLine{kind: kit.KindLoan, id: l.ID, title: roomTitle(l.Room, loanItems(l, items))}
		if l.Overdue(now) {
			d.counts.loansOverdue++
			line.urgent, line.importance = true, widget.DangerImportance
			line.detail, line.note = lang.L("dash.loan_overdue"), kit.Late(l.DueAt, now)
		} else {
			d.counts.loansToday++
			line.importance = widget.WarningImportance
			line.detail, line.note = lang.L("dash.loan_due_today"), kit.Clock(l.DueAt)
		}
		d.lines = append(d.lines, line)
	}
	return err
}

func itemNames(s *kit.Session) map[string]string {
	types, _ := s.Svc.ItemTypes()
	names := make(map[string]string, len(types))
	for _, t := range types {
		names[t.Code] = t.Name
	}
	return names
}

func loanItems(l apploans.Loan, names map[string]string) string {
	parts := make([]string, len(l.Lines))
	for i, ln := range l.Lines {
		parts[i] = nameOf(names, ln.Item)
	}
	return strings.Join(parts, "、")
}

func collectFound(s *kit.Session, now time.Time, d *dashData, _ map[string]string) error {
	held, err := s.Svc.AwaitingClaim()
	d.counts.found = len(held)
	for _, f := range held {
		if now.Before(f.HoldUntil) {
			continue
		}
		d.counts.foundPast++
		d.lines = append(d.lines, dashLine{kind: kit.KindFound, id: f.Tag, importance: widget.WarningImportance,
			title:  f.Tag + " · " + f.Description,
			detail: lang.L("dash.found_past_holding", map[string]string{"Date": kit.Date(f.HoldUntil)}),
			note:   kit.Date(f.HoldUntil)})
	}
	return err
}

func collectConflicts(s *kit.Session, _ time.Time, d *dashData, _ map[string]string) error {
	if !s.IsSupervisor() {
		return nil
	}
	cs, err := s.Svc.Conflicts()
	d.counts.conflicts = len(cs)
	for _, c := range cs {
		d.lines = append(d.lines, dashLine{kind: kit.KindConflict, id: c.Kind + "/" + c.EntityID, urgent: true,
			importance: widget.DangerImportance, title: kit.SayConflict(c.Conflict),
			detail: lang.L("dash.conflict"), note: c.EntityID})
	}
	return err
}
