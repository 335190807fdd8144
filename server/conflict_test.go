package server_test

import (
	"net/http"
	"strings"
	"testing"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// TestPushOfAChangedEventIsAConflict: an event ID pushed again with other
// content gets 409 naming the event, and nothing of the batch is stored;
// the identical event again is a harmless duplicate. On either store.
func TestPushOfAChangedEventIsAConflict(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		tok := e.enroll("hotel", "desk-a")
		ev := storetest.NewEvent("desk-a", "key.signed_out", 20)
		e.push(tok, []server.Pushed{ev})
		changed := eventWith(func(x *wire.Event) { *x = ev.Event; x.Body = []byte(`{"note":"forged"}`) })
		for name, batch := range map[string][]server.Pushed{
			"against the store": {storetest.NewEvent("desk-a", "key.signed_out", 20), changed},
			"inside one batch":  {storetest.NewEvent("desk-a", "key.signed_out", 20), changed, changed, ev},
		} {
			var body wire.ErrorBody
			decodeAs(t, e.do("POST", "/v1/events", tok, pushBody(batch), nil), http.StatusConflict, &body)
			if body.Code != wire.ErrCodeConflict || body.Event != ev.Event.ID || !strings.Contains(body.Message, ev.Event.ID) {
				t.Errorf("%s: refusal = %+v, want a conflict naming %s", name, body, ev.Event.ID)
			}
			if n := e.lastSeq("hotel"); n != 1 {
				t.Fatalf("%s: a refused push left %d events", name, n)
			}
		}
		if res := e.push(tok, []server.Pushed{ev}); res.Duplicates != 1 || res.Stored != 0 {
			t.Fatalf("identical re-push = %+v", res)
		}
	})
}
