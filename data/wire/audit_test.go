package wire

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// chainOf makes n sealed events of desk-3f, in order.
func chainOf(t *testing.T, n int) []Event {
	t.Helper()
	var out []Event
	var link ChainLink
	for i := range n {
		ev := sampleEvent()
		ev.ID = fmt.Sprintf("01936b2e-8f4a-7c3d-9e2f-%012d", i+1)
		ev.HLC = MakeTimestamp(1_763_900_000_000+int64(i), 0)
		var err error
		if link, err = SealEvent(&ev, testKey(1), link); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

func ring() KeyRing {
	r := KeyRing{}
	r.Add(DeskKey{Desk: "desk-3f", Pub: testKey(1).Public().(ed25519.PublicKey), Since: MakeTimestamp(1_763_900_000_000, 0)})
	return r
}

func TestAudit(t *testing.T) {
	tests := []struct {
		name  string
		feed  func([]Event) []Event
		wants []string // words each problem must hold, in order; none: whole
	}{
		{"in order", func(e []Event) []Event { return e }, nil},
		{"any order", func(e []Event) []Event { return []Event{e[4], e[1], e[0], e[3], e[2]} }, nil},
		{"one removed", func(e []Event) []Event { return []Event{e[0], e[1], e[3], e[4]} }, []string{"event 3 is missing"}},
		{"two removed", func(e []Event) []Event { return []Event{e[0], e[3], e[4]} }, []string{"events 2 to 3 are missing"}},
		{"body altered", func(e []Event) []Event {
			e[1].Body = json.RawMessage(`{"holder":"staff-099"}`)
			return e
		}, []string{"changed after it was written"}},
		{"replaced and re-sealed by its desk", func(e []Event) []Event {
			e[1].Body = json.RawMessage(`{"holder":"staff-099"}`)
			SealEvent(&e[1], testKey(1), ChainLink{N: 1, ID: e[0].ID, Hash: []byte("not the hash")})
			return e
		}, []string{"event 2 does not name event 1", "event 3 does not name event 2"}},
		{"forked", func(e []Event) []Event {
			f := e[2]
			f.ID = "01936b2e-8f4a-7c3d-9e2f-999999999999"
			SealEvent(&f, testKey(1), ChainLink{N: 2, ID: e[1].ID, Hash: mustLink(t, e[1]).Hash})
			return append(e, f)
		}, []string{"a second event numbered 3"}},
		{"signed by another desk's key", func(e []Event) []Event {
			SealEvent(&e[4], testKey(2), mustLink(t, e[3]))
			return e
		}, []string{"a key this desk never registered"}},
		{"seal stripped", func(e []Event) []Event {
			delete(e[4].Extra, SealField)
			return e
		}, []string{"no seal, though"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewAudit(ring())
			for _, ev := range tt.feed(chainOf(t, 5)) {
				a.Add(ev)
			}
			r := a.Report()
			if len(r.Problems) != len(tt.wants) {
				t.Fatalf("problems %v, want %d:\n%s", r.Problems, len(tt.wants), r)
			}
			for i, w := range tt.wants {
				if !strings.Contains(r.Problems[i].String(), w) {
					t.Errorf("problem %d = %q, want %q", i, r.Problems[i], w)
				}
			}
			if r.OK() != (len(tt.wants) == 0) || !strings.Contains(r.String(), "events checked") {
				t.Errorf("report:\n%s", r)
			}
		})
	}
}

func mustLink(t *testing.T, ev Event) ChainLink {
	_, link, err := CheckSeal(ev, nil)
	if err != nil {
		t.Fatal(err)
	}
	return link
}
