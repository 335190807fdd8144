package loans

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/lang"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// HandoverSection lays out the loans a handover passes on: due within the
// next shift, overdue ones marked.
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	ls := kit.HandoverRows[apploans.HandoverLoan](raw)
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.loans", len(ls))}
	for _, l := range ls {
		due := lang.L("handover.due", map[string]string{"Time": kit.When(l.DueAt, now)})
		if l.Overdue {
			due = kit.Late(l.DueAt, now)
		}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts([]string{l.Room, l.Guest, l.Items, due}), Urgent: l.Overdue})
	}
	return s
}
