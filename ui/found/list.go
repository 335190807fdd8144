package found

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// reloadAll reads every item and the staff names again.
func (sc *Screen) reloadAll() {
	sc.loadNames()
	items, err := sc.s.Svc.FoundItems("")
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	sc.items = make(map[string]appfound.FoundItem, len(items))
	sc.index = kit.NewIndex()
	for _, f := range items {
		sc.put(f)
	}
}

// reloadSome reads the changed items again and reports whether any
// concerned this screen.
func (sc *Screen) reloadSome(changed []wire.EntityRef) bool {
	any := false
	for _, r := range changed {
		switch r.Kind {
		case kit.KindFound:
			if f, err := sc.s.Svc.FoundItem(r.ID); err == nil {
				sc.put(f)
			}
			any = true
		case kit.KindLostReport:
			any = true
		case kit.KindStaff:
			sc.loadNames()
			any = true
		}
	}
	return any
}

// put keeps an item and indexes it by tag, place, finder, category,
// description and storage.
func (sc *Screen) put(f appfound.FoundItem) {
	sc.items[f.Tag] = f
	sc.index.Add(f.Tag, f.Tag, f.Place, f.Finder, categoryName(f.Category), f.Description,
		f.Location().Location, claimant(f))
}

func claimant(f appfound.FoundItem) string {
	if len(f.Claims) == 0 {
		return ""
	}
	return f.Claims[len(f.Claims)-1].Claimant
}

func (sc *Screen) loadNames() {
	list, err := sc.s.Svc.StaffList(true)
	if err != nil {
		return
	}
	sc.names = make(map[string]string, len(list))
	for _, st := range list {
		sc.names[st.ID] = st.Name
	}
}

// name is a staff member's name, or the ID when unknown.
func (sc *Screen) name(id string) string {
	if n, ok := sc.names[id]; ok {
		return n
	}
	return id
}

// applyFilter shows the items matching the search and the filter, the
// latest found first.
func (sc *Screen) applyFilter() {
	if sc.list == nil {
		return
	}
	keep, now := filterNamed(sc.filter.Selected).keep, sc.s.Now()
	var ids []string
	for _, tag := range sc.index.Find(sc.search.Text) {
		if f, ok := sc.items[tag]; ok && keep(f, now) {
			ids = append(ids, tag)
		}
	}
	slices.SortFunc(ids, func(a, b string) int {
		if c := sc.items[b].FoundAt.Compare(sc.items[a].FoundAt); c != 0 {
			return c
		}
		return strings.Compare(b, a)
	})
	sc.list.SetIDs(ids)
	sc.count.SetText(lang.L("found.count", map[string]int{"Count": len(ids)}))
}

// fillRow shows an item: tag and category, description and place, and
// when it was found or where it stands.
func (sc *Screen) fillRow(tag string, o fyne.CanvasObject) {
	f := sc.items[tag]
	now := sc.s.Now()
	imp := widget.MediumImportance
	note := kit.When(f.FoundAt, now)
	switch {
	case f.HasConflict():
		imp = widget.DangerImportance
	case held(f) && !now.Before(f.HoldUntil):
		imp, note = widget.WarningImportance, statusText(f, now)
	case held(f) && f.Police:
		imp, note = widget.WarningImportance, lang.L("found.filter.police")
	case !held(f):
		imp, note = widget.LowImportance, statusText(f, now)
	}
	title := f.Tag + "  " + categoryName(f.Category)
	if f.Valuable {
		title += " · " + lang.L("found.valuable_short")
	}
	o.(*kit.Row).Set(title, f.Description+" · "+sc.placeText(f), note, imp)
}
