package data_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
)

// answerOfSize builds a pull answer in the server's own form, of exactly
// size bytes, of 17 events under the body cap.
func answerOfSize(t *testing.T, epoch string, size int) ([]byte, []string) {
	t.Helper()
	const k = 17
	evs := make([]wire.Event, k)
	ids := make([]string, k)
	for i := range evs {
		evs[i] = wire.Event{ID: data.NewEventID(), HLC: wire.MakeTimestamp(time.Now().UnixMilli(), uint16(i)), Desk: "desk-x", Actor: "s",
			Entity: wire.EntityRef{Kind: "key", ID: "K" + strconv.Itoa(i)}, Type: "key.noted", Version: 1}
		ids[i] = evs[i].ID
	}
	build := func(bodies []int) []byte {
		var b bytes.Buffer
		b.WriteString(`{"epoch":` + strconv.Quote(epoch) + `,"events":[`)
		for i, ev := range evs {
			ev.Body = json.RawMessage(`"` + strings.Repeat("a", bodies[i]-2) + `"`)
			raw, err := ev.Encode()
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"seq":` + strconv.Itoa(i+1) + `,"event":`)
			b.Write(raw)
			b.WriteByte('}')
		}
		b.WriteString(`],"next":` + strconv.Itoa(k) + `,"more":false}` + "\n")
		return b.Bytes()
	}
	bodies := make([]int, k)
	for i := range bodies {
		bodies[i] = 950_000
	}
	diff := size - len(build(bodies))
	for i := range bodies {
		bodies[i] += diff / k
	}
	bodies[k-1] += diff % k
	ans := build(bodies)
	if len(ans) != size || bodies[k-1] > wire.MaxBodyBytes {
		t.Fatalf("built an answer of %d bytes, want %d", len(ans), size)
	}
	return ans, ids
}

// TestDeskReadsAPullAnswerAtTheServersCap: the largest answer the server
// may send (wire.MaxAnswerBytes) is read, decoded and stored whole.
func TestDeskReadsAPullAnswerAtTheServersCap(t *testing.T) {
	const epoch = "e-1"
	ans, ids := answerOfSize(t, epoch, wire.MaxAnswerBytes)
	empty := []byte(`{"epoch":"` + epoch + `","events":[],"next":` + strconv.Itoa(len(ids)) + `,"more":false}`)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodGet || r.URL.Query().Get("after") != "0" {
			time.Sleep(50 * time.Millisecond)
			w.Write(empty)
			return
		}
		w.Write(ans)
	}))
	defer hs.Close()
	st := openDesk(t, "desk-a")
	c := startSync(t, st, data.SyncConfig{URL: hs.URL, Token: "fdt_x"})
	waitFor(t, "every event of the answer stored", 3*time.Minute, func() bool { return hasEvent(st, ids[len(ids)-1]) })
	for _, id := range ids {
		if !hasEvent(st, id) {
			t.Fatalf("event %s missing", id)
		}
	}
	if st := c.Status(); st.Problem != data.ProblemNone {
		t.Fatalf("status = %+v", st)
	}
}
