package kit

import (
	"runtime"
	"sync"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// A read-only session (Session.ReadOnly: a group supervisor reading a
// property's copy) gets no command buttons. Rather than each screen
// asking for each button, the rule is one: every button under what a
// read-only session shows is hidden, unless it was made with Reading —
// a button that only opens, finds, exports or prints what the reader
// sees. The shell strips the screen in front after each refresh, and a
// DetailPane strips what it shows (see DetailPane.ReadOnlyFor), so a
// button a screen adds later is hidden too, and a new command button is
// hidden without anyone remembering to.

// reading holds the buttons made with Reading, without keeping them
// alive: a button's entry goes when the button does.
var reading = struct {
	mu sync.Mutex
	m  map[weak.Pointer[widget.Button]]struct{}
}{m: map[weak.Pointer[widget.Button]]struct{}{}}

// Reading marks b as a button that only reads (it opens a record or a
// view, finds, exports or prints what is shown), which a read-only
// session keeps, and returns it.
func Reading(b *widget.Button) *widget.Button {
	k := weak.Make(b)
	reading.mu.Lock()
	reading.m[k] = struct{}{}
	reading.mu.Unlock()
	runtime.AddCleanup(b, forgetReading, k)
	return b
}

func forgetReading(k weak.Pointer[widget.Button]) {
	reading.mu.Lock()
	delete(reading.m, k)
	reading.mu.Unlock()
}

// IsReading tells whether b was made with Reading.
func IsReading(b *widget.Button) bool {
	reading.mu.Lock()
	defer reading.mu.Unlock()
	_, ok := reading.m[weak.Make(b)]
	return ok
}

// StripCommands hides every button under o that is not Reading, when the
// session is read-only; else it does nothing. Call it on the Fyne
// goroutine.
func (s *Session) StripCommands(o fyne.CanvasObject) {
	if o == nil || !s.ReadOnly() {
		return
	}
	stripCommands(o)
}

// Holder is a widget of the desk's own that shows other objects, such as
// buttons: it says what, so StripCommands reaches them.
type Holder interface {
	Held() fyne.CanvasObject
}

// stripCommands hides the buttons under o that are not Reading. It goes
// into containers, the Fyne widgets that hold content (a scroll, tabs, a
// split, a card, a form, an accordion) and Holders.
func stripCommands(o fyne.CanvasObject) {
	switch c := o.(type) {
	case nil:
	case *widget.Button:
		if c.Visible() && !IsReading(c) {
			c.Hide()
		}
	case *fyne.Container:
		for _, ch := range c.Objects {
			stripCommands(ch)
		}
	case *container.Scroll:
		stripCommands(c.Content)
	case *container.AppTabs:
		for _, it := range c.Items {
			stripCommands(it.Content)
		}
	case *container.Split:
		stripCommands(c.Leading)
		stripCommands(c.Trailing)
	case *widget.Card:
		stripCommands(c.Content)
	case *widget.Form:
		for _, it := range c.Items {
			stripCommands(it.Widget)
		}
	case *widget.Accordion:
		for _, it := range c.Items {
			stripCommands(it.Detail)
		}
	case Holder:
		stripCommands(c.Held())
	}
}
