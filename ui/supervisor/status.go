package supervisor

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// StoreStats is what the data tab needs from the store.
type StoreStats interface {
	// Stats counts the store's contents.
	Stats() (data.Stats, error)
}

// storeStatus shows the store's status: the data folder, the desk ID, how
// many events, records and events waiting to sync the store holds, and the
// time of the last change. Its methods run on the Fyne goroutine.
type storeStatus struct {
	dir, desk, events, entities, outbox, last *widget.Label
	problem                                   *widget.Label
	lines                                     []fyne.CanvasObject // for a form
}

func newStoreStatus() *storeStatus {
	s := &storeStatus{}
	s.dir, s.desk, s.events, s.entities, s.outbox, s.last = value(), value(), value(), value(), value(), value()
	s.problem = wrapped(lang.L("status.unreadable"))
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()
	s.lines = lines(
		heading("status.heading"),
		named("status.data_folder", s.dir),
		named("status.desk", s.desk),
		named("status.events", s.events),
		named("status.entities", s.entities),
		named("status.outbox", s.outbox),
		named("status.last_change", s.last),
		unnamed(s.problem),
	)
	return s
}

// show shows the store's counts, or that they cannot be read; loc is the
// desk's time zone.
func (s *storeStatus) show(st data.Stats, err error, loc *time.Location) {
	if err != nil {
		s.problem.Show()
		return
	}
	s.problem.Hide()
	s.dir.SetText(st.Dir)
	s.desk.SetText(st.Desk)
	s.events.SetText(strconv.Itoa(st.Events))
	s.entities.SetText(strconv.Itoa(st.Entities))
	s.outbox.SetText(strconv.Itoa(st.Outbox))
	s.last.SetText(lastChange(st.LastHLC, loc))
}

// lastChange shows a clock reading as a date and time in the user's
// language.
func lastChange(t wire.Timestamp, loc *time.Location) string {
	if t == 0 {
		return lang.L("status.none")
	}
	return kit.DateTime(t.Time().In(loc))
}

// The lines of a read-only form (a form layout): each is a name cell and
// a value cell.

// heading is a line that starts a part of the form.
func heading(key string) []fyne.CanvasObject {
	h := widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameSubHeadingText
	return []fyne.CanvasObject{h, layout.NewSpacer()}
}

// named is a value with the name key translates to, in bold before it.
func named(key string, value fyne.CanvasObject) []fyne.CanvasObject {
	return []fyne.CanvasObject{widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), value}
}

// unnamed is a value under the values above it, such as a message; the
// line takes no room while value is hidden.
func unnamed(value fyne.CanvasObject) []fyne.CanvasObject {
	none := layout.NewSpacer()
	none.Hide()
	return []fyne.CanvasObject{none, value}
}

func lines(ls ...[]fyne.CanvasObject) []fyne.CanvasObject { return slices.Concat(ls...) }

// value is a label for a value a person may copy, such as a folder.
func value() *widget.Label {
	return &widget.Label{Selectable: true, Wrapping: fyne.TextWrapBreak}
}
