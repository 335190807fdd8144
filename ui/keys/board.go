package keys

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/data/wire"
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

func filterNames() []string {
	out := make([]string, len(filterKeys))
	for i, k := range filterKeys {
		out[i] = lang.L(k)
	}
	return out
}

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

// reloadAll reads the whole register again.
func (sc *Screen) reloadAll() {
	keys, err := sc.s.Svc.Keys()
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	for _, k := range keys {
		sc.put(k)
	}
}

// reloadSome reads the changed keys and reports whether any did.
func (sc *Screen) reloadSome(changed []wire.EntityRef) bool {
	any := false
	for _, r := range changed {
		switch r.Kind {
		case kit.KindKey:
			if k, err := sc.s.Svc.Key(r.ID); err == nil {
				sc.put(k)
			}
			any = true
		case kit.KindStaff:
			sc.names.load()
			any = true
		}
	}
	return any
}

// put keeps a key and indexes it by tag, areas, type and holder.
func (sc *Screen) put(k appkeys.Key) {
	sc.keys[k.Tag] = k
	fields := []string{k.Tag, strings.Join(k.Areas, " "), keyType(k.Type), k.Desk}
	if l, out := k.Current(); out {
		fields = append(fields, sc.names.person(l.Holder), l.Purpose)
	}
	sc.index.Add(k.Tag, fields...)
}

// applyFilter shows the keys that match the search and the filter.
func (sc *Screen) applyFilter() {
	f := filter(max(0, sc.filter.SelectedIndex()))
	now := sc.s.Now()
	var ids []string
	for _, tag := range sc.index.Find(strings.TrimSpace(sc.search.Text)) {
		if k, ok := sc.keys[tag]; ok && f.keep(k, now) {
			ids = append(ids, tag)
		}
	}
	slices.Sort(ids)
	sc.list.SetIDs(ids)
}

// fillRow shows one key: tag and type, where it is, and when it is due.
func (sc *Screen) fillRow(tag string, o fyne.CanvasObject) {
	k := sc.keys[tag]
	detail, note, imp := sc.status(k)
	o.(*kit.Row).Set(k.Tag+" · "+keyType(k.Type), detail, note, imp)
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
	detail := lang.L("keys.held_by", map[string]string{"Holder": sc.names.person(l.Holder),
		"Purpose": l.Purpose, "Since": kit.When(l.Out, now)})
	if now.After(l.Due) {
		return detail, kit.Late(l.Due, now), widget.DangerImportance
	}
	return detail, lang.L("keys.due_at", map[string]string{"When": kit.When(l.Due, now)}), widget.MediumImportance
}
