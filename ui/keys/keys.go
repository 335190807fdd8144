// Package keys is the key screen (钥匙管理): the key board (every work key,
// in or out to whom since when, overdue and lost keys highlighted), a key's
// detail with its full history, signing keys out (with a witness for
// master and emergency keys) and in, loss reports, the "who held key X at
// T" lookup, guest door openings, the key count at shift change and the
// key reports.
package keys

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// Screen is the key screen: the key board is a kit.ListScreen of keys by
// tag. Its methods run on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[appkeys.Key]
	s     *kit.Session
	svc   Service
	names *names // who holds a key, who may sign one out or witness it
	// settling is the key just signed in and until when its buttons
	// wait, so the second click of a double click does not act on it.
	settling struct {
		tag   string
		until time.Time
	}

	printed func(path string) // tests: a document was printed
}

// New returns the key screen of session s.
func New(s *kit.Session, svc Service) kit.Screen {
	sc := &Screen{s: s, svc: svc, names: newNames(svc)}
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.board())
	sc.Refresh(nil)
	return sc
}

// look is the key screen's look: the sign-out button and the key views
// above the board, the new-record key (Ctrl+N) to sign a key out.
func (sc *Screen) look() kit.ListLook {
	signOut := func() { sc.openSignOut(sc.Shown()) }
	return kit.ListLook{Screen: "keys", Title: "keys.title", Icon: theme.AccountIcon,
		Search: "keys.search", Pick: "keys.pick", Count: "keys.list_count", Tools: sc.toolbar(signOut),
		Shortcuts: []kit.Shortcut{kit.NewRecord(lang.L("keys.sign_out"), signOut)}}
}

// Show opens a key by its tag, or the door openings for kind "door".
func (sc *Screen) Show(kind, id string) bool {
	if kind == kit.KindDoor {
		sc.showDoors()
		return true
	}
	return sc.ListScreen.Show(kind, id)
}

// toolbar holds the screen's actions; signOut opens the sign-out form.
func (sc *Screen) toolbar(signOut func()) fyne.CanvasObject {
	out := widget.NewButtonWithIcon(kit.WithNewKey(lang.L("keys.sign_out")), theme.LogoutIcon(), signOut)
	out.Importance = widget.HighImportance
	more := []struct {
		key     string
		run     func()
		reading bool // it only shows what is there (kit.Reading)
	}{
		{"keys.doors", sc.showDoors, false},
		{"keys.count", func() { sc.openCount() }, false},
		{"keys.who_held", func() { sc.openLookup() }, false},
		{"keys.reports", sc.showReports, true},
	}
	box := container.NewHBox(out)
	for _, m := range more {
		b := widget.NewButton(lang.L(m.key), m.run)
		if m.reading {
			kit.Reading(b)
		}
		box.Add(b)
	}
	return box
}

// closePane goes back from a form or a view to the key shown last, or to
// the empty pane.
func (sc *Screen) closePane() { sc.Back() }
