package loans

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// reloadAll reads every open loan again; returned loans already known
// stay, so the returned filter keeps what this desk saw.
func (sc *Screen) reloadAll() {
	open, err := sc.s.Svc.OpenLoans("")
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	for _, l := range open {
		sc.put(l)
	}
	for id, l := range sc.loans {
		if l.IsOpen() && !slices.ContainsFunc(open, func(o apploans.Loan) bool { return o.ID == id }) {
			sc.refetch(id)
		}
	}
}

// reloadSome reads the changed loans and reports whether any did; a
// changed staff member or item type reloads the names.
func (sc *Screen) reloadSome(changed []wire.EntityRef) bool {
	any := false
	for _, r := range changed {
		switch r.Kind {
		case kit.KindLoan:
			sc.refetch(r.ID)
			any = true
		case kit.KindStaff, kit.KindItemType:
			sc.names.load()
			any = true
		}
	}
	return any
}

func (sc *Screen) refetch(id string) {
	if l, err := sc.s.Svc.Loan(id); err == nil {
		sc.put(l)
	}
}

// put keeps a loan and indexes it by room, guest, items and tags.
func (sc *Screen) put(l apploans.Loan) {
	sc.loans[l.ID] = l
	fields := []string{l.Room, l.Guest, l.Desk}
	for _, ln := range l.Lines {
		fields = append(fields, sc.names.item(ln.Item), strings.Join(ln.Tags, " "))
	}
	sc.index.Add(l.ID, fields...)
}

// loadRoom brings every loan of a room, returned ones too, into the list.
func (sc *Screen) loadRoom(room string) {
	ls, err := sc.s.Svc.LoansForRoom(room)
	if err != nil {
		return
	}
	for _, l := range ls {
		if _, known := sc.loans[l.ID]; !known {
			sc.put(l)
		}
	}
}

// applyFilter shows the loans that match the search and the filter.
func (sc *Screen) applyFilter() {
	f := sc.currentFilter()
	query := strings.TrimSpace(sc.search.Text)
	if f == filterRoom && query != "" {
		sc.loadRoom(query)
	}
	now := sc.s.Now().In(sc.names.loc())
	var ids []string
	for _, id := range sc.index.Find(query) {
		if l, ok := sc.loans[id]; ok && f.keep(l, query, now) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return sc.compare(f, sc.loans[a], sc.loans[b]) })
	sc.list.SetIDs(ids)
}

// compare orders open loans by due time, returned ones newest first.
func (sc *Screen) compare(f filter, a, b apploans.Loan) int {
	if f == filterReturned || f == filterRoom {
		return cmp.Or(b.OpenedAt.Compare(a.OpenedAt), cmp.Compare(a.ID, b.ID))
	}
	return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.ID, b.ID))
}

// fillRow shows one loan: room and guest, the items, and when it is due.
func (sc *Screen) fillRow(id string, o fyne.CanvasObject) {
	l := sc.loans[id]
	title := lang.L("loans.room", map[string]string{"Room": l.Room})
	if l.Guest != "" {
		title += " · " + l.Guest
	}
	note, imp := sc.dueNote(l)
	o.(*kit.Row).Set(title, sc.itemsText(l), note, imp)
}

// dueNote says when a loan is due, highlighted when late or due today.
func (sc *Screen) dueNote(l apploans.Loan) (string, widget.Importance) {
	now := sc.s.Now()
	switch {
	case !l.IsOpen():
		return lang.L("loans.returned_at", map[string]string{"When": kit.When(l.ClosedAt, now)}), widget.LowImportance
	case l.Overdue(now):
		return kit.Late(l.DueAt, now), widget.DangerImportance
	case dueToday(l, now, sc.names.loc()):
		return lang.L("loans.due_at", map[string]string{"When": kit.When(l.DueAt, now)}), widget.WarningImportance
	}
	return lang.L("loans.due_at", map[string]string{"When": kit.When(l.DueAt, now)}), widget.MediumImportance
}

// itemsText lists a loan's items: "吹风机 ×1, 电源插座 ×2".
func (sc *Screen) itemsText(l apploans.Loan) string {
	parts := make([]string, 0, len(l.Lines))
	for _, ln := range l.Lines {
		parts = append(parts, fmt.Sprintf("%s ×%d", sc.names.item(ln.Item), ln.Count))
	}
	return strings.Join(parts, ", ")
}
