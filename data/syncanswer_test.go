package data_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
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
// may send (wire.MaxAnswerBytes) is read, decoded and stored whole, as
// sent and gzipped (the desk asks for gzip and ungzips it itself).
func TestDeskReadsAPullAnswerAtTheServersCap(t *testing.T) {
	const epoch = "e-1"
	ans, ids := answerOfSize(t, epoch, wire.MaxAnswerBytes)
	empty := []byte(`{"epoch":"` + epoch + `","events":[],"next":` + strconv.Itoa(len(ids)) + `,"more":false}`)
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			body := ans
			if gz {
				body = gzipped(t, ans)
			}
			var asked atomic.Bool
			hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if r.Method != http.MethodGet || r.URL.Query().Get("after") != "0" {
					time.Sleep(50 * time.Millisecond)
					w.Write(empty)
					return
				}
				asked.Store(strings.Contains(r.Header.Get("Accept-Encoding"), "gzip"))
				if gz {
					w.Header().Set("Content-Encoding", "gzip")
				}
				w.Write(body)
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
			if !asked.Load() {
				t.Error("the desk did not ask for a gzipped answer")
			}
			if st := c.Status(); st.Problem != data.ProblemNone {
				t.Fatalf("status = %+v", st)
			}
		})
	}
}

// gzipped is b gzipped, as the server sends a pull answer.
func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDeskRefusesAnAnswerThatUngzipsPastItsLimit: a gzipped answer of a
// few hundred kilobytes that ungzips past what the desk reads (four
// times the server's cap) is refused as it is read, the desk says so and
// stores nothing of it; answers under the limit still go through.
func TestDeskRefusesAnAnswerThatUngzipsPastItsLimit(t *testing.T) {
	const epoch = "e-1"
	limit := 4 * wire.MaxAnswerBytes
	bomb := gzipped(t, append([]byte(`{"epoch":"e-1","events":[`), bytes.Repeat([]byte(" "), limit)...))
	if len(bomb) > 1<<20 {
		t.Fatalf("the gzipped answer is %d bytes: not a bomb", len(bomb))
	}
	ans, ids := answerOfSize(t, epoch, 4096)
	empty := []byte(`{"epoch":"` + epoch + `","events":[],"next":` + strconv.Itoa(len(ids)) + `,"more":false}`)
	var bombs atomic.Int32
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodGet {
			w.Write([]byte(`{}`))
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		switch {
		case r.URL.Query().Get("after") != "0":
			time.Sleep(50 * time.Millisecond)
			w.Write(gzipped(t, empty))
		case bombs.Add(1) <= 2:
			w.Write(bomb)
		default:
			w.Write(gzipped(t, ans))
		}
	}))
	defer hs.Close()
	st := openDesk(t, "desk-a")
	c := startSync(t, st, data.SyncConfig{URL: hs.URL, Token: "fdt_x"})
	waitFor(t, "the desk to refuse the answer", time.Minute, func() bool {
		return strings.Contains(c.Status().LastError, fmt.Sprintf("answer over %d bytes", limit))
	})
	if hasEvent(st, ids[0]) {
		t.Fatal("an event was stored before the refused answers were done")
	}
	waitFor(t, "the next, smaller answer stored", time.Minute, func() bool { return hasEvent(st, ids[len(ids)-1]) })
}
