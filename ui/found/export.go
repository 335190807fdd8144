package found

import (
	"fyne.io/fyne/v2/lang"

	appfound "floordesk/app/found"
	"floordesk/export"
	"floordesk/ui/kit"
)

// columns are the found list's export: a row an item, its tag and room as
// text, its times as times.
func (sc *Screen) columns() []kit.Column[appfound.FoundItem] {
	text := func(f func(appfound.FoundItem) string) func(appfound.FoundItem) export.Cell {
		return func(x appfound.FoundItem) export.Cell { return kit.Text(f(x)) }
	}
	yes := func(b bool) string {
		if b {
			return lang.L("found.col_yes")
		}
		return ""
	}
	return []kit.Column[appfound.FoundItem]{
		{Head: "found.col_tag", Cell: text(func(f appfound.FoundItem) string { return f.Tag })},
		{Head: "found.found_at", Cell: func(f appfound.FoundItem) export.Cell { return kit.Time(f.FoundAt) }},
		{Head: "found.place", Cell: text(func(f appfound.FoundItem) string { return f.Place })},
		{Head: "found.category", Cell: text(func(f appfound.FoundItem) string { return categoryName(f.Category) })},
		{Head: "found.description", Cell: text(func(f appfound.FoundItem) string { return f.Description })},
		{Head: "found.finder", Cell: text(func(f appfound.FoundItem) string { return sc.names.Name(f.Finder) })},
		{Head: "found.valuable_short", Cell: text(func(f appfound.FoundItem) string { return yes(f.Valuable) })},
		{Head: "found.storage", Cell: text(func(f appfound.FoundItem) string { return f.Location().Location })},
		{Head: "found.hold_until", Cell: func(f appfound.FoundItem) export.Cell { return kit.Time(f.HoldUntil) }},
		{Head: "found.col_status", Cell: text(func(f appfound.FoundItem) string { return statusText(f, sc.s.Now()) })},
		{Head: "found.claimant", Cell: text(claimant)},
		{Head: "found.col_desk", Cell: text(func(f appfound.FoundItem) string { return f.Desk })},
	}
}
