package data

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"floordesk/data/wire"
)

// TestWhatIsSetAside: only a refusal of one event's content sets it aside
// (named by the server, or the batch's only event); a refusal of the
// request, a full disk, a clock ahead or a network failure set nothing
// aside, so a bug or an outage never empties the outbox.
func TestWhatIsSetAside(t *testing.T) {
	one := []wire.Event{{ID: "e1"}}
	two := []wire.Event{{ID: "e1"}, {ID: "e2"}}
	refusal := func(status int, code, event string) error {
		return fmt.Errorf("push: %w", &ServerError{Status: status, Body: wire.ErrorBody{Code: code, Event: event, Message: "m"}})
	}
	for _, tc := range []struct {
		name    string
		err     error
		batch   []wire.Event
		aside   string // the event set aside; "" none
		unnamed bool
	}{
		{"conflict named", refusal(http.StatusConflict, wire.ErrCodeConflict, "e2"), two, "e2", false},
		{"invalid event named", refusal(http.StatusBadRequest, wire.ErrCodeInvalidEvent, "e1"), two, "e1", false},
		{"event too large named", refusal(http.StatusRequestEntityTooLarge, wire.ErrCodeTooLarge, "e2"), two, "e2", false},
		{"too large, one event", refusal(http.StatusRequestEntityTooLarge, wire.ErrCodeTooLarge, ""), one, "e1", true},
		{"too large, unnamed in a batch", refusal(http.StatusRequestEntityTooLarge, wire.ErrCodeTooLarge, ""), two, "", true},
		{"named event not in the batch", refusal(http.StatusConflict, wire.ErrCodeConflict, "e9"), two, "", false},
		{"bad request", refusal(http.StatusBadRequest, wire.ErrCodeBadRequest, ""), one, "", false},
		{"clock ahead", refusal(http.StatusUnprocessableEntity, wire.ErrCodeClockAhead, "e1"), one, "", false},
		{"server disk full", refusal(http.StatusInsufficientStorage, wire.ErrCodeDiskFull, ""), one, "", false},
		{"server failed", refusal(http.StatusInternalServerError, wire.ErrCodeInternal, ""), one, "", false},
		{"unauthorized", ErrUnauthorized, one, "", false},
		{"network", errors.New("connection refused"), one, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id, reason, ok := refusedForGood(tc.err, tc.batch)
			if id != tc.aside || ok != (tc.aside != "") || (ok && reason == "") {
				t.Errorf("refusedForGood = %q, %q, %v; want %q", id, reason, ok, tc.aside)
			}
			if got := refusedUnnamed(tc.err); got != tc.unnamed {
				t.Errorf("refusedUnnamed = %v, want %v", got, tc.unnamed)
			}
		})
	}
}

// TestRequeueSendsWhatWasSetAside: a server restored from a backup gets
// every event again, those set aside too (it may take them), and none is
// left both set aside and waiting.
func TestRequeueSendsWhatWasSetAside(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	defer s.Close()
	a, b := mustAppend(t, s, "k1"), mustAppend(t, s, "k2")
	if err := s.SetAside(a.ID, "refused"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OutboxLen(); n != 1 {
		t.Fatalf("outbox %d after setting one of two aside", n)
	}
	if err := s.Requeue("epoch-2"); err != nil {
		t.Fatal(err)
	}
	aside, _ := s.SetAsideLen()
	out, err := s.Outbox(10)
	if err != nil || aside != 0 || len(out) != 2 || out[0].ID != a.ID || out[1].ID != b.ID {
		t.Fatalf("after requeue: %d set aside, outbox %v (%v)", aside, out, err)
	}
}
