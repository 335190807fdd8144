package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// TestPullAnswersStayWithinTheirByteCap: events at the body cap, more
// than one answer can hold, come in answers of at most wire.MaxAnswerBytes
// each, none lost, on either store. (A desk once pushed events of
// megabytes and a pull answer grew past what any desk would read.)
func TestPullAnswersStayWithinTheirByteCap(t *testing.T) {
	const n = 20
	evs := make([]server.Pushed, n)
	for i := range evs {
		evs[i] = eventWith(func(e *wire.Event) { e.Body = jsonString(wire.MaxBodyBytes) })
	}
	roomy := func(c *server.Config) { c.MaxBodyBytes = 6 * wire.MaxEventBytes }
	onEachStore(t, roomy, func(t *testing.T, e *env) {
		tok := e.enroll("hotel", "desk-a")
		for i := 0; i < n; i += 5 {
			e.push(tok, evs[i:i+5])
		}
		var got []wire.PullEvent
		cursor, answers := uint64(0), 0
		for len(got) < n && answers < n {
			resp := e.do("GET", "/v1/events?wait=0&limit="+strconv.Itoa(wire.MaxPullLimit)+"&after="+strconv.FormatUint(cursor, 10), tok, nil, nil)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("pull: status %d: %.200s", resp.StatusCode, b)
			}
			if len(b) > wire.MaxAnswerBytes {
				t.Fatalf("answer of %d bytes, over the cap of %d", len(b), wire.MaxAnswerBytes)
			}
			var ans wire.PullResponse
			if err := json.Unmarshal(b, &ans); err != nil {
				t.Fatal(err)
			}
			got = append(got, ans.Events...)
			if ans.More != (len(got) < n) {
				t.Fatalf("answer %d: more = %v with %d of %d events", answers, ans.More, len(got), n)
			}
			cursor = ans.Next
			answers++
		}
		if len(got) != n || answers < 2 {
			t.Fatalf("%d events in %d answers, want %d in at least 2", len(got), answers, n)
		}
		for i, pe := range got {
			if pe.Seq != uint64(i+1) {
				t.Fatalf("event %d has seq %d", i, pe.Seq)
			}
		}
	})
}

// TestOneLargeEventAlwaysFitsAnAnswer: a pull asking for one event at a
// time still gets each, even at the body cap.
func TestOneLargeEventAlwaysFitsAnAnswer(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MaxBodyBytes = 2 * wire.MaxEventBytes })
	tok := e.enroll("hotel", "desk-a")
	big := eventWith(func(e *wire.Event) { e.Body = jsonString(wire.MaxBodyBytes) })
	e.push(tok, []server.Pushed{big, storetest.NewEvent("desk-a", "key.signed_out", 10)})
	ans := e.pull(tok, "after=0&wait=0&limit=1")
	if len(ans.Events) != 1 || !ans.More || ans.Next != 1 {
		t.Fatalf("pull = %d events, next %d, more %v", len(ans.Events), ans.Next, ans.More)
	}
}
