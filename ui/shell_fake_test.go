package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// fakeScreen stands in for an area screen: it owns one kind of record,
// offers one shortcut and has a search entry.
type fakeScreen struct {
	id, owns  string
	role      app.Role
	shown     []string
	refreshes int
	read      []wire.EntityRef // the last refresh's changes; nil: everything
	ticks     int
	ran       int
	news      int // runs of its new-record shortcut
	acts      int // runs of the main action of the record shown
	escapes   int // Esc with no field focused
	key       fyne.KeyName
	search    *widget.Entry
	label     *widget.Label
}

func newFake(id, owns string, key fyne.KeyName) *fakeScreen {
	return &fakeScreen{id: id, owns: owns, key: key, search: widget.NewEntry(), label: widget.NewLabel(id)}
}

func (f *fakeScreen) ID() string          { return f.id }
func (f *fakeScreen) Title() string       { return f.id }
func (f *fakeScreen) Icon() fyne.Resource { return nil }
func (f *fakeScreen) Content() fyne.CanvasObject {
	return widget.NewForm(widget.NewFormItem("", f.search), widget.NewFormItem("", f.label))
}
func (f *fakeScreen) Refresh(changed []wire.EntityRef) {
	f.refreshes++
	f.read = changed
}
func (f *fakeScreen) Escape() bool {
	f.escapes++
	return true
}
func (f *fakeScreen) Act() bool {
	f.acts++
	return len(f.shown) > 0
}
func (f *fakeScreen) Tick()                       { f.ticks++ }
func (f *fakeScreen) SearchEntry() fyne.Focusable { return f.search }

// Show shows any record of the kind it owns but those whose ID starts
// with "XX-", which stand for records nobody has.
func (f *fakeScreen) Show(kind, id string) bool {
	if kind != f.owns || strings.HasPrefix(id, "XX-") {
		return false
	}
	f.shown = append(f.shown, id)
	return true
}

func (f *fakeScreen) Shortcuts() []kit.Shortcut {
	return []kit.Shortcut{{Key: f.key, Modifier: fyne.KeyModifierShortcutDefault, Name: f.id, Run: func() { f.ran++ }},
		kit.NewRecord("new "+f.id, func() { f.news++ })}
}

// restrictedScreen is a fakeScreen only supervisors see.
type restrictedScreen struct{ *fakeScreen }

func (r restrictedScreen) MinRole() app.Role { return app.RoleSupervisor }
