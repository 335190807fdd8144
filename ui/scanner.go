package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
)

// A barcode or QR scanner is a keyboard that types a whole tag, then
// Enter, faster than anyone types by hand. With no field focused, the
// shell takes such input as a scanned tag and opens its record.
const (
	// scanGap is the longest pause between two characters of a scan.
	scanGap = 60 * time.Millisecond
	// scanMin and scanMax bound a scanned tag's length: shorter input is
	// a stray key, longer is no tag of this desk (and is not kept).
	scanMin, scanMax = 3, 64
)

// scanKinds are the kinds of record a scanned tag may name, in the order
// they are tried: key tags, found-item tags (the QR on a printed tag),
// then the asset tags of lent items (the loan that has the item out).
var scanKinds = []string{kit.KindKey, kit.KindFound, kit.KindAssetTag}

// scanner gathers the characters typed with no field focused. Used on
// the Fyne goroutine.
type scanner struct {
	now   func() time.Time
	runes []rune
	last  time.Time
}

// typed takes one character; a pause longer than scanGap starts a new
// scan.
func (s *scanner) typed(r rune) {
	t := s.now()
	if len(s.runes) > 0 && t.Sub(s.last) > scanGap || len(s.runes) >= scanMax {
		s.runes = s.runes[:0]
	}
	s.runes = append(s.runes, r)
	s.last = t
}

// enter ends a scan: it returns the tag scanned, or "" when what came
// before Enter was no scan (nothing, a stray key, or typing by hand), and
// whether anything was typed before Enter at all.
func (s *scanner) enter() (tag string, typed bool) {
	tag = string(s.runes)
	fast := s.now().Sub(s.last) <= scanGap
	s.runes = s.runes[:0]
	if !fast || len(tag) < scanMin {
		return "", tag != ""
	}
	return tag, true
}

// typedKey is a key pressed with no field focused: F3 focuses the search,
// Esc cancels the form in front, Enter opens a scanned tag's record or,
// after none, runs the main action of the record in front.
func (m *mainView) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyF3:
		m.focusSearch()
	case fyne.KeyEscape:
		if esc, ok := m.current().(kit.Escaper); ok {
			esc.Escape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		tag, typed := m.scan.enter()
		switch {
		case tag != "":
			m.openScanned(tag)
		case typed:
			// Characters on no field, too slow for a scanner: a tag typed
			// by hand, or a scan cut short. The record in front is not
			// acted on; the desk says where typing goes.
			m.s.Notify(lang.L("shell.typed_nowhere"))
		default:
			if a, ok := m.current().(kit.Actor); ok {
				a.Act()
			}
		}
	}
}

// openScanned brings to the front the record the tag names and leaves no
// field focused, so Enter starts its form and the next scan is read too.
// A tag that names no record goes to the screens that take tags (a staff
// badge clocks its owner in or out, the screen in front staying); one no
// screen takes says so.
func (m *mainView) openScanned(tag string) {
	for _, kind := range scanKinds {
		if m.open(kind, tag) {
			m.s.Window.Canvas().Unfocus()
			return
		}
	}
	for _, scr := range m.visible {
		if tt, ok := scr.(kit.TagTaker); ok && tt.TakeTag(tag) {
			return
		}
	}
	m.s.Notify(lang.L("shell.scan_unknown", map[string]string{"Tag": tag}))
}
