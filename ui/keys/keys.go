// Package keys is the key screen (钥匙管理): the key board (every work key,
// in or out to whom since when, overdue and lost keys highlighted), a key's
// detail with its full history, signing keys out (with a witness for
// master and emergency keys) and in, loss reports, the "who held key X at
// T" lookup, guest door openings, the key count at shift change and the
// key reports.
package keys

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Screen is the key screen. Its methods run on the Fyne goroutine.
type Screen struct {
	kit.ScreenBase
	s      *kit.Session
	keys   map[string]appkeys.Key
	index  *kit.Index
	names  *names
	search *widget.Entry
	filter *widget.Select
	list   *kit.IDList
	pane   *kit.DetailPane
	shown  string // the key picked last, to go back to from a form, or ""
}

var (
	_ kit.Screen   = (*Screen)(nil)
	_ kit.Ticker   = (*Screen)(nil)
	_ kit.Searcher = (*Screen)(nil)
)

// New returns the key screen of session s.
func New(s *kit.Session) kit.Screen { return newScreen(s) }

func newScreen(s *kit.Session) *Screen {
	sc := &Screen{s: s, keys: map[string]appkeys.Key{}, index: kit.NewIndex(), names: newNames(s.Svc.Service)}
	sc.build()
	sc.Refresh(nil)
	return sc
}

// SearchEntry is the search field the shell focuses.
func (sc *Screen) SearchEntry() fyne.Focusable { return sc.search }

// Shortcuts: Ctrl+K signs a key out.
func (sc *Screen) Shortcuts() []kit.Shortcut {
	return []kit.Shortcut{{Key: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault,
		Name: lang.L("keys.sign_out"), Run: func() { sc.openSignOut(sc.shown) }}}
}

// Tick moves the times shown with the clock: the rows (and which of them
// the filter keeps) and the detail, at the reader's place. A form stays as
// typed.
func (sc *Screen) Tick() {
	sc.applyFilter()
	if sc.pane.Stale(nil) {
		sc.showKey(sc.pane.Record().ID)
	}
}

// Show opens a key by its tag, or the door openings for kind "door".
func (sc *Screen) Show(kind, id string) bool {
	switch kind {
	case kit.KindKey:
		k, err := sc.s.Svc.Key(id)
		if err != nil {
			return false
		}
		sc.put(k)
		sc.applyFilter()
		sc.list.SelectID(id)
		sc.showKey(id)
		return true
	case kit.KindDoor:
		sc.showDoors()
		return true
	}
	return false
}

func (sc *Screen) build() {
	sc.search = widget.NewEntry()
	sc.search.SetPlaceHolder(lang.L("keys.search"))
	sc.search.OnChanged = func(string) { sc.applyFilter() }
	sc.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, sc.fillRow)
	sc.list.OnSelectedID(sc.showKey)
	sc.filter = widget.NewSelect(filterNames(), func(string) { sc.applyFilter() })
	sc.filter.SetSelectedIndex(0)
	top := container.NewVBox(sc.toolbar(), container.NewBorder(nil, nil, nil, sc.filter, sc.search))
	sc.pane = kit.NewDetailPane(sc.emptyPane())
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, sc.list.List), sc.pane.Content())
	split.Offset = 0.42
	sc.ScreenBase = kit.NewScreenBase("keys", "keys.title", theme.AccountIcon, split)
}

// toolbar holds the screen's actions.
func (sc *Screen) toolbar() fyne.CanvasObject {
	out := widget.NewButtonWithIcon(lang.L("keys.sign_out"), theme.LogoutIcon(), func() { sc.openSignOut(sc.shown) })
	out.Importance = widget.HighImportance
	more := []struct {
		key string
		run func()
	}{
		{"keys.doors", sc.showDoors},
		{"keys.count", func() { sc.openCount() }},
		{"keys.who_held", func() { sc.openLookup() }},
		{"keys.reports", sc.showReports},
	}
	box := container.NewHBox(out)
	for _, m := range more {
		box.Add(widget.NewButton(lang.L(m.key), m.run))
	}
	return box
}

// emptyPane is what the right side shows when nothing is picked.
func (sc *Screen) emptyPane() fyne.CanvasObject { return kit.Placeholder(lang.L("keys.pick")) }

// setPane shows a form or a view that is no key's detail.
func (sc *Screen) setPane(o fyne.CanvasObject) { sc.pane.Set(o) }

// closePane goes back to the picked key, or to the empty pane.
func (sc *Screen) closePane() {
	if sc.shown != "" {
		sc.showKey(sc.shown)
		return
	}
	sc.setPane(sc.emptyPane())
}

// Refresh reloads the keys that changed (every key for nil; also when
// time passes, so overdue keys turn red) and rebuilds the key's detail, at
// the reader's place, when the key or the staff it names changed. The door
// openings, a key report and a who-held answer are built again, at the
// reader's place, when what they read changed. A form stays as typed.
func (sc *Screen) Refresh(changed []wire.EntityRef) {
	if changed == nil {
		sc.names.load()
		sc.reloadAll()
	}
	if changed == nil || sc.reloadSome(changed) {
		sc.applyFilter()
	}
	if sc.pane.Stale(changed, kit.KindStaff) {
		sc.showKey(sc.pane.Record().ID)
	}
	sc.pane.RefreshView(changed)
}
