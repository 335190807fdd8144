package data

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// appendSome appends n events to s and returns them.
func appendSome(t *testing.T, s *Store, n int) []wire.Event {
	t.Helper()
	var out []wire.Event
	for i := range n {
		ev, err := s.Append(newEvent("loan", fmt.Sprint(i%3), "loan.opened"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

// rewrite changes the stored bytes of the event with id, as someone with
// the folder (and its key) could.
func rewrite(t *testing.T, s *Store, id string, change func(*wire.Event)) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		idx, err := get(txn, eventKey(id))
		if err != nil {
			return err
		}
		_, sk := splitIndex(idx)
		ev, err := getEvent(txn, sk)
		if err != nil {
			return err
		}
		change(&ev)
		enc, err := ev.Encode()
		if err != nil {
			return err
		}
		return txn.Set(sk, enc)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func verifyProblems(t *testing.T, s *Store) []string {
	t.Helper()
	r, err := s.Verify(nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.String())
	}
	if r.OK() != (len(out) == 0) {
		t.Fatalf("OK() = %v with problems %q", r.OK(), out)
	}
	return out
}

// TestVerifyCatchesAlteredEvents: a desk's events verify whole; each way
// of changing one stored event afterwards is found and named.
func TestVerifyCatchesAlteredEvents(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, s *Store, evs []wire.Event)
		want   string
		gap    bool // the event is no longer its chain's, so its number is missing too
	}{
		{"a body changed", func(t *testing.T, s *Store, evs []wire.Event) {
			rewrite(t, s, evs[4].ID, func(ev *wire.Event) { ev.Body = json.RawMessage(`{"n":2}`) })
		}, "event %s: its content does not match its seal", false},
		{"the actor changed", func(t *testing.T, s *Store, evs []wire.Event) {
			rewrite(t, s, evs[4].ID, func(ev *wire.Event) { ev.Actor = "staff-9" })
		}, "event %s: its content does not match its seal", false},
		{"re-sealed with a key of its own", func(t *testing.T, s *Store, evs []wire.Event) {
			_, other, _ := ed25519.GenerateKey(nil)
			rewrite(t, s, evs[4].ID, func(ev *wire.Event) {
				seal, _, _ := wire.SealOf(*ev)
				wire.SealEvent(ev, other, seal.PrevLink())
			})
		}, "event %s: signed with a key this desk never registered", true},
		{"its seal removed", func(t *testing.T, s *Store, evs []wire.Event) {
			rewrite(t, s, evs[4].ID, func(ev *wire.Event) { delete(ev.Extra, wire.SealField) })
		}, "event %s: no seal, though the desk sealed every event", true},
		{"an event removed", func(t *testing.T, s *Store, evs []wire.Event) {
			err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(seqKey(pLog, 5)) })
			if err != nil {
				t.Fatal(err)
			}
		}, "event 5 is missing", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, t.TempDir(), "desk-a")
			evs := appendSome(t, s, 8)
			if got := verifyProblems(t, s); len(got) != 0 {
				t.Fatalf("before any change: %q", got)
			}
			tt.change(t, s, evs)
			got := verifyProblems(t, s)
			want := strings.ReplaceAll(tt.want, "%s", evs[4].ID)
			if len(got) == 0 || !strings.Contains(got[0], want) {
				t.Fatalf("problems %q, want one with %q", got, want)
			}
			if tt.gap && (len(got) != 2 || !strings.Contains(got[1], "event 5 is missing")) {
				t.Fatalf("problems %q, want the gap it leaves too", got)
			}
			if !tt.gap && len(got) != 1 {
				t.Fatalf("problems %q, want one", got)
			}
		})
	}
}

// TestChainSurvivesWhatTheStoreDoes: bulk loads, restamping, reopening
// and a restore from a backup (which starts a new key and chain) all
// leave chains that verify whole.
func TestChainSurvivesWhatTheStoreDoes(t *testing.T) {
	right := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	wall := newWall(right)
	dir := t.TempDir()
	opts := Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Wall: wall.now}
	s, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	appendSome(t, s, 3)
	bulk := make([]wire.Event, 3000)
	for i := range bulk {
		bulk[i] = newEvent("key", fmt.Sprint(i%50), "key.registered")
	}
	if err := s.AppendBulk(bulk); err != nil {
		t.Fatal(err)
	}
	wall.set(right.AddDate(1, 0, 0))
	appendSome(t, s, 3)
	wall.set(right.Add(time.Hour))
	if n, err := s.Restamp(5 * time.Minute); err != nil || n != 3 {
		t.Fatalf("restamp = %d, %v", n, err)
	}
	appendSome(t, s, 2)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(opts); err != nil {
		t.Fatal(err)
	}
	appendSome(t, s, 2)
	r, err := s.Verify(nil)
	if err != nil || !r.OK() || len(r.Chains) != 1 || r.Chains[0].Last != 3010 {
		t.Fatalf("after bulk, restamp and reopen: %v\n%s", err, r)
	}
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	s.Close()
	restored := filepath.Join(t.TempDir(), "restored")
	if err := Restore(restored, &buf); err != nil {
		t.Fatal(err)
	}
	opts.Dir = restored
	s2, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	appendSome(t, s2, 2)
	r, err = s2.Verify(nil)
	if err != nil || !r.OK() || len(r.Chains) != 2 {
		t.Fatalf("after a restore: %v\n%s", err, r)
	}
}
