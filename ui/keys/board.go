package keys

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// filter is one choice of the board's filter.
type filter int

const (
	filterAll filter = iota
	filterOut
	filterOverdue
	filterIn
	filterLost
)

var filterKeys = []string{"keys.filter.all", "keys.filter.out", "keys.filter.overdue",
	"keys.filter.in", "keys.filter.lost"}

// keep tells whether a key passes the filter at now.
func (f filter) keep(k appkeys.Key, now time.Time) bool {
	l, out := k.Current()
	switch f {
	case filterOut:
		return out
	case filterOverdue:
		return out && now.After(l.Due)
	case filterIn:
		return !out && !k.Lost
	case filterLost:
		return k.Lost || k.Rekey
	}
	return true
}

// board is what the key board lists: every key, by tag, found by its
// tag, areas, type, desk and holder; a key's detail reads staff names.
// Refresh reloads the keys that changed (every key for nil; also when
// time passes, so overdue keys turn red) and rebuilds the key's detail,
// at the reader's place, when the key or the staff it names changed. The
// door openings, a key report and a who-held answer are live views of the
// pane, built again when what they read changed. A form stays as typed.
func (sc *Screen) board() kit.ListConfig[appkeys.Key] {
	filters := make([]kit.Filter[appkeys.Key], len(filterKeys))
	for i, key := range filterKeys {
		filters[i] = kit.Filter[appkeys.Key]{Name: key, Keep: func(k appkeys.Key, _ string, now time.Time) bool { return filter(i).keep(k, now) }}
	}
	return kit.ListConfig[appkeys.Key]{
		Kind: kit.KindKey, Reads: []string{kit.KindStaff},
		ID:  func(k appkeys.Key) string { return k.Tag },
		All: sc.svc.Keys, One: sc.svc.Key, Names: sc.names.Load,
		Words: sc.words, Filters: filters, Act: sc.act,
		Compare: func(a, b appkeys.Key) int { return strings.Compare(a.Tag, b.Tag) },
		Row:     sc.fillRow,
		Detail:  func(k appkeys.Key) (fyne.CanvasObject, *container.Scroll) { return sc.detail(k), nil },
		Export:  "keys.export_name", Columns: sc.columns(),
	}
}

// words are what the search finds a key by: tag, areas, type, desk and,
// while it is out, holder and purpose.
func (sc *Screen) words(k appkeys.Key) []string {
	fields := []string{k.Tag, strings.Join(k.Areas, " "), keyType(k.Type), k.Desk, sc.s.DeskName(k.Desk)}
	if l, out := k.Current(); out {
		fields = append(fields, sc.names.Name(l.Holder), l.Purpose)
	}
	return fields
}

// fillRow shows one key: tag and type, where it is, and when it is due.
func (sc *Screen) fillRow(k appkeys.Key, r *kit.Row) {
	detail, note, imp := sc.status(k)
	r.Set(k.Tag+" · "+keyType(k.Type), detail, note, imp)
}

// status says where a key is, when it is due back, and how urgent that is.
func (sc *Screen) status(k appkeys.Key) (string, string, widget.Importance) {
	now := sc.s.Now()
	l, out := k.Current()
	switch {
	case k.Lost:
		return lang.L("keys.lost_rekey"), kit.When(k.LostAt, now), widget.DangerImportance
	case k.Rekey:
		return lang.L("keys.rekey"), "", widget.WarningImportance
	case !out:
		return lang.L("keys.on_board"), "", widget.MediumImportance
	}
	detail := lang.L("keys.held_by", map[string]string{"Holder": sc.names.Name(l.Holder),
		"Purpose": l.Purpose, "Since": kit.When(l.Out, now)})
	if now.After(l.Due) {
		return detail, kit.Late(l.Due, now), widget.DangerImportance
	}
	return detail, lang.L("keys.due_at", map[string]string{"When": kit.When(l.Due, now)}), widget.MediumImportance
}
