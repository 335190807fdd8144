package requests

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// HandoverSection lays out the requests a handover passes on: unfinished
// ones, escalated ones marked.
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	rs := kit.HandoverRows[apprequests.HandoverRequest](raw)
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.requests", len(rs))}
	for _, r := range rs {
		parts := []string{r.Room, kit.Named("handover.kind.", string(r.Kind)), r.Description,
			kit.Named("handover.status.", string(r.Status))}
		if !r.NextFollowUp.IsZero() {
			parts = append(parts, lang.L("handover.follow_up_at", map[string]string{"Time": kit.When(r.NextFollowUp, now)}))
		}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts(parts), Urgent: r.Escalated})
	}
	return s
}
