// Package supervisor is the supervisor's screen: staff, the key register,
// loanable item types and their stock per desk, rooms and desks, the hotel
// settings (holding periods, follow-up interval), sync conflicts to
// resolve, the desk's sync settings, and the desk's data and backups. The
// shell shows it to supervisors only.
package supervisor

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// tab is one part of the screen.
type tab interface {
	title() string
	content() fyne.CanvasObject
	// refresh reloads the tab after the store changed (nil: everything).
	refresh(changed []wire.EntityRef)
}

// Screen is the supervisor screen. Its methods run on the Fyne goroutine.
type Screen struct {
	kit.ScreenBase
	s         *kit.Session
	tabs      *container.AppTabs
	staff     *staffTab
	keys      *keysTab
	items     *itemsTab
	rooms     *roomsTab
	settings  *settingsTab
	conflicts *conflictsTab
	sync      *syncTab
	data      *dataTab
	reports   *reportsTab
	guests    *guestDataTab
	all       []tab
}

var (
	_ kit.Screen     = (*Screen)(nil)
	_ kit.Restricted = (*Screen)(nil)
)

// New returns the supervisor screen of session s; keys is the key
// register, backups the desk's automatic backups, reps the reports; none
// may be nil.
func New(s *kit.Session, keys KeyAdmin, backups Backups, reps ReportSource) kit.Screen {
	return newScreen(s, keys, backups, reps)
}

func newScreen(s *kit.Session, keys KeyAdmin, backups Backups, reps ReportSource) *Screen {
	sc := &Screen{s: s}
	sc.staff, sc.keys, sc.items = newStaffTab(s), newKeysTab(s, keys), newItemsTab(s)
	sc.rooms, sc.settings = newRoomsTab(s), newSettingsTab(s)
	sc.conflicts, sc.sync = newConflictsTab(s), newSyncTab(s)
	sc.data, sc.reports = newDataTab(s, backups), newReportsTab(s, reps)
	sc.guests = newGuestDataTab(s)
	sc.conflicts.onCount = sc.countConflicts
	sc.all = []tab{sc.staff, sc.keys, sc.items, sc.rooms, sc.settings, sc.conflicts, sc.sync, sc.reports, sc.data, sc.guests}
	sc.tabs = container.NewAppTabs()
	for _, t := range sc.all {
		sc.tabs.Append(container.NewTabItem(t.title(), t.content()))
	}
	sc.ScreenBase = kit.NewScreenBase("supervisor", "supervisor.title", theme.VisibilityIcon, sc.tabs)
	reportsItem, dataItem := sc.tabs.Items[7], sc.tabs.Items[8]
	sc.data.shown = func() bool { return sc.tabs.Selected() == dataItem }
	sc.tabs.OnSelected = func(item *container.TabItem) {
		switch item {
		case dataItem:
			sc.data.refresh(nil)
		case reportsItem:
			sc.reports.opened()
		}
	}
	sc.Refresh(nil)
	return sc
}

// MinRole: only supervisors see the screen.
func (sc *Screen) MinRole() app.Role { return app.RoleSupervisor }

// Shortcuts: none of its own.
func (sc *Screen) Shortcuts() []kit.Shortcut { return nil }

// Refresh reloads every tab after store changes.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	for _, t := range sc.all {
		t.refresh(changed)
	}
}

// countConflicts shows the number of open conflicts in their tab's title.
func (sc *Screen) countConflicts() {
	if sc.tabs == nil || len(sc.tabs.Items) < 6 {
		return
	}
	sc.tabs.Items[5].Text = sc.conflicts.title()
	sc.tabs.Refresh()
}

// Show opens a conflict ("conflict", "kind/entityID"), a staff member or a
// loanable item type.
func (sc *Screen) Show(kind, id string) bool {
	switch kind {
	case kit.KindConflict:
		sc.tabs.SelectIndex(5)
		return sc.conflicts.show(id)
	case kit.KindStaff:
		sc.tabs.SelectIndex(0)
		return sc.staff.show(id)
	case kit.KindItemType:
		sc.tabs.SelectIndex(2)
		return sc.items.show(id)
	}
	return false
}

// saved ends a form: the refusal beside its field, or a short notice.
func saved(s *kit.Session, f *kit.Form, err error, notice string, args any) bool {
	if err != nil {
		f.Show(err)
		return false
	}
	f.Errs.Clear()
	s.Notify(lang.L(notice, args))
	return true
}

// tabLook is how a list tab looks: an add button, named by the
// translation key add, above the list, and the pane at 0.4 of the width.
func tabLook(run func(), add string) kit.ListLook {
	b := widget.NewButtonWithIcon(lang.L(add), theme.ContentAddIcon(), run)
	b.Importance = widget.HighImportance
	return kit.ListLook{Tools: container.NewHBox(b), Split: 0.4}
}

// split puts a list on the left and a pane on the right.
func split(left, right fyne.CanvasObject) fyne.CanvasObject {
	sp := container.NewHSplit(left, right)
	sp.Offset = 0.4
	return sp
}

// setPane replaces what a pane container shows.
func setPane(pane *fyne.Container, o fyne.CanvasObject) {
	pane.Objects = []fyne.CanvasObject{o}
	pane.Refresh()
}

// wrapped is a label that wraps.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// sortedKeys are a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// newForm is a supervisor form: the tab scrolls it, and shown errors stay
// until a check or the command replaces them.
func newForm() *kit.Form {
	f := kit.NewForm()
	f.NoScroll, f.KeepErrors = true, true
	return f
}
