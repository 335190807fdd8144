package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// TestPushFromTheFutureIsRefused: an event whose clock is at most
// MaxClockAhead ahead of the server's is stored; one a millisecond further
// (a desk PC with its date wrong) is refused with 422 and the server's
// time, and nothing of its batch is stored.
func TestPushFromTheFutureIsRefused(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) server.Pushed {
		return eventWith(func(e *wire.Event) { e.HLC = wire.MakeTimestamp(now.Add(d).UnixMilli(), 7) })
	}
	onEachStore(t, func(c *server.Config) { c.Now = func() time.Time { return now } }, func(t *testing.T, e *env) {
		tok := e.enroll("hotel", "desk-a")
		tests := []struct {
			name   string
			ahead  time.Duration
			status int
		}{
			{"behind", -48 * time.Hour, http.StatusOK},
			{"at the limit", wire.MaxClockAhead, http.StatusOK},
			{"a millisecond beyond", wire.MaxClockAhead + time.Millisecond, http.StatusUnprocessableEntity},
			{"years ahead", 3 * 365 * 24 * time.Hour, http.StatusUnprocessableEntity},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				before := e.lastSeq("hotel")
				ev := at(tc.ahead)
				batch := []server.Pushed{storetest.NewEvent("desk-a", "key.signed_out", 10), ev}
				batch[0].Event.HLC = wire.MakeTimestamp(now.UnixMilli(), 0)
				batch[0].Raw, _ = batch[0].Event.Encode()
				resp := e.do("POST", "/v1/events", tok, pushBody(batch), nil)
				if tc.status == http.StatusOK {
					decodeAs(t, resp, http.StatusOK, nil)
					return
				}
				var body wire.ErrorBody
				decodeAs(t, resp, tc.status, &body)
				if body.Code != wire.ErrCodeClockAhead || body.Event != ev.Event.ID || body.Field != "events[1].hlc" ||
					!body.ServerTime.Equal(now) || !strings.Contains(body.Message, "2026-11-23T09:00:00Z") {
					t.Errorf("refusal = %+v", body)
				}
				if got := e.lastSeq("hotel"); got != before {
					t.Fatalf("a refused push stored %d events", got-before)
				}
			})
		}
	})
}
