// Package storetest is the contract every server.Store must meet, as one
// test suite that each backend runs against itself:
//
//	func TestContract(t *testing.T) { storetest.Run(t, newStore) }
package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"floordesk/data/wire"
	"floordesk/server"
)

// Run runs the whole contract against stores made by newStore. Each call of
// newStore must return a fresh, empty store; Run closes it.
func Run(t *testing.T, newStore func(t *testing.T) server.Store) {
	open := func(t *testing.T) server.Store {
		t.Helper()
		s := newStore(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	tests := []struct {
		name string
		fn   func(t *testing.T, s server.Store)
	}{
		{"AppendAssignsSequence", testAppendAssignsSequence},
		{"SinceLimitAndCursor", testSinceLimitAndCursor},
		{"SinceByteBudget", testSinceByteBudget},
		{"AppendIsIdempotent", testAppendIsIdempotent},
		{"AppendConflict", testAppendConflict},
		{"RawKeptByteForByte", testRawKeptByteForByte},
		{"PropertiesAreSeparate", testPropertiesAreSeparate},
		{"Epoch", testEpoch},
		{"Enrolment", testEnrolment},
		{"EnrolmentRefusals", testEnrolmentRefusals},
		{"Revoke", testRevoke},
		{"RestoredSignsEveryoneOut", testRestoredSignsEveryoneOut},
		{"ConcurrentPushersAndPullers", testConcurrent},
		{"SameEventsTwoPropertiesAtOnce", testSameEventsTwoPropertiesAtOnce},
		{"Erase", testErase},
		{"PendingErasures", testPendingErasures},
		{"AppendFindsPendingErasures", testAppendFindsPending},
		{"AppendRacesPendingErasure", testAppendRacesPending},
		{"DeskKeys", testDeskKeys},
		{"EventByID", testEventByID},
		{"GroupGrant", testGroupGrant},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// NewEvent makes a valid event of type typ by desk, with a body of about
// bodyBytes bytes, ready to append.
func NewEvent(desk, typ string, bodyBytes int) server.Pushed {
	id, err := uuid.NewV7()
	if err != nil {
		panic(err)
	}
	ev := wire.Event{
		ID:      id.String(),
		HLC:     wire.MakeTimestamp(time.Now().UnixMilli(), 0),
		Desk:    desk,
		Actor:   "staff-1",
		Entity:  wire.EntityRef{Kind: "key", ID: "F3-MASTER"},
		Type:    typ,
		Version: 1,
		Body:    []byte(fmt.Sprintf(`{"note":%q}`, filler(bodyBytes))),
	}
	raw, err := ev.Encode()
	if err != nil {
		panic(err)
	}
	return server.Pushed{Event: ev, Raw: raw}
}

// NewEvents makes n events with NewEvent.
func NewEvents(desk string, n, bodyBytes int) []server.Pushed {
	evs := make([]server.Pushed, n)
	for i := range evs {
		evs[i] = NewEvent(desk, "key.signed_out", bodyBytes)
	}
	return evs
}

func filler(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return string(b)
}

func ctx(t *testing.T) context.Context { return t.Context() }

// counted is what an AppendResult counts, comparable with ==.
type counted struct {
	Stored, Duplicates int
	LastSeq            uint64
}

func counts(r server.AppendResult) counted { return counted{r.Stored, r.Duplicates, r.LastSeq} }

func mustAppend(t *testing.T, s server.Store, property string, evs []server.Pushed) server.AppendResult {
	t.Helper()
	res, err := s.Append(ctx(t), property, evs)
	if err != nil {
		t.Fatalf("append: %v", err)
	}
	return res
}

func mustSince(t *testing.T, s server.Store, property string, after uint64, limit int) []server.Record {
	t.Helper()
	recs, err := s.Since(ctx(t), property, after, limit, noByteLimit)
	if err != nil {
		t.Fatalf("since: %v", err)
	}
	return recs
}

// noByteLimit is a Since byte budget no test reaches.
const noByteLimit = 1 << 30
