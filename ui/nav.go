package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/ui/kit"
)

// mainView is the signed-in desk: navigation on the left, the screen in
// front, the status bar below.
type mainView struct {
	s       *kit.Session
	all     []kit.Screen
	visible []kit.Screen
	tabs    *container.AppTabs
	items   map[string]*container.TabItem // by screen ID, built once
	content fyne.CanvasObject
	keys    []fyne.Shortcut // registered on the canvas
	signOut func()          // signs the person out at once (signOutKey)
	scan    scanner         // what is typed with no field focused
}

func newMainView(s *kit.Session, screens []kit.Screen, bar *statusBar) *mainView {
	m := &mainView{s: s, all: screens, items: map[string]*container.TabItem{}, scan: scanner{now: time.Now}}
	m.tabs = container.NewAppTabs()
	m.tabs.SetTabLocation(container.TabLocationLeading)
	m.content = container.NewBorder(nil, bar.content, nil, nil, m.tabs)
	return m
}

// forUser shows the screens u may reach.
func (m *mainView) forUser(u app.Staff) {
	m.visible = m.visible[:0]
	var items []*container.TabItem
	for _, scr := range m.all {
		if allowed(scr, u) {
			m.visible = append(m.visible, scr)
			items = append(items, m.item(scr))
		}
	}
	m.tabs.SetItems(items)
	m.tabs.SelectIndex(0)
}

// item is the screen's tab, its content built on first use.
func (m *mainView) item(scr kit.Screen) *container.TabItem {
	if it, ok := m.items[scr.ID()]; ok {
		return it
	}
	it := container.NewTabItemWithIcon(scr.Title(), scr.Icon(), scr.Content())
	m.items[scr.ID()] = it
	return it
}

func (m *mainView) current() kit.Screen {
	i := m.tabs.SelectedIndex()
	if i < 0 || i >= len(m.visible) {
		return nil
	}
	return m.visible[i]
}

func (m *mainView) selectID(id string) bool {
	for i, scr := range m.visible {
		if scr.ID() == id {
			m.tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// open asks each reachable screen to show the record, and brings the one
// that does to the front.
func (m *mainView) open(kind, id string) bool {
	for i, scr := range m.visible {
		if scr.Show(kind, id) {
			m.tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// registerShortcuts puts the reachable screens' shortcuts, the search
// keys (Ctrl+/ and F3) and the scanner (see scanner.go) on the canvas,
// replacing those of the last user. A read-only session gets only the
// keys that go to a screen or a search: no screen's shortcut starts a
// command, and no one signs out of it.
func (m *mainView) registerShortcuts(c fyne.Canvas) {
	m.clearShortcuts(c)
	if m.s.ReadOnly() {
		m.registerReading(c)
		return
	}
	var items []*fyne.MenuItem
	for _, scr := range m.visible {
		for _, sc := range scr.Shortcuts() {
			if sc.New {
				continue
			}
			key := &desktop.CustomShortcut{KeyName: sc.Key, Modifier: sc.Modifier}
			items = append(items, m.addShortcut(c, key, sc.Name, scr, sc.Run))
		}
	}
	items = append(items, m.screenKeys(c)...)
	items = append(items, m.addShortcut(c, kit.NewKey, lang.L("shell.new"), nil, m.newRecord))
	find := &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}
	items = append(items, m.addShortcut(c, find, lang.L("shell.find"), nil, m.focusSearch))
	if m.signOut != nil {
		items = append(items, m.addShortcut(c, signOutKey, lang.L("shell.sign_out_now"), nil, m.signOut))
	}
	c.SetOnTypedKey(m.typedKey)
	c.SetOnTypedRune(m.scan.typed)
	// Shortcuts in the main menu fire even while an entry has the focus
	// (an entry keeps the canvas's shortcuts from it); the menu also lists
	// them.
	m.s.Window.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(lang.L("shell.actions"), items...)))
}

// registerReading puts the keys of a read-only session on the canvas:
// Ctrl+1 to Ctrl+9, the search keys and the scanner, which opens a
// scanned tag's record.
func (m *mainView) registerReading(c fyne.Canvas) {
	items := m.screenKeys(c)
	find := &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}
	items = append(items, m.addShortcut(c, find, lang.L("shell.find"), nil, m.focusSearch))
	c.SetOnTypedKey(m.typedKey)
	c.SetOnTypedRune(m.scan.typed)
	m.s.Window.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(lang.L("shell.actions"), items...)))
}

// clearShortcuts takes the shortcuts away, for the sign-in.
func (m *mainView) clearShortcuts(c fyne.Canvas) {
	for _, k := range m.keys {
		c.RemoveShortcut(k)
	}
	m.keys = m.keys[:0]
	c.SetOnTypedKey(nil)
	c.SetOnTypedRune(nil)
	m.s.Window.SetMainMenu(nil)
}

// addShortcut registers a shortcut that brings scr (if any) to the front
// and runs run, and returns its menu item.
func (m *mainView) addShortcut(c fyne.Canvas, sc *desktop.CustomShortcut, name string, scr kit.Screen, run func()) *fyne.MenuItem {
	action := func() {
		if scr != nil {
			m.selectID(scr.ID())
		}
		if run != nil {
			run()
		}
	}
	c.AddShortcut(sc, func(fyne.Shortcut) { action() })
	m.keys = append(m.keys, sc)
	item := fyne.NewMenuItem(name, action)
	item.Shortcut = sc
	return item
}

// newRecord runs the new-record shortcut of the screen in front, if it
// has one: the same key starts a key's sign-out, a loan or a request.
func (m *mainView) newRecord() {
	cur := m.current()
	if cur == nil {
		return
	}
	for _, sc := range cur.Shortcuts() {
		if sc.New && sc.Run != nil {
			sc.Run()
			return
		}
	}
}

// focusSearch focuses the search entry of the screen in front, or of the
// first screen that has one.
func (m *mainView) focusSearch() {
	cur := m.current()
	if s, ok := cur.(kit.Searcher); ok {
		m.s.Window.Canvas().Focus(s.SearchEntry())
		return
	}
	for _, scr := range m.visible {
		if s, ok := scr.(kit.Searcher); ok {
			m.selectID(scr.ID())
			m.s.Window.Canvas().Focus(s.SearchEntry())
			return
		}
	}
}

// screenKeys puts Ctrl+1 to Ctrl+9 on the reachable screens in the order
// the navigation lists them: the desk goes from screen to screen without
// the mouse. The keyboard is left on no field, so a scan or Ctrl+N works
// at once; F3 goes to the search.
func (m *mainView) screenKeys(c fyne.Canvas) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for i, scr := range m.visible[:min(9, len(m.visible))] {
		key := &desktop.CustomShortcut{KeyName: fyne.KeyName(strconv.Itoa(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}
		name := lang.L("shell.go_to", map[string]string{"Screen": scr.Title()})
		items = append(items, m.addShortcut(c, key, name, scr, c.Unfocus))
	}
	return items
}
