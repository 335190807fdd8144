package keys

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/lang"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// HandoverSection lays out the keys a handover passes on: keys out, late
// ones marked.
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	ks := kit.HandoverRows[appkeys.HandoverKey](raw)
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.keys", len(ks))}
	for _, k := range ks {
		parts := []string{k.Tag, k.Holder, lang.L("handover.since", map[string]string{"Time": kit.When(k.Since, now)})}
		late := !k.DueAt.IsZero() && now.After(k.DueAt)
		if late {
			parts = append(parts, kit.Late(k.DueAt, now))
		}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts(parts), Urgent: late})
	}
	return s
}
