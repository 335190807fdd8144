package found

import (
	"encoding/json"
	"time"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// HandoverSection lays out the found items a handover passes on: those
// awaiting claim.
func HandoverSection(raw json.RawMessage, now time.Time) kit.HandoverSection {
	fs := kit.HandoverRows[appfound.HandoverFound](raw)
	s := kit.HandoverSection{Heading: kit.CountHeading("handover.found", len(fs))}
	for _, f := range fs {
		parts := []string{f.Tag, kit.Named("handover.category.", f.Category), f.Description, f.Location, kit.When(f.FoundAt, now)}
		s.Lines = append(s.Lines, kit.HandoverLine{Text: kit.JoinParts(parts)})
	}
	return s
}
