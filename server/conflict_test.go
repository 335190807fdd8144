package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"floordesk/data/pkey"
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

// TestPlainRepushOfAnErasedEvent: once an erasure has removed a guest's
// fields from an event the server holds, a desk that still has the plain
// copy and pushes it again (after a restore, say) is answered with a
// duplicate and the server keeps its erased copy; a copy changed in
// anything else is still a conflict; and an erasure naming another
// record's event erases nothing. On either store.
func TestPlainRepushOfAnErasedEvent(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		tok := e.enroll("hotel", "desk-a")
		report := wire.EntityRef{Kind: "lostreport", ID: "r1"}
		plain := eventWith(func(x *wire.Event) {
			x.Entity, x.Type, x.Body = report, "lostreport.filed", []byte(`{"guest":"陈晓燕","contact":"13912345678","room":"302"}`)
		})
		other := eventWith(func(x *wire.Event) {
			x.Entity, x.Type, x.Body = wire.EntityRef{Kind: "lostreport", ID: "r2"}, "lostreport.filed", []byte(`{"guest":"王芳","room":"303"}`)
		})
		e.push(tok, []server.Pushed{plain, other})
		erasure := eventWith(func(x *wire.Event) {
			x.Entity, x.Type = report, pkey.TypeFieldsErased
			x.Body, _ = json.Marshal(pkey.FieldsErased{Events: []pkey.ErasedEvent{
				{ID: plain.Event.ID, Fields: []string{"guest", "contact"}}, {ID: other.Event.ID, Fields: []string{"guest"}}}})
		})
		e.push(tok, []server.Pushed{erasure})
		holds := func(s string) bool {
			for _, rec := range serverEvents(t, e) {
				if bytes.Contains(rec.Raw, []byte(s)) {
					return true
				}
			}
			return false
		}
		if holds("13912345678") || !holds(`"room":"302"`) || !holds("王芳") {
			t.Fatal("the erasure should remove the guest's fields from its own record's event, and nothing else")
		}
		if res := e.push(tok, []server.Pushed{plain}); res.Duplicates != 1 || res.Stored != 0 || holds("13912345678") {
			t.Fatalf("the plain re-push = %+v; the server holds the phone again: %v", res, holds("13912345678"))
		}
		changed := eventWith(func(x *wire.Event) {
			*x = plain.Event
			x.Body = bytes.Replace(plain.Event.Body, []byte("302"), []byte("303"), 1)
		})
		var body wire.ErrorBody
		decodeAs(t, e.do("POST", "/v1/events", tok, pushBody([]server.Pushed{changed}), nil), http.StatusConflict, &body)
		if body.Code != wire.ErrCodeConflict {
			t.Fatalf("a changed copy of an erased event: %+v", body)
		}
	})
}
