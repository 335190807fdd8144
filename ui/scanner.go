package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// A barcode or QR scanner is a keyboard that types a whole tag, then
// Enter, faster than anyone types by hand. With no field focused, the
// shell takes such input as a scanned tag and opens its record. The
// characters are timed as the desk handles them: a busy moment of the
// desk (a refresh, a slow PC) may hold one of them back, so a scan is
// told by its mean pace, not by its longest gap.
const (
	// scanGap is the longest mean pause between the characters of a scan
	// (scanners type one every few ms; people every 100 ms and more).
	scanGap = 60 * time.Millisecond
	// scanEnter is the longest pause between a scan's last character and
	// its Enter.
	scanEnter = 300 * time.Millisecond
	// scanReset is a pause after which what was typed before is dropped:
	// the next character starts anew.
	scanReset = time.Second
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
	now         func() time.Time
	runes       []rune
	first, last time.Time
}

// typed takes one character; after a pause of scanReset, or past
// scanMax characters, it starts anew.
func (s *scanner) typed(r rune) {
	t := s.now()
	if len(s.runes) > 0 && t.Sub(s.last) > scanReset || len(s.runes) >= scanMax {
		s.runes = s.runes[:0]
	}
	if len(s.runes) == 0 {
		s.first = t
	}
	s.runes = append(s.runes, r)
	s.last = t
}

// reset drops what was typed: a key other than a character (Backspace,
// an arrow) means a person is editing, not a scanner typing.
func (s *scanner) reset() { s.runes = s.runes[:0] }

// enter ends a scan: it returns the tag scanned, or "" when what came
// before Enter was no scan (nothing, a stray key, or typing by hand), and
// whether anything was typed before Enter at all.
func (s *scanner) enter() (tag string, typed bool) {
	tag = string(s.runes)
	n := len(s.runes)
	s.runes = s.runes[:0]
	if n < scanMin || s.now().Sub(s.last) > scanEnter {
		return "", n > 0
	}
	if mean := s.last.Sub(s.first) / time.Duration(n-1); mean > scanGap {
		return "", true
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
		if tt, ok := scr.(kit.TagTaker); ok && !m.s.ReadOnly() && tt.TakeTag(tag) { // a badge clocks in: a command
			return
		}
	}
	m.s.Notify(lang.L("shell.scan_unknown", map[string]string{"Tag": tag}))
}

// scanEntry is an entry a scanner may type into (the sign-in's name
// filter): it times the characters as the shell's scanner does, and an
// Enter that ends a scan goes to onScan, which reports whether it took
// the tag; else Enter submits as usual.
type scanEntry struct {
	widget.Entry
	watch scanWatch
}

func newScanEntry(scan *scanner, onScan func(tag string) bool) *scanEntry {
	e := &scanEntry{watch: scanWatch{scan: scan, onScan: onScan}}
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune times r and types it.
func (e *scanEntry) TypedRune(r rune) {
	e.watch.Typed(r)
	e.Entry.TypedRune(r)
}

// TypedKey gives a scan ended by Enter to onScan; a key that edits or
// moves drops what the scanner gathered.
func (e *scanEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.watch.Enter() {
			return
		}
	default:
		e.watch.Key(k.Name)
	}
	e.Entry.TypedKey(k)
}

// scanWatch is a kit.ScanWatcher on scan: an Enter that ends a scan goes
// to onScan, which reports whether it took the tag.
type scanWatch struct {
	scan   *scanner
	onScan func(tag string) bool
}

func (w scanWatch) Typed(r rune) { w.scan.typed(r) }

// Key drops what was gathered on a key that edits or moves: the
// driver's key presses before each character it types (a letter's, a
// digit's, Shift) are part of a scan.
func (w scanWatch) Key(name fyne.KeyName) {
	if editKeys[name] {
		w.scan.reset()
	}
}

// editKeys are the keys that edit or move in a field: typed between the
// characters, they make what was typed no scan.
var editKeys = map[fyne.KeyName]bool{
	fyne.KeyBackspace: true, fyne.KeyDelete: true, fyne.KeyTab: true, fyne.KeyEscape: true,
	fyne.KeyLeft: true, fyne.KeyRight: true, fyne.KeyUp: true, fyne.KeyDown: true,
	fyne.KeyHome: true, fyne.KeyEnd: true, fyne.KeyPageUp: true, fyne.KeyPageDown: true,
}

func (w scanWatch) Enter() bool {
	tag, _ := w.scan.enter()
	return tag != "" && w.onScan(tag)
}
