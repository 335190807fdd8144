package requests

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// HandoverSection lays out the requests a handover passes on: unfinished
// ones, escalated ones marked; then, under their own line, those
// scheduled for the next shift (not open work, not counted with it).
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	rs := kit.HandoverRows[apprequests.HandoverRequest](raw)
	var work, later []apprequests.HandoverRequest
	for _, r := range rs {
		if r.Scheduled {
			later = append(later, r)
		} else {
			work = append(work, r)
		}
	}
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.requests", len(work))}
	for _, r := range work {
		parts := []string{r.Room, kit.Named("handover.kind.", string(r.Kind)), r.Description,
			kit.Named("handover.status.", string(r.Status))}
		if !r.NextFollowUp.IsZero() {
			parts = append(parts, lang.L("handover.follow_up_at", map[string]string{"Time": kit.When(r.NextFollowUp, now)}))
		}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts(parts), Urgent: r.Escalated})
	}
	if len(later) > 0 {
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.CountHeading("handover.requests_scheduled", len(later))})
	}
	for _, r := range later {
		parts := []string{r.Room, kit.Named("handover.kind.", string(r.Kind)), r.Description,
			lang.L("handover.due_at", map[string]string{"Time": kit.When(r.DueAt, now)})}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts(parts)})
	}
	return s
}
