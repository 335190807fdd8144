package kit

import (
	"runtime"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"floordesk/app"
	"floordesk/data/wire"
)

// Screen is one area of the desk app the shell shows in its navigation.
// Every method is called on the Fyne goroutine. A screen embeds
// ScreenBase for ID, Title, Icon and Content.
type Screen interface {
	// ID is a stable short name ("requests").
	ID() string
	// Title is the translated name shown in the navigation.
	Title() string
	// Icon is shown beside the title; nil for none.
	Icon() fyne.Resource
	// Content is the screen's content; the shell calls it once.
	Content() fyne.CanvasObject
	// Refresh is called after the store reports changes to the entities in
	// changed (nil: refresh everything, such as after sign-in or on the
	// clock ticking).
	Refresh(changed []wire.EntityRef)
	// Show opens one record of a kind the screen owns and reports true, or
	// reports false for a kind it does not own or a record it cannot find.
	Show(kind, id string) bool
	// Shortcuts are the keyboard shortcuts the screen offers; the shell
	// registers them on the window's canvas when the screen is built.
	Shortcuts() []Shortcut
}

// Ticker is a screen showing text that moves with the clock ("12 min
// late", a row turning red when a key falls due). The shell calls Tick on
// the screen in front as the clock moves (every 15 s), on the Fyne
// goroutine; a form being typed in stays as it is.
type Ticker interface {
	Tick()
}

// Shortcut is a keyboard shortcut a screen offers, such as Ctrl+N for a
// new request. Run is called on the Fyne goroutine; the shell first brings
// the screen that offers it to the front.
type Shortcut struct {
	Key      fyne.KeyName
	Modifier fyne.KeyModifier
	// Name is the translated description, shown in menus and help.
	Name string
	Run  func()
	// New marks the screen's new record (see NewRecord): the shell runs it
	// on NewKey for the screen in front, whatever Key says.
	New bool
}

// NewKey is the one shortcut for a new record on every screen: Ctrl+N
// (Cmd+N on a Mac) signs a key out on the key screen, lends on the loans
// screen, takes a request on the requests screen.
var NewKey = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

// NewRecord is the screen's new-record shortcut, NewKey, described by
// name.
func NewRecord(name string, run func()) Shortcut {
	return Shortcut{Key: NewKey.KeyName, Modifier: NewKey.Modifier, Name: name, Run: run, New: true}
}

// WithNewKey is a button text with the new-record key after it, as the
// screen's new-record button shows it: "Sign out (Ctrl+N)".
func WithNewKey(text string) string {
	return text + " (" + keyText(NewKey) + ")"
}

// keyText is how the user's keyboard names a shortcut: "Ctrl+N", "⌘N".
func keyText(sc *desktop.CustomShortcut) string {
	if runtime.GOOS == "darwin" {
		return "⌘" + string(sc.KeyName)
	}
	return "Ctrl+" + string(sc.KeyName)
}

// Searcher is a Screen with a search entry that the shell focuses on
// Ctrl+/ or F3.
type Searcher interface {
	SearchEntry() fyne.Focusable
}

// Actor is a Screen whose records have a main action (a key's sign-out,
// a found item's claim): Enter, with no field focused, runs it for the
// record the screen shows, after a scanner opened it.
type Actor interface {
	// Act runs the main action of the record shown and reports whether
	// there was one.
	Act() bool
}

// Escaper is a Screen that may show a form: Esc with no field focused
// cancels it, as Esc in one of its entries does.
type Escaper interface {
	// Escape cancels the form shown and reports whether there was one.
	Escape() bool
}

// TagTaker is a Screen that takes scanned tags naming no record, such as
// a staff badge (the staff number) clocking its owner in or out. The
// shell offers it a scan no screen opened a record for.
type TagTaker interface {
	// TakeTag acts on the tag and reports whether it was the screen's:
	// the screen has told the user what it did, or why not.
	TakeTag(tag string) bool
}

// Restricted is a Screen shown only to staff of at least a role; the shell
// hides it from others. app.RoleSupervisor for the supervisor screens.
type Restricted interface {
	MinRole() app.Role
}

// Changed reports whether a Refresh's changed (nil: everything) holds a
// record of one of kinds.
func Changed(changed []wire.EntityRef, kinds ...string) bool {
	return changed == nil || slices.ContainsFunc(changed, func(r wire.EntityRef) bool { return slices.Contains(kinds, r.Kind) })
}
