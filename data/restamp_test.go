package data

import (
	"sync/atomic"
	"testing"
	"time"

	"floordesk/data/wire"
)

// settableWall is a wall clock a test sets, as someone fixing a PC's date.
type settableWall struct{ ms atomic.Int64 }

func (w *settableWall) set(t time.Time)           { w.ms.Store(t.UnixMilli()) }
func (w *settableWall) now() time.Time            { return time.UnixMilli(w.ms.Load()) }
func newWall(t time.Time) *settableWall           { w := &settableWall{}; w.set(t); return w }
func nearly(a, b time.Time, d time.Duration) bool { return a.Sub(b).Abs() <= d }

// TestRestampMovesEventsMadeWhileTheClockWasAhead: events made while the
// PC's date was three years ahead, once the date is right, get readings
// of the right time, keep their IDs, content and order, stay in the
// outbox, and the desk's clock comes back with them, across a restart.
func TestRestampMovesEventsMadeWhileTheClockWasAhead(t *testing.T) {
	right := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	wall := newWall(right)
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Wall: wall.now})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Append(newEvent("key", "K", "key.registered"))
	s.Ack([]string{before.ID}) // sent while the clock was right
	remote := wire.Event{ID: NewEventID(), HLC: wire.MakeTimestamp(right.Add(time.Minute).UnixMilli(), 0), Desk: "desk-b",
		Entity: wire.EntityRef{Kind: "key", ID: "K"}, Type: "key.noted", Version: 1}
	if _, err := s.ApplyRemote([]wire.Event{remote}, 1); err != nil {
		t.Fatal(err)
	}

	wall.set(right.AddDate(3, 0, 0)) // the PC's date goes wrong
	var ahead []wire.Event
	for _, ref := range []struct{ id, typ string }{{"K", "key.signed_out"}, {"J", "key.registered"}, {"K", "key.returned"}} {
		ev, err := s.Append(newEvent("key", ref.id, ref.typ))
		if err != nil {
			t.Fatal(err)
		}
		ahead = append(ahead, ev)
	}
	if n, err := s.Restamp(5 * time.Minute); n != 0 || err != nil {
		t.Fatalf("restamp while the clock is still wrong = %d, %v", n, err)
	}

	fixed := right.Add(2 * time.Minute)
	wall.set(fixed) // someone sets the date right
	n, err := s.Restamp(5 * time.Minute)
	if err != nil || n != 3 {
		t.Fatalf("restamp = %d, %v; want 3", n, err)
	}
	out, _ := s.Outbox(10)
	if len(out) != 3 {
		t.Fatalf("outbox holds %d events, want 3", len(out))
	}
	for i, ev := range out {
		want := ahead[i]
		if ev.ID != want.ID || ev.Type != want.Type || string(ev.Body) != string(want.Body) || ev.Prev != want.Prev {
			t.Fatalf("outbox[%d] = %+v, want %+v with a new clock", i, ev, want)
		}
		if !nearly(ev.HLC.Time(), fixed, time.Second) || (i > 0 && ev.HLC <= out[i-1].HLC) {
			t.Fatalf("outbox[%d] clock %v, want just after %v, in order", i, ev.HLC.Time(), fixed)
		}
		if got, err := s.Get(ev.ID); err != nil || got.HLC != ev.HLC {
			t.Fatalf("Get(%s) = %v, %v", ev.ID, got.HLC, err)
		}
	}
	wantK := []string{"key.registered " + before.ID, "key.noted " + remote.ID, "key.signed_out " + ahead[0].ID, "key.returned " + ahead[2].ID}
	if got := trace(t, s, wire.EntityRef{Kind: "key", ID: "K"}); len(got) != 4 || got[0] != wantK[0] || got[1] != wantK[1] || got[2] != wantK[2] || got[3] != wantK[3] {
		t.Fatalf("K folds as %v, want %v", got, wantK)
	}
	if st, _ := s.Stats(); st.Events != 5 {
		t.Fatalf("%d events stored, want 5", st.Events)
	}
	if now := s.Now(); !nearly(now.Time(), fixed, time.Second) {
		t.Fatalf("the desk's clock reads %v, want about %v", now.Time(), fixed)
	}
	s.Close()
	s, err = Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Wall: wall.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if now := s.Now(); !nearly(now.Time(), fixed, time.Second) {
		t.Fatalf("after a restart the desk's clock reads %v, want about %v", now.Time(), fixed)
	}
}
