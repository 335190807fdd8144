package data_test

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
)

// TestSyncDeskWithItsClockAheadIsToldAndLosesNothing: a desk PC whose
// date is three years ahead is told so in its sync status, with the
// server's time; the server stores none of its events, which wait. Once
// the date is set right, they reach the server stamped with the right
// time, and the desk's status clears.
func TestSyncDeskWithItsClockAheadIsToldAndLosesNothing(t *testing.T) {
	srv := newSyncServer(t)
	var offset atomic.Int64
	offset.Store(int64(3 * 365 * 24 * time.Hour))
	wall := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-a", Fold: listFold, Logger: quiet, GCInterval: -1, Wall: wall})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("hotel")); err != nil {
		t.Fatal(err)
	}
	ev := appendKey(t, st, "F3", "key.signed_out")
	c := startSync(t, st, data.SyncConfig{})
	waitFor(t, "a clock-ahead status", 10*time.Second, func() bool { return c.Status().Problem == data.ProblemClockAhead })
	s := c.Status()
	if !nearlyNow(s.ServerTime) || s.Pending != 1 || !strings.Contains(s.LastError, s.ServerTime.UTC().Format("2006-01-02 15:04")) {
		t.Fatalf("status = %+v", s)
	}
	if last, _ := srv.store.LastSeq(t.Context(), "hotel"); last != 0 {
		t.Fatalf("the server stored %d events from the future", last)
	}

	offset.Store(0) // someone sets the PC's date right
	c.SyncNow()
	waitFor(t, "the event on the server", 10*time.Second, func() bool {
		last, _ := srv.store.LastSeq(t.Context(), "hotel")
		return last == 1
	})
	recs, err := srv.store.Since(t.Context(), "hotel", 0, 10, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	got, err := wire.DecodeEvent(recs[0].Raw)
	if err != nil || got.ID != ev.ID || !nearlyNow(got.HLC.Time()) {
		t.Fatalf("on the server: %+v, %v; want event %s stamped about now", got, err, ev.ID)
	}
	waitFor(t, "a clear status", 10*time.Second, func() bool {
		s := c.Status()
		return s.Problem == data.ProblemNone && s.ServerTime.IsZero() && s.Pending == 0
	})
}

func nearlyNow(t time.Time) bool { return time.Since(t).Abs() < time.Minute }

// TestSyncPulledEventFromTheFutureDoesNotDragTheClock: an event years
// ahead that a server stored before it checked clocks reaches the desk,
// which keeps it but whose own next event is stamped with the right time.
func TestSyncPulledEventFromTheFutureDoesNotDragTheClock(t *testing.T) {
	srv := newSyncServer(t)
	st := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("hotel")); err != nil {
		t.Fatal(err)
	}
	future := wire.Event{ID: data.NewEventID(), HLC: wire.MakeTimestamp(time.Now().AddDate(3, 0, 0).UnixMilli(), 0), Desk: "desk-x",
		Actor: "s", Entity: wire.EntityRef{Kind: "key", ID: "F3"}, Type: "key.signed_out", Version: 1}
	raw, err := future.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.store.Append(t.Context(), "hotel", []server.Pushed{{Event: future, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	startSync(t, st, data.SyncConfig{})
	waitFor(t, "the event from the future on the desk", 10*time.Second, func() bool { return hasEvent(st, future.ID) })
	if ev := appendKey(t, st, "F3", "key.returned"); !nearlyNow(ev.HLC.Time()) {
		t.Fatalf("the desk's next event is stamped %v: its clock was dragged", ev.HLC.Time())
	}
}

// TestSyncDeskWithItsClockYearsBehindIsTold: a desk PC whose date is two
// years behind (a flat CMOS battery) syncs, since nothing it sends is from
// the future, but its status says how far behind the server it is, so
// someone sets it right; once set, the offset is gone.
func TestSyncDeskWithItsClockYearsBehindIsTold(t *testing.T) {
	srv := newSyncServer(t)
	var offset atomic.Int64
	behind := -2 * 365 * 24 * time.Hour
	offset.Store(int64(behind))
	wall := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-a", Fold: listFold, Logger: quiet, GCInterval: -1, Wall: wall})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("hotel")); err != nil {
		t.Fatal(err)
	}
	ev := appendKey(t, st, "F3", "key.signed_out")
	c := startSync(t, st, data.SyncConfig{})
	waitFor(t, "the event on the server", 10*time.Second, func() bool { return serverHas(t, srv, ev.ID) })
	waitFor(t, "the offset in the status", 10*time.Second, func() bool {
		off := c.Status().ClockOffset
		return off < behind+time.Minute && off > behind-time.Minute
	})
	offset.Store(0)
	c.SyncNow()
	waitFor(t, "the offset gone once the clock is right", 10*time.Second, func() bool {
		off := c.Status().ClockOffset
		return off > -data.ClockWarn && off < data.ClockWarn
	})
}
