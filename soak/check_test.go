package soak

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
)

func eventID(t *testing.T, raw []byte) string {
	t.Helper()
	ev, err := wire.DecodeEvent(raw)
	if err != nil {
		t.Fatalf("stored event %.200q: %v", raw, err)
	}
	return ev.ID
}

// checkServer checks that the server holds every event the desks made,
// each once, and none of those the bad desk's refused pushes carried. It
// returns the events it holds, by ID.
func checkServer(t *testing.T, ctx context.Context, live *liveServer, desks []*desk, bad *badPusher) map[string][]byte {
	t.Helper()
	recs, err := live.events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	held := heldOnce(t, recs)
	made := 0
	for _, d := range desks {
		for _, id := range d.made() {
			made++
			if _, ok := held[id]; !ok {
				t.Errorf("the server lacks event %s of %s", id, d.name)
			}
		}
	}
	if len(held) != made {
		t.Errorf("the server holds %d events, the desks made %d", len(held), made)
	}
	bad.mu.Lock()
	defer bad.mu.Unlock()
	for _, id := range bad.carried {
		if _, ok := held[id]; ok {
			t.Errorf("the server stored event %s of a refused push", id)
		}
	}
	return held
}

// heldOnce returns the server's events by ID, failing the test for every
// event it holds twice.
func heldOnce(t *testing.T, recs []server.Record) map[string][]byte {
	t.Helper()
	held := map[string][]byte{}
	for _, r := range recs {
		id := eventID(t, r.Raw)
		if _, twice := held[id]; twice {
			t.Errorf("the server holds event %s twice", id)
		}
		held[id] = r.Raw
	}
	return held
}

// checkDesks checks that every desk holds exactly the server's events,
// each once and as the server holds it, and that all desks show the same
// views.
func checkDesks(t *testing.T, desks []*desk, held map[string][]byte) {
	t.Helper()
	var first map[string]string
	for _, d := range desks {
		evs, _, err := d.store.Log(0, 10*len(held)+10)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, ev := range evs {
			if seen[ev.ID] {
				t.Errorf("%s holds event %s twice", d.name, ev.ID)
			}
			seen[ev.ID] = true
			raw, ok := held[ev.ID]
			if !ok {
				t.Errorf("%s holds event %s, which the server does not", d.name, ev.ID)
				continue
			}
			mine, err := ev.Encode()
			if err != nil || !server.SameEvent(mine, raw) {
				t.Errorf("%s holds event %s as %.200q, the server as %.200q", d.name, ev.ID, mine, raw)
			}
		}
		if len(seen) != len(held) {
			t.Errorf("%s holds %d events, the server %d", d.name, len(seen), len(held))
		}
		v := views(t, d.store)
		if first == nil {
			first = v
			if want := len(workKinds) * entitiesPerKind; len(v) != want {
				t.Errorf("%s has %d views, want %d", d.name, len(v), want)
			}
			continue
		}
		if !reflect.DeepEqual(v, first) {
			t.Errorf("%s's views differ from %s's: %s", d.name, desks[0].name, differing(first, v))
		}
	}
}

func views(t *testing.T, st *data.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	kinds, err := st.Kinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		err := st.Views(k, func(id string, state []byte) error {
			out[k+"/"+id] = string(state)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func differing(a, b map[string]string) string {
	var keys []string
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if a[k] != b[k] {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

// checkStatus checks what the desks' status bars showed: the bad desk the
// refusal of its mangled pushes, in words; the others no refusal at all
// (only the stopped server).
func checkStatus(t *testing.T, good []*desk, bad *desk, pusher *badPusher, mangled int) {
	t.Helper()
	if mangled == 0 {
		t.Error("the bad desk's sync client pushed nothing to mangle")
	}
	n, words := bad.problemCount(data.ProblemRejected)
	if n == 0 || !strings.Contains(words, "refused") {
		t.Errorf("the bad desk's status never showed a refusal (%d times, last words %q)", n, words)
	}
	for _, d := range good {
		for _, p := range []data.SyncProblem{data.ProblemRejected, data.ProblemConflict, data.ProblemClockAhead, data.ProblemRefused} {
			if n, words := d.problemCount(p); n > 0 {
				t.Errorf("%s's status showed %s %d times: %s", d.name, p, n, words)
			}
		}
	}
	pusher.mu.Lock()
	defer pusher.mu.Unlock()
	for _, w := range pusher.wrong {
		t.Errorf("bad push answered wrongly: %s", w)
	}
	for _, p := range rawPushes {
		// A push that met a stopped server (a restart) each time it was
		// sent had nothing to judge it; one the server answered must have
		// been refused.
		if answered := pusher.sent[p.name] - pusher.unmet[p.name]; answered > 0 && pusher.refused[p.name] == 0 {
			t.Errorf("bad push %q was answered %d times, never refused", p.name, answered)
		}
	}
}
