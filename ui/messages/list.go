package messages

import (
	"cmp"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// RecentDays is how far back the screen holds settled messages: the
// waiting ones of any age, and the last days' delivered or closed ones.
const RecentDays = 3

// Filter choices.
const (
	filterWaiting = iota
	filterRecent
	filterRoom
)

// config is what the screen lists: the waiting messages (from the status
// index) and those taken in the last RecentDays, found by room, area,
// names and text; a room's whole history when its number is searched
// under "this room".
func (sc *Screen) config() kit.ListConfig[appmessages.Message] {
	return kit.ListConfig[appmessages.Message]{
		Kind: kit.KindMessage, Reads: []string{kit.KindStaff},
		ID:  func(m appmessages.Message) string { return m.ID },
		All: sc.all, One: sc.svc.Message, Names: sc.staff.Load,
		Words: func(m appmessages.Message) []string {
			return []string{m.Room, m.Area, m.Guest, m.From, m.Phone, m.Visitor, m.Text}
		},
		Filters: []kit.Filter[appmessages.Message]{
			{Name: "messages.filter.waiting", Keep: func(m appmessages.Message, _ string, _ time.Time) bool { return m.Waiting() }},
			{Name: "messages.filter.recent"},
			{Name: "messages.filter.room", Keep: func(m appmessages.Message, q string, _ time.Time) bool { return q != "" && m.Room == q },
				More: sc.roomMessages},
		},
		Compare: compare, Row: sc.fillRow,
		Export: "messages.export_name", Columns: sc.columns(),
		Detail: func(m appmessages.Message) (fyne.CanvasObject, *container.Scroll) { return sc.detail(m), nil },
	}
}

// all reads the waiting messages and the last days' others.
func (sc *Screen) all() ([]appmessages.Message, error) {
	waiting, err := sc.svc.Waiting()
	if err != nil {
		return nil, err
	}
	now := sc.s.Now()
	recent, err := sc.svc.MessagesTaken(now.AddDate(0, 0, -RecentDays), now.Add(time.Minute))
	for _, m := range recent {
		if !m.Waiting() {
			waiting = append(waiting, m)
		}
	}
	return waiting, err
}

func (sc *Screen) roomMessages(room string) []appmessages.Message {
	ms, err := sc.svc.MessagesForRoom(room)
	if err != nil {
		return nil
	}
	return ms
}

// compare lists waiting messages first, oldest first; then the others,
// newest first.
func compare(a, b appmessages.Message) int {
	if a.Waiting() != b.Waiting() {
		if a.Waiting() {
			return -1
		}
		return 1
	}
	if a.Waiting() {
		return cmp.Or(a.TakenAt.Compare(b.TakenAt), cmp.Compare(a.ID, b.ID))
	}
	return cmp.Or(b.TakenAt.Compare(a.TakenAt), cmp.Compare(a.ID, b.ID))
}

// fillRow shows one message: where and for whom, its text, and how long
// it has waited or how it ended.
func (sc *Screen) fillRow(m appmessages.Message, r *kit.Row) {
	note, imp := sc.statusNote(m)
	r.Set(title(m), m.Text, note, imp)
}

// title is "0801 · 张伟 · 李先生留言" or "大堂 · 留给访客 陈经理".
func title(m appmessages.Message) string {
	return kit.JoinParts([]string{m.Where(), kit.ListedPersonal(m.Guest, m.Personal), who(m.Direction, kit.ListedPersonal(m.From, m.Personal), kit.GuestName(m.Visitor))})
}

// whoText says who left it, or for which visitor it waits.
func whoText(m appmessages.Message) string { return who(m.Direction, m.From, m.Visitor) }

func who(d appmessages.Direction, from, visitor string) string {
	switch {
	case d == appmessages.ForVisitor:
		return lang.L("messages.for_visitor_named", map[string]string{"Visitor": visitor})
	case from == "":
		return ""
	}
	return lang.L("messages.from_named", map[string]string{"From": from})
}

// statusNote says how long a message has waited (warning once old) or
// how it ended.
func (sc *Screen) statusNote(m appmessages.Message) (string, widget.Importance) {
	now := sc.s.Now()
	switch {
	case m.Waiting() && now.Sub(m.TakenAt) > appmessages.OldAfter:
		return lang.L("messages.waiting_since", map[string]string{"When": kit.When(m.TakenAt, now)}), widget.DangerImportance
	case m.Waiting():
		return lang.L("messages.waiting_since", map[string]string{"When": kit.When(m.TakenAt, now)}), widget.WarningImportance
	case m.Delivery != nil:
		return kit.Named("messages.how.", string(m.Delivery.How)) + " " + kit.When(m.Delivery.At, now), widget.LowImportance
	}
	return kit.Named("messages.status.", string(m.Status)), widget.LowImportance
}
