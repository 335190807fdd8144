package storetest

import (
	"bytes"
	"crypto/ed25519"
	"strings"
	"testing"

	"floordesk/data/wire"
	"floordesk/server"
)

// Alter changes the stored bytes of the event with ID id behind the
// store's back, as someone with the database could.
type Alter func(t *testing.T, id string, change func(raw []byte) []byte)

// VerifyCatchesAlteredEvents stores two desks' sealed chains in s, checks
// that server.Verify finds them whole, then changes one stored event with
// alter and wants Verify to name it.
func VerifyCatchesAlteredEvents(t *testing.T, s server.Store, alter Alter) {
	t.Helper()
	var linkA, linkB wire.ChainLink
	keyA, keyB := NewKey(1), NewKey(2)
	for desk, key := range map[string]ed25519.PrivateKey{"desk-a": keyA, "desk-b": keyB} {
		addCode(t, s, "code-"+desk, "hotel")
		if _, err := s.Enroll(ctx(t), "code-"+desk, desk, "token-"+desk, t0); err != nil {
			t.Fatal(err)
		}
		if err := s.AddDeskKey(ctx(t), wire.DeskKey{Desk: desk, Pub: pubOf(key), Since: 1}); err != nil {
			t.Fatal(err)
		}
	}
	a := SealEvents("desk-a", keyA, &linkA, 5, 40)
	mustAppend(t, s, "hotel", a)
	mustAppend(t, s, "hotel", SealEvents("desk-b", keyB, &linkB, 5, 40))
	if rep := verify(t, s); !rep.OK() || len(rep.Chains) != 2 {
		t.Fatalf("before any change:\n%s", rep)
	}

	alter(t, a[2].Event.ID, func(raw []byte) []byte {
		return bytes.Replace(raw, []byte(`"actor":"staff-1"`), []byte(`"actor":"staff-2"`), 1)
	})
	rep := verify(t, s)
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].String(), "event "+a[2].Event.ID+": its content does not match its seal") {
		t.Fatalf("after changing event 3 of desk-a:\n%s", rep)
	}
}

func verify(t *testing.T, s server.Store) wire.AuditReport {
	t.Helper()
	rep, err := server.Verify(ctx(t), s)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
