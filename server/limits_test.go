package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// eventWith is a valid event by desk-a with edit applied, encoded as a
// desk would send it.
func eventWith(edit func(*wire.Event)) server.Pushed {
	p := storetest.NewEvent("desk-a", "key.signed_out", 10)
	edit(&p.Event)
	raw, err := p.Event.Encode()
	if err != nil {
		panic(err)
	}
	raw = bytes.ReplaceAll(raw, []byte(badUTF8), []byte{0xff})
	return server.Pushed{Event: p.Event, Raw: raw}
}

// decodeAs is env.decode failing test t (a subtest) rather than env's.
func decodeAs(t *testing.T, resp *http.Response, status int, v any) {
	t.Helper()
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, status, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("decode %.300s: %v", b, err)
		}
	}
}

// badUTF8 stands for a byte that is not UTF-8: encoding/json would send
// it as U+FFFD, so eventWith puts the raw byte back in the encoding.
const badUTF8 = "\u2603bad"

func jsonString(n int) json.RawMessage {
	return json.RawMessage(`"` + strings.Repeat("a", n-2) + `"`)
}

// TestPushHoldsEventsToTheLimits: at each limit an event is stored; beyond
// it the whole push is refused, naming the event and the field, and
// nothing of the batch is stored, on either store.
func TestPushHoldsEventsToTheLimits(t *testing.T) {
	at := strings.Repeat("x", wire.MaxNameBytes)
	cases := []struct {
		name   string
		edit   func(*wire.Event)
		status int    // 200 when stored
		field  string // the field named in a refusal, after "events[1]."
	}{
		{"names at the limit", func(e *wire.Event) {
			e.Entity.Kind, e.Entity.ID, e.Type, e.Actor = at, at, at, at
		}, 200, ""},
		{"body at the limit", func(e *wire.Event) { e.Body = jsonString(wire.MaxBodyBytes) }, 200, ""},
		{"entity kind over", func(e *wire.Event) { e.Entity.Kind = at + "x" }, 413, "entity.kind"},
		{"entity id over", func(e *wire.Event) { e.Entity.ID = at + "x" }, 413, "entity.id"},
		{"type over", func(e *wire.Event) { e.Type = at + "x" }, 413, "type"},
		{"desk over", func(e *wire.Event) { e.Desk = at + "x" }, 413, "desk"},
		{"actor over", func(e *wire.Event) { e.Actor = at + "x" }, 413, "actor"},
		{"body over", func(e *wire.Event) { e.Body = jsonString(wire.MaxBodyBytes + 1) }, 413, "body"},
		{"extras over", func(e *wire.Event) {
			e.Extra = map[string]json.RawMessage{"sig": jsonString(wire.MaxExtraBytes)}
		}, 413, "extra"},
		{"NUL in entity id", func(e *wire.Event) { e.Entity.ID = "F3\x00" }, 400, "entity.id"},
		{"tab in entity id", func(e *wire.Event) { e.Entity.ID = "F3\tMASTER" }, 400, "entity.id"},
		{"line break in type", func(e *wire.Event) { e.Type = "key.signed_out\r\n" }, 400, "type"},
		{"escape in desk", func(e *wire.Event) { e.Desk = "desk\x1b[2J" }, 400, "desk"},
		{"control character in actor", func(e *wire.Event) { e.Actor = "staff\u009b" }, 400, "actor"},
		{"kind not UTF-8 (named as the whole event)", func(e *wire.Event) { e.Entity.Kind = "key" + badUTF8 }, 400, ""},
	}
	big := func(c *server.Config) { c.MaxBodyBytes = 4 << 20 }
	onEachStore(t, big, func(t *testing.T, e *env) {
		tok := e.enroll("hotel", "desk-a")
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := e.lastSeq("hotel")
				bad := eventWith(tc.edit)
				batch := []server.Pushed{storetest.NewEvent("desk-a", "key.signed_out", 10), bad}
				resp := e.do("POST", "/v1/events", tok, pushBody(batch), nil)
				if tc.status == http.StatusOK {
					decodeAs(t, resp, http.StatusOK, nil)
					if got := e.lastSeq("hotel"); got != before+2 {
						t.Fatalf("stored %d events, want 2", got-before)
					}
					return
				}
				var body wire.ErrorBody
				decodeAs(t, resp, tc.status, &body)
				want := "events[1]"
				if tc.field != "" {
					want += "." + tc.field
				}
				if body.Field != want || body.Event != bad.Event.ID ||
					!strings.Contains(body.Message, bad.Event.ID) || !strings.Contains(body.Message, "events[1]: "+tc.field) {
					t.Errorf("refusal = %+v, want field %s naming event %s", body, want, bad.Event.ID)
				}
				if got := e.lastSeq("hotel"); got != before {
					t.Fatalf("a refused push stored %d events", got-before)
				}
			})
		}
	})
}
