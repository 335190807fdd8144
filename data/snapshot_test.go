package data

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"floordesk/data/wire"
)

// remoteHistory is n events of three desks over 40 entities, with clocks
// that disagree: many sort before events of their entity that came
// earlier, so their entities fold again, within a transaction and across.
func remoteHistory(n int) []wire.Event {
	r := rand.New(rand.NewPCG(7, 7))
	evs := make([]wire.Event, n)
	for i := range evs {
		evs[i] = remoteEvent(fmt.Sprintf("desk-%d", r.IntN(3)), fmt.Sprintf("K%02d", r.IntN(40)), 1_700_000_000_000+int64(i*10)-r.Int64N(20_000))
	}
	return evs
}

// snapshotStream is a snapshot of evs with sequences 1, 2, ... up to upto.
func snapshotStream(t *testing.T, epoch string, upto uint64, evs []wire.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	sw, err := wire.NewSnapshotWriter(&b, wire.SnapshotHeader{Epoch: epoch, Upto: upto})
	if err != nil {
		t.Fatal(err)
	}
	for i, ev := range evs {
		raw, err := ev.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if err := sw.Event(uint64(i+1), raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func hotelKeys(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	if err := s.HotelState(func(k, v []byte) error { out = append(out, fmt.Sprintf("%q=%q", k, v)); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// pulledStore applies evs as pulls of 1,000 would.
func pulledStore(t *testing.T, evs []wire.Event) *Store {
	t.Helper()
	s := openTest(t, t.TempDir(), "desk-pulled")
	for i := 0; i < len(evs); i += 1000 {
		if _, err := s.ApplyRemote(evs[i:min(len(evs), i+1000)], uint64(min(len(evs), i+1000))); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestLoadSnapshotStoresWhatPullsStore: a snapshot of 3,000 events
// (several transactions, entities folded again) leaves every stream, view
// and index entry as pulling them does, the cursor at its Upto (past its
// last event when the server holds no later one for the desk), the epoch
// the server's, and nothing in the outbox.
func TestLoadSnapshotStoresWhatPullsStore(t *testing.T) {
	evs := remoteHistory(3000)
	want := hotelKeys(t, pulledStore(t, evs))
	s := openTest(t, t.TempDir(), "desk-new")
	res, err := s.LoadSnapshot(bytes.NewReader(snapshotStream(t, "ep-1", 3002, evs)))
	if err != nil {
		t.Fatal(err)
	}
	if res.Events != 3000 || res.Upto != 3002 || res.Refolded == 0 {
		t.Fatalf("loaded %+v, want 3,000 events, cursor 3,002, some entities folded again", res)
	}
	if got := hotelKeys(t, s); !slices.Equal(got, want) {
		t.Fatalf("the snapshot's desk holds %d keys, the pulled one %d, or they differ", len(got), len(want))
	}
	cursor, _ := s.Cursor()
	epoch, _ := s.Epoch()
	outbox, _ := s.OutboxLen()
	if cursor != 3002 || epoch != "ep-1" || outbox != 0 {
		t.Fatalf("cursor %d, epoch %q, outbox %d", cursor, epoch, outbox)
	}
}

// TestLoadSnapshotCutShort: a snapshot cut anywhere keeps the events of
// its whole transactions with the cursor after the last of them; pulling
// the rest from there ends as pulling everything does.
func TestLoadSnapshotCutShort(t *testing.T) {
	evs := remoteHistory(1500)
	want := hotelKeys(t, pulledStore(t, evs))
	stream := snapshotStream(t, "ep-1", 1500, evs)
	for _, cut := range []int{len(stream) / 3, len(stream) - 5} {
		s := openTest(t, t.TempDir(), "desk-new")
		res, err := s.LoadSnapshot(bytes.NewReader(stream[:cut]))
		if !errors.Is(err, wire.ErrSnapshotCut) {
			t.Fatalf("cut at %d: %v", cut, err)
		}
		cursor, _ := s.Cursor()
		if cursor != res.Upto || int(cursor) != res.Events || cursor > 1500 {
			t.Fatalf("cut at %d: cursor %d after %+v", cut, cursor, res)
		}
		if _, err := s.ApplyRemote(evs[cursor:], 1500); err != nil {
			t.Fatal(err)
		}
		if got := hotelKeys(t, s); !slices.Equal(got, want) {
			t.Fatalf("cut at %d, then pulled: the desk differs from one that pulled everything", cut)
		}
	}
}

// TestLoadSnapshotOnlyIntoANewDesk: a desk holding an event, a cursor or
// another server's epoch is refused before anything is stored.
func TestLoadSnapshotOnlyIntoANewDesk(t *testing.T) {
	stream := snapshotStream(t, "ep-1", 10, remoteHistory(10))
	withEvent := openTest(t, t.TempDir(), "desk-a")
	if _, err := withEvent.Append(newEvent("key", "F3", "key.registered")); err != nil {
		t.Fatal(err)
	}
	withCursor := openTest(t, t.TempDir(), "desk-b")
	if _, err := withCursor.ApplyRemote(nil, 7); err != nil {
		t.Fatal(err)
	}
	otherEpoch := openTest(t, t.TempDir(), "desk-c")
	if err := otherEpoch.SetEpoch("ep-0"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{withEvent, withCursor, otherEpoch} {
		before := hotelKeys(t, s)
		if _, err := s.LoadSnapshot(bytes.NewReader(stream)); !errors.Is(err, ErrNotNewDesk) {
			t.Errorf("desk %s: %v, want ErrNotNewDesk", s.Desk(), err)
		}
		if !slices.Equal(hotelKeys(t, s), before) {
			t.Errorf("desk %s changed", s.Desk())
		}
	}
	same := openTest(t, t.TempDir(), "desk-d")
	if err := same.SetEpoch("ep-1"); err != nil {
		t.Fatal(err)
	}
	if res, err := same.LoadSnapshot(bytes.NewReader(stream)); err != nil || res.Events != 10 {
		t.Errorf("a new desk that already met the server: %+v, %v", res, err)
	}
}
