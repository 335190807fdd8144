package kit

import (
	"strconv"

	"fyne.io/fyne/v2/lang"

	"floordesk/app/personal"
)

// Personal is a guest's name or phone as a record shows it: the value, or,
// once the record's personal data was removed (app/personal), a neutral
// line saying so and why, in the user's language. A reader who does not
// serve the guest (a group supervisor viewing a property's copy) sees it
// masked even there (MaskPersonal).
func Personal(value string, st personal.State) string {
	r := st.Removed
	switch {
	case r == nil && readingOnly():
		return MaskPersonal(value)
	case r == nil:
		return value
	case r.Reason == personal.ReasonRequest:
		return lang.L("personal.removed_request")
	case r.Days > 0:
		return lang.L("personal.removed_after", map[string]string{"Days": strconv.Itoa(r.Days)})
	}
	return lang.L("personal.removed")
}

// ListedPersonal is a guest's field as a list shows it: the removal
// marker once purged, otherwise the name as GuestName shows it (masked
// for attendants).
func ListedPersonal(value string, st personal.State) string {
	if st.Removed != nil {
		return Personal(value, st)
	}
	return GuestName(value)
}

// readingOnly tells whether the person at the active window may only read.
func readingOnly() bool {
	s := active.Load()
	return s != nil && s.ReadOnly()
}
