package data

import (
	"bytes"
	"github.com/dgraph-io/badger/v4"

	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"floordesk/data/backupfmt"
	"floordesk/data/wire"
)

// openTest opens a store in dir with the trace fold and quiet GC.
func openTest(t testing.TB, dir, desk string) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir, Desk: desk, Fold: TraceFold, GCInterval: -1})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newEvent(kind, id, typ string) wire.Event {
	return wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: kind, ID: id}, Type: typ, Body: json.RawMessage(`{"n":1}`)}
}

func trace(t testing.TB, s *Store, ref wire.EntityRef) []string {
	t.Helper()
	v, err := s.View(ref)
	if err != nil {
		t.Fatalf("view %s: %v", ref, err)
	}
	var out []string
	if err := json.Unmarshal(v, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAppendFillsEnvelopeAndChainsPrev(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	first, err := s.Append(newEvent("key", "F3", "key.registered"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Append(newEvent("key", "F3", "key.signed_out"))
	if err != nil {
		t.Fatal(err)
	}
	if first.Desk != "desk-a" || first.Version != 1 || !wire.ValidID(first.ID) || first.Prev != "" {
		t.Fatalf("first event envelope: %+v", first)
	}
	if second.Prev != first.ID || second.HLC <= first.HLC {
		t.Fatalf("second should follow first: %+v after %+v", second, first)
	}
	got, err := s.Get(second.ID)
	if err != nil || got.Type != "key.signed_out" || got.Prev != first.ID {
		t.Fatalf("Get = %+v, %v", got, err)
	}
	want := []string{"key.registered " + first.ID, "key.signed_out " + second.ID}
	if tr := trace(t, s, first.Entity); fmt.Sprint(tr) != fmt.Sprint(want) {
		t.Fatalf("view = %v, want %v", tr, want)
	}
}

func TestAppendViewAnswersWithTheStoredView(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	for _, typ := range []string{"key.registered", "key.signed_out"} {
		ev, view, err := s.AppendView(newEvent("key", "F3", typ))
		if err != nil {
			t.Fatal(err)
		}
		stored, err := s.View(ev.Entity)
		if err != nil || !bytes.Equal(view, stored) || !bytes.Contains(view, []byte(ev.ID)) {
			t.Fatalf("%s: answered %s, stored %s (%v)", typ, view, stored, err)
		}
	}
}

func TestAppendRefusesBadEnvelopeAndStoresNothing(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	bad := newEvent("key", "", "key.registered")
	if _, err := s.AppendAll([]wire.Event{newEvent("key", "K1", "key.registered"), bad}); err == nil {
		t.Fatal("append with an empty entity ID succeeded")
	}
	if st, _ := s.Stats(); st.Events != 0 || st.Outbox != 0 || st.Entities != 0 {
		t.Fatalf("a refused batch left data behind: %+v", st)
	}
	if _, err := s.View(wire.EntityRef{Kind: "key", ID: "K1"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("view of refused entity: %v", err)
	}
}

func TestFoldErrorStoresNothing(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, Desk: "d", GCInterval: -1, Fold: func(_ wire.EntityRef, _ []byte, ev wire.Event) ([]byte, error) {
		if ev.Type == "boom" {
			return nil, errors.New("boom")
		}
		return []byte(`{}`), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Append(newEvent("x", "1", "boom")); err == nil {
		t.Fatal("fold error not reported")
	}
	if n, _ := s.OutboxLen(); n != 0 {
		t.Fatalf("outbox has %d after a failed append", n)
	}
}

func TestOutboxAckAndCursor(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	var ids []string
	for i := 0; i < 5; i++ {
		ev, err := s.Append(newEvent("loan", fmt.Sprint(i), "loan.opened"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ev.ID)
	}
	out, err := s.Outbox(3)
	if err != nil || len(out) != 3 || out[0].ID != ids[0] || out[2].ID != ids[2] {
		t.Fatalf("Outbox(3) = %v, %v", out, err)
	}
	if err := s.Ack(ids[:3]); err != nil {
		t.Fatal(err)
	}
	if err := s.Ack(append(ids[:1], "01936b2e-8f4a-7c3d-9e2f-1a2b3c4d5e6f")); err != nil {
		t.Fatalf("repeated and unknown acks must be harmless: %v", err)
	}
	if n, _ := s.OutboxLen(); n != 2 {
		t.Fatalf("outbox after ack = %d, want 2", n)
	}
	if _, err := s.ApplyRemote(nil, 42); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Cursor(); c != 42 {
		t.Fatalf("cursor = %d, want 42", c)
	}
	if err := s.Requeue("epoch-2"); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Cursor()
	e, _ := s.Epoch()
	n, _ := s.OutboxLen()
	if c != 0 || e != "epoch-2" || n != 5 {
		t.Fatalf("after requeue: cursor %d epoch %q outbox %d; want 0, epoch-2, 5", c, e, n)
	}
}

func TestReopenKeepsDeskClockAndData(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir, "")
	desk := s.Desk()
	ev, err := s.Append(newEvent("key", "K", "key.registered"))
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting("server", "https://sync.example.test")
	s.Close()

	// The wall clock is now an hour behind: the persisted HLC must win.
	s2, err := Open(Options{Dir: dir, Fold: TraceFold, GCInterval: -1, Wall: func() time.Time { return ev.HLC.Time().Add(-time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.Desk() != desk {
		t.Fatalf("desk changed: %q -> %q", desk, s2.Desk())
	}
	if now := s2.Now(); now <= ev.HLC {
		t.Fatalf("clock went back after restart: %v <= %v", now, ev.HLC)
	}
	if v, _ := s2.Setting("server"); v != "https://sync.example.test" {
		t.Fatalf("setting lost: %q", v)
	}
	if _, err := s2.Setting("missing"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing setting: %v", err)
	}
}

func TestSecondOpenSaysAlreadyRunning(t *testing.T) {
	dir := t.TempDir()
	openTest(t, dir, "desk-a")
	_, err := Open(Options{Dir: dir, Fold: TraceFold})
	if !errors.Is(err, ErrAlreadyRunning) {
		t.Fatalf("second open: %v, want ErrAlreadyRunning", err)
	}
	if err.Error() != "FloorDesk is already running on this desk" {
		t.Fatalf("message = %q", err)
	}
}

func TestOpenRefusesAnotherDesksStore(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir, "desk-a")
	s.Close()
	if _, err := Open(Options{Dir: dir, Desk: "desk-b", Fold: TraceFold}); err == nil {
		t.Fatal("opened desk-a's store as desk-b")
	}
}

func TestApplyRemoteIsIdempotentAndRefoldsLateEvents(t *testing.T) {
	a := openTest(t, t.TempDir(), "desk-a")
	b := openTest(t, t.TempDir(), "desk-b")
	ref := wire.EntityRef{Kind: "item", ID: "T-1"}
	e1, _ := a.Append(newEvent(ref.Kind, ref.ID, "found.logged"))
	e2, _ := a.Append(newEvent(ref.Kind, ref.ID, "found.transferred"))
	e3, _ := a.Append(newEvent(ref.Kind, ref.ID, "found.claimed"))

	res, err := b.ApplyRemote([]wire.Event{e3, e1}, 2)
	if err != nil || res.Applied != 2 {
		t.Fatalf("first apply = %+v, %v", res, err)
	}
	res, err = b.ApplyRemote([]wire.Event{e2, e1, e3}, 3)
	if err != nil || res.Applied != 1 || res.Duplicates != 2 || res.Refolded != 1 {
		t.Fatalf("second apply = %+v, %v; want 1 applied, 2 duplicates, 1 refolded", res, err)
	}
	if fmt.Sprint(trace(t, b, ref)) != fmt.Sprint(trace(t, a, ref)) {
		t.Fatalf("views differ:\n a %v\n b %v", trace(t, a, ref), trace(t, b, ref))
	}
	if n, _ := b.OutboxLen(); n != 0 {
		t.Fatalf("remote events must not enter the outbox, got %d", n)
	}
}

func TestApplyRemoteRejectsInvalidBatchWhole(t *testing.T) {
	a := openTest(t, t.TempDir(), "desk-a")
	b := openTest(t, t.TempDir(), "desk-b")
	good, _ := a.Append(newEvent("k", "1", "t"))
	bad := good
	bad.ID = "garbage"
	if _, err := b.ApplyRemote([]wire.Event{good, bad}, 9); err == nil {
		t.Fatal("invalid event accepted")
	}
	if st, _ := b.Stats(); st.Events != 0 || st.Cursor != 0 {
		t.Fatalf("rejected batch left %+v", st)
	}
}

func TestApplyRemoteKeepsFarFutureEventWithoutFollowingIt(t *testing.T) {
	wall := time.UnixMilli(1_763_900_000_000)
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Wall: func() time.Time { return wall }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	future := wire.Event{ID: NewEventID(), HLC: wire.MakeTimestamp(wall.Add(time.Hour).UnixMilli(), 0), Desk: "desk-x",
		Entity: wire.EntityRef{Kind: "key", ID: "K"}, Type: "key.signed_out", Version: 1}
	res, err := s.ApplyRemote([]wire.Event{future}, 1)
	if err != nil || res.Drifted != 1 || res.Applied != 1 {
		t.Fatalf("apply = %+v, %v", res, err)
	}
	if _, err := s.Get(future.ID); err != nil {
		t.Fatalf("far-future event not kept: %v", err)
	}
	if now := s.Now(); now.Time().After(wall.Add(time.Minute)) {
		t.Fatalf("clock dragged forward to %v", now.Time())
	}
}

func TestChangeFeedCoalescesAndNeverBlocks(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	sub := s.Subscribe()
	defer sub.Close()
	for i := 0; i < 50; i++ { // nobody reads: writers must not block
		if _, err := s.Append(newEvent("key", fmt.Sprint(i%3), "t")); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-sub.Ready():
	case <-time.After(5 * time.Second):
		t.Fatal("no change signalled")
	}
	got := sub.Next()
	if len(got) != 3 || got[0] != (wire.EntityRef{Kind: "key", ID: "0"}) {
		t.Fatalf("Next() = %v, want the three keys once each", got)
	}
	if again := sub.Next(); len(again) != 0 {
		t.Fatalf("second Next() = %v, want empty", again)
	}
}

func TestViewsListsOneKindInOrder(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	for _, r := range []wire.EntityRef{{Kind: "key", ID: "B"}, {Kind: "loan", ID: "L1"}, {Kind: "key", ID: "A"}, {Kind: "keyring", ID: "Z"}} {
		if _, err := s.Append(newEvent(r.Kind, r.ID, "t")); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	err := s.Views("key", func(id string, _ []byte) error { ids = append(ids, id); return nil })
	if err != nil || fmt.Sprint(ids) != "[A B]" {
		t.Fatalf("Views(key) = %v, %v", ids, err)
	}
	kinds, _ := s.Kinds()
	if fmt.Sprint(kinds) != "[key keyring loan]" {
		t.Fatalf("Kinds() = %v", kinds)
	}
}

func TestClosedStoreSaysClosed(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	s.Close()
	if _, err := s.Append(newEvent("k", "1", "t")); !errors.Is(err, ErrClosed) {
		t.Fatalf("append after close: %v", err)
	}
	if err := s.Close(); !errors.Is(err, ErrClosed) {
		t.Fatalf("second close: %v", err)
	}
}

func TestIsStoreTellsADataFolder(t *testing.T) {
	desk := t.TempDir()
	s := openTest(t, desk, "desk-a")
	s.Close()
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "letter.txt"), []byte("hi"), 0o644)
	for dir, want := range map[string]bool{desk: true, other: false, t.TempDir(): false, filepath.Join(other, "missing"): false} {
		if got := backupfmt.IsStore(dir); got != want {
			t.Errorf("backupfmt.IsStore(%s) = %v, want %v", dir, got, want)
		}
	}
}

// The outbox count is kept with the outbox: it survives a reopen, and a
// store from before the count was kept is counted when it opens.
func TestOutboxCountSurvivesReopenAndOldStores(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir, "desk-a")
	var ids []string
	for i := range 4 {
		ev, err := s.Append(newEvent("loan", fmt.Sprint(i), "loan.opened"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ev.ID)
	}
	if err := s.Ack(ids[:1]); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(metaKey("outbox")) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openTest(t, dir, "desk-a")
	if n, _ := s.OutboxLen(); n != 3 {
		t.Fatalf("a store without the count opens with %d in the outbox, want 3", n)
	}
	if _, err := s.Append(newEvent("loan", "9", "loan.opened")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openTest(t, dir, "desk-a")
	if n, _ := s.OutboxLen(); n != 4 {
		t.Fatalf("after a reopen the outbox holds %d, want 4", n)
	}
	if st, _ := s.Stats(); st.Outbox != 4 {
		t.Errorf("Stats says %d in the outbox, want 4", st.Outbox)
	}
}

// TestStreamSinceSeeksIntoTheStream: a key's events from a moment on,
// without the ones before it, in fold order; the whole stream from zero.
func TestStreamSinceSeeksIntoTheStream(t *testing.T) {
	wall := time.UnixMilli(1_763_900_000_000)
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Wall: func() time.Time { return wall }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var stamps []wire.Timestamp
	for range 5 {
		ev, err := s.Append(newEvent("key", "K1", "key.signed_out"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Append(newEvent("key", "K2", "key.signed_out")); err != nil {
			t.Fatal(err)
		}
		stamps = append(stamps, ev.HLC)
		wall = wall.Add(24 * time.Hour)
	}
	ref := wire.EntityRef{Kind: "key", ID: "K1"}
	for i, since := range []wire.Timestamp{0, stamps[2], stamps[2] + 1, stamps[4] + 1} {
		got, err := s.StreamSince(ref, since)
		if err != nil {
			t.Fatal(err)
		}
		want := []int{5, 3, 2, 0}[i]
		if len(got) != want {
			t.Errorf("since %v: %d events, want %d", since, len(got), want)
		}
		for j, ev := range got {
			if ev.Entity != ref || ev.HLC < since || (j > 0 && ev.HLC <= got[j-1].HLC) {
				t.Errorf("since %v: event %d is %v at %v", since, j, ev.Entity, ev.HLC)
			}
		}
	}
}

// TestAppendChainsPrevOfAKindNotFolded: an entity whose events this build
// does not fold (a kind a newer desk made) has no view to speak of, yet
// the next event on it still names the one before: stamping finds the
// end of a stream from the view's key, which its first event wrote.
func TestAppendChainsPrevOfAKindNotFolded(t *testing.T) {
	dir := t.TempDir()
	fold := func(ref wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
		if ref.Kind == "newer" {
			return state, nil
		}
		return TraceFold(ref, state, ev)
	}
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: fold, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Append(newEvent("newer", "N1", "newer.made"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Append(newEvent("newer", "N1", "newer.changed"))
	if err != nil {
		t.Fatal(err)
	}
	if second.Prev != first.ID {
		t.Fatalf("second event's prev %q, want the first's %q", second.Prev, first.ID)
	}
	s.Close()
	s, err = Open(Options{Dir: dir, Desk: "desk-a", Fold: fold, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	third, err := s.Append(newEvent("newer", "N1", "newer.changed"))
	if err != nil || third.Prev != second.ID {
		t.Fatalf("after reopening, third event's prev %q (%v), want the second's %q", third.Prev, err, second.ID)
	}
}
