package app

import (
	"errors"
	"sync"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
)

// The shared test fixture: a Service on a real store in t.TempDir(), a
// settable clock and three staff members. Every register's tests use it.

// testClock is a settable wall clock, safe for concurrent use.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// testStart is 08:00 UTC on a Tuesday, in the morning shift.
var testStart = time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)

// Staff seeded by newFixture, with their PINs.
const (
	supID  = "S001" // Li Na, supervisor, PIN 1234
	attID  = "A001" // Wang Fang, attendant, PIN 2345
	att2ID = "A002" // Zhang Wei, attendant, PIN 3456
)

type fixture struct {
	t     *testing.T
	svc   *Service
	store *data.Store
	clock *testClock
}

// newFixture opens desk "desk-a" with the three staff members.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := openFixture(t, "desk-a", &testClock{t: testStart})
	f.seedStaff()
	return f
}

// openFixture opens an empty desk store on clock.
func openFixture(t *testing.T, desk string, clock *testClock) *fixture {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: desk, Fold: Fold, Wall: clock.Now})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	svc := New(st, clock.Now)
	svc.PINCost = TestPINCost
	svc.Location = time.UTC
	svc.DeskCode = "D1"
	return &fixture{t: t, svc: svc, store: st, clock: clock}
}

func (f *fixture) seedStaff() {
	f.t.Helper()
	f.must(f.svc.FirstSupervisor(NewStaff{Number: supID, Name: "Li Na", Department: "housekeeping", PIN: "1234", Shift: "morning"}))
	f.must(f.svc.AddStaff(supID, NewStaff{Number: attID, Name: "Wang Fang", Department: "housekeeping", Role: RoleAttendant, PIN: "2345", Shift: "morning"}))
	f.must(f.svc.AddStaff(supID, NewStaff{Number: att2ID, Name: "Zhang Wei", Department: "housekeeping", Role: RoleAttendant, PIN: "3456", Shift: "evening"}))
}

// must fails the test when a command that must succeed does not.
func (f *fixture) must(_ any, err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatalf("unexpected error: %v", err)
	}
}

// newPair opens desks "desk-a" (with the staff) and "desk-b", synced once.
func newPair(t *testing.T) (*fixture, *fixture) {
	t.Helper()
	a := newFixture(t)
	b := openFixture(t, "desk-b", &testClock{t: testStart})
	b.svc.DeskCode = "D2"
	exchange(t, a, b)
	return a, b
}

// exchange sends each desk's outbox to the other, as the server would, and
// empties the outboxes.
func exchange(t *testing.T, desks ...*fixture) {
	t.Helper()
	sent := make([][]wire.Event, len(desks))
	for i, d := range desks {
		evs, err := d.store.Outbox(100000)
		if err != nil {
			t.Fatalf("outbox: %v", err)
		}
		sent[i] = evs
	}
	for i, d := range desks {
		for j := range desks {
			if i == j || len(sent[j]) == 0 {
				continue
			}
			if _, err := d.store.ApplyRemote(sent[j], 0); err != nil {
				t.Fatalf("apply remote: %v", err)
			}
		}
	}
	for i, d := range desks {
		ids := make([]string, len(sent[i]))
		for k, ev := range sent[i] {
			ids[k] = ev.ID
		}
		if err := d.store.Ack(ids); err != nil {
			t.Fatalf("ack: %v", err)
		}
	}
}

// wantRefusal checks err wraps sentinel and, when code is not "", is a
// *Refusal with that code.
func wantRefusal(t *testing.T, err error, sentinel error, code string) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("error = %v, want %v", err, sentinel)
	}
	if code == "" {
		return
	}
	if r := RefusalOf(err); r == nil || r.Code != code {
		t.Fatalf("refusal = %#v, want code %q", r, code)
	}
}
