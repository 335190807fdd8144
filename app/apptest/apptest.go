// Package apptest is the registers' shared test fixture: a desk on a real
// store in t.TempDir(), a settable clock, three staff members, and two
// desks that exchange their events as the server would. It lives outside
// the core, which must not link the store.
package apptest

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
	"floordesk/data/wire"
)

var _ app.Store = (*data.Store)(nil)

// Clock is a settable wall clock, safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock showing t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Start is 08:00 UTC on a Tuesday, in the morning shift.
var Start = time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)

// Staff seeded by New, with their PINs.
const (
	SupID  = "S001" // Li Na, supervisor, PIN 1234
	AttID  = "A001" // Wang Fang, attendant, PIN 2345
	Att2ID = "A002" // Zhang Wei, attendant, PIN 3456
)

// Desk is one desk under test: the core service on a real store, and the
// register R the test drives.
type Desk[R any] struct {
	T     testing.TB
	Svc   R
	Core  *app.Service
	Store *data.Store
	Clock *Clock
}

// New opens desk "desk-a" (code D1) with the three staff members; reg
// makes the register under test on the core (app.New's service itself
// when the test drives the core).
func New[R any](t testing.TB, reg func(*app.Service) R) *Desk[R] {
	t.Helper()
	d := Open(t, "desk-a", NewClock(Start), reg)
	d.SeedStaff()
	return d
}

// Open opens an empty desk store on clock.
func Open[R any](t testing.TB, desk string, clock *Clock, reg func(*app.Service) R) *Desk[R] {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: desk, Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index, IndexVersion: app.IndexVersion, Wall: clock.Now})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if _, ok := t.(*testing.T); ok { // benchmarks measure the desk as it runs
		app.VerifyViewCache(t)
	}
	core := app.New(st, clock.Now)
	core.PINCost = app.TestPINCost
	core.Location = time.UTC
	core.DeskCode = "D1"
	return &Desk[R]{T: t, Svc: reg(core), Core: core, Store: st, Clock: clock}
}

// Core is the reg argument of New and Open for tests of the core itself.
func Core(s *app.Service) *app.Service { return s }

// SeedStaff adds the supervisor and two attendants.
func (d *Desk[R]) SeedStaff() {
	d.T.Helper()
	d.Must(d.Core.FirstSupervisor(app.NewStaff{Number: SupID, Name: "Li Na", Department: "housekeeping", PIN: "1234", Shift: "morning"}))
	d.Must(d.Core.AddStaff(SupID, app.NewStaff{Number: AttID, Name: "Wang Fang", Department: "housekeeping", Role: app.RoleAttendant, PIN: "2345", Shift: "morning"}))
	d.Must(d.Core.AddStaff(SupID, app.NewStaff{Number: Att2ID, Name: "Zhang Wei", Department: "housekeeping", Role: app.RoleAttendant, PIN: "3456", Shift: "evening"}))
}

// Must fails the test when a command that must succeed does not.
func (d *Desk[R]) Must(_ any, err error) {
	d.T.Helper()
	if err != nil {
		d.T.Fatalf("unexpected error: %v", err)
	}
}

// Pair opens desks "desk-a" (D1, with the staff) and "desk-b" (D2),
// synced once.
func Pair[R any](t testing.TB, reg func(*app.Service) R) (*Desk[R], *Desk[R]) {
	t.Helper()
	a := New(t, reg)
	b := Open(t, "desk-b", NewClock(Start), reg)
	b.Core.DeskCode = "D2"
	Exchange(t, a.Store, b.Store)
	return a, b
}

// Exchange sends each store's outbox to the others, as the server would,
// and empties the outboxes.
func Exchange(t testing.TB, stores ...*data.Store) {
	t.Helper()
	sent := make([][]wire.Event, len(stores))
	for i, s := range stores {
		evs, err := s.Outbox(100000)
		if err != nil {
			t.Fatalf("outbox: %v", err)
		}
		sent[i] = evs
	}
	for i, s := range stores {
		for j := range stores {
			if i != j && len(sent[j]) > 0 {
				if _, err := s.ApplyRemote(sent[j], 0); err != nil {
					t.Fatalf("apply remote: %v", err)
				}
			}
		}
	}
	for i, s := range stores {
		ids := make([]string, len(sent[i]))
		for k, ev := range sent[i] {
			ids[k] = ev.ID
		}
		if err := s.Ack(ids); err != nil {
			t.Fatalf("ack: %v", err)
		}
	}
}

// WantRefusal checks err wraps sentinel and, when code is not "", is an
// *app.Refusal with that code.
func WantRefusal(t testing.TB, err error, sentinel error, code string) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("error = %v, want %v", err, sentinel)
	}
	if code == "" {
		return
	}
	if r := app.RefusalOf(err); r == nil || r.Code != code {
		t.Fatalf("refusal = %#v, want code %q", r, code)
	}
}

// SameView fails the test unless desks a and b hold byte-identical views
// of r.
func SameView(t testing.TB, a, b *data.Store, r wire.EntityRef) {
	t.Helper()
	va, err1 := a.View(r)
	vb, err2 := b.View(r)
	if err1 != nil || err2 != nil || !bytes.Equal(va, vb) {
		t.Fatalf("views of %s differ:\n%s\n%s\n(%v, %v)", r, va, vb, err1, err2)
	}
}

// RoomsCSV is a small room list: floors 3 and 5.
const RoomsCSV = "floor,room,type\n3,301,twin\n3,302,king\n3,303,suite\n5,501,king\n"

// SetupHotel imports RoomsCSV and adds desks D1 (floor 3) and D2 (floor 5).
func (d *Desk[R]) SetupHotel() {
	d.T.Helper()
	d.Must(d.Core.ImportRooms(SupID, "rooms-2026.csv", strings.NewReader(RoomsCSV)))
	d.Must(d.Core.SetDesk(SupID, "D1", "Floor 3 desk", []int{3}))
	d.Must(d.Core.SetDesk(SupID, "D2", "Floor 5 desk", []int{5}))
}

// ExchangeDesks is Exchange for desks.
func ExchangeDesks[R any](t testing.TB, desks ...*Desk[R]) {
	t.Helper()
	stores := make([]*data.Store, len(desks))
	for i, d := range desks {
		stores[i] = d.Store
	}
	Exchange(t, stores...)
}

// SameViews is SameView for desks.
func SameViews[R any](t testing.TB, a, b *Desk[R], r wire.EntityRef) {
	t.Helper()
	SameView(t, a.Store, b.Store, r)
}
