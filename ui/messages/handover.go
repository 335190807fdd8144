package messages

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/lang"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// HandoverSection lays out the messages a handover passes on: each still
// to be delivered, those waiting long marked.
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	ms := kit.HandoverRows[appmessages.HandoverMessage](raw)
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.messages", len(ms))}
	for _, m := range ms {
		taken := lang.L("messages.waiting_since", map[string]string{"When": kit.When(m.TakenAt, now)})
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts([]string{m.Where, m.Guest, who(m.Direction, m.From, m.Visitor), m.Text, taken}), Urgent: m.Old})
	}
	return s
}
