// Package kittest sets up what a screen test needs: a real store in a
// temporary folder folded by the domain, a service with a clock the test
// moves, a Fyne test window and a Session whose Do runs at once; and it
// reads what a screen shows (labels, scroll offsets), checks that a
// detail pane keeps the reader's place and the form being typed, and
// compares screenshots with golden images.
package kittest

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/data"
	"floordesk/ui/kit"
)

// Start is the time a test's clock starts at: a Tuesday afternoon.
var Start = time.Date(2026, 3, 3, 14, 0, 0, 0, time.UTC)

// Clock is a clock the test sets and moves (the registers' test clock).
type Clock = apptest.Clock

// Env is one screen test's world.
type Env struct {
	Store   *data.Store
	Svc     *registers.All
	Clock   *Clock
	App     fyne.App
	Window  fyne.Window
	Session *kit.Session
}

// New opens a store in t.TempDir(), a service on it at Start with cheap
// PIN hashes, a Fyne test app with a 1280×800 window, English texts, and a
// session with nobody signed in. Everything is closed when t ends.
func New(t testing.TB) *Env {
	t.Helper()
	return NewIn(t, kit.English)
}

// NewIn is New with the UI in language (kit.Chinese or kit.English).
func NewIn(t testing.TB, language string) *Env {
	t.Helper()
	kit.FixPOSIXLocale()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-test", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := apptest.NewClock(Start)
	svc := app.New(st, clock.Now)
	svc.PINCost = app.PINCost{Time: 1, MemoryKiB: 64, Threads: 1}
	svc.Location = time.UTC
	a := test.NewTempApp(t)
	if _, err := kit.UseLanguage(language); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("FloorDesk")
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.Close)
	s := kit.NewSession(svc, st, w)
	s.Do = func(f func()) { f() }
	return &Env{Store: st, Svc: registers.New(svc), Clock: clock, App: a, Window: w, Session: s}
}
