package soak

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
)

// mangler is the bad desk's transport: it replaces the body of its sync
// client's first pushes with a malformed or oversized batch, as a buggy
// desk would send. The server refuses each; the desk's status must say so,
// and the desk's own events go through once the mangling stops.
type mangler struct {
	next    http.RoundTripper
	left    atomic.Int32 // pushes still to mangle
	mangled atomic.Int32
}

func (m *mangler) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodPost || req.URL.Path != "/v1/events" || m.left.Add(-1) < 0 {
		return m.next.RoundTrip(req)
	}
	n := m.mangled.Add(1)
	body := manglings[int(n-1)%len(manglings)]()
	if req.Body != nil {
		req.Body.Close()
	}
	bad := req.Clone(req.Context())
	bad.Body, bad.ContentLength, bad.GetBody = io.NopCloser(bytes.NewReader(body)), int64(len(body)), nil
	bad.Header.Del("Content-Encoding")
	return m.next.RoundTrip(bad)
}

// manglings are the bodies the mangler sends instead of a push.
var manglings = []func() []byte{
	func() []byte { return []byte(`{"events":[{"id":"`) },
	func() []byte { return pushBody(badEvent(func(e *wire.Event) { e.Type = "key\nsigned_out" })) },
	func() []byte { return pushBody(bigEvent(wire.MaxBodyBytes + 1)) },
}

// badEvent is a new event of the bad desk, made bad by spoil.
func badEvent(spoil func(*wire.Event)) []byte {
	ev := wire.Event{
		ID: data.NewEventID(), HLC: wire.MakeTimestamp(time.Now().UnixMilli(), 0), Desk: "desk-bad",
		Actor: "staff-bad", Entity: wire.EntityRef{Kind: "key", ID: "key-0"}, Type: "key.signed_out",
		Version: 1, Body: json.RawMessage(smallBody),
	}
	spoil(&ev)
	raw, err := ev.Encode()
	if err != nil {
		panic(err)
	}
	return raw
}

// pushBody is a push of raws as they are (json.Marshal would check and
// compact each again).
func pushBody(raws ...[]byte) []byte {
	return slices.Concat([]byte(`{"events":[`), bytes.Join(raws, []byte(",")), []byte(`]}`))
}

// smallBody is the body of every bad event: bigEvent puts a big one in
// its place, without encoding megabytes (slow under the race detector).
const smallBody = `{"bad":true}`

// bigEvent is a new event of the bad desk with a body (a JSON string) of
// n bytes.
func bigEvent(n int) []byte {
	raw := badEvent(func(*wire.Event) {})
	big := `"` + strings.Repeat("x", n-2) + `"`
	return bytes.Replace(raw, []byte(smallBody), []byte(big), 1)
}

// gzipBomb is a push that gzips to a few kilobytes and reads as more than
// the 8 MiB a push may hold: the server stops reading past the limit.
var gzipBomb = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write([]byte(`{"events":["`))
	chunk := bytes.Repeat([]byte("x"), 64<<10)
	for range wire.DefaultMaxBodyBytes/len(chunk) + 1 {
		zw.Write(chunk)
	}
	zw.Write([]byte(`"]}`))
	zw.Close()
	return buf.Bytes()
})

// rawPush is one bad push the bad desk sends itself, with its token, and
// the answer it must get.
type rawPush struct {
	name string
	// body is the push; acked is the last event the server acknowledged
	// to the bad desk, nil while there is none.
	body   func(acked *wire.Event) (body []byte, ids []string, gzipped bool)
	status int
}

// rawPushes are sent in turn, over and over, while the soak runs.
var rawPushes = []rawPush{
	{"malformed JSON", func(*wire.Event) ([]byte, []string, bool) {
		return []byte(`{"events":[{"id":"x",}]}`), nil, false
	}, http.StatusBadRequest},
	{"body over 1 MiB", func(*wire.Event) ([]byte, []string, bool) {
		raw := bigEvent(wire.MaxBodyBytes + 1)
		return pushBody(raw), idsOf(raw), false
	}, http.StatusRequestEntityTooLarge},
	{"name over 256 bytes", oneBad(func(e *wire.Event) { e.Entity.ID = strings.Repeat("k", wire.MaxNameBytes+1) }), http.StatusRequestEntityTooLarge},
	{"control character", oneBad(func(e *wire.Event) { e.Actor = "staff\x00bad" }), http.StatusBadRequest},
	{"not UTF-8", func(*wire.Event) ([]byte, []string, bool) {
		raw := badEvent(func(e *wire.Event) { e.Body = json.RawMessage(`"` + "\xff\xfe" + `"`) })
		return pushBody(raw), idsOf(raw), false
	}, http.StatusBadRequest},
	{"clock an hour ahead", oneBad(func(e *wire.Event) {
		e.HLC = wire.MakeTimestamp(time.Now().Add(time.Hour).UnixMilli(), 0)
	}), 422},
	{"a good event beside a bad one", func(*wire.Event) ([]byte, []string, bool) {
		good := badEvent(func(*wire.Event) {})
		bad := badEvent(func(e *wire.Event) { e.Version = 0 })
		return pushBody(good, bad), idsOf(good, bad), false
	}, http.StatusBadRequest},
	{"1,001 events", func(*wire.Event) ([]byte, []string, bool) {
		var raws [][]byte
		for range wire.DefaultMaxBatch + 1 {
			raws = append(raws, badEvent(func(*wire.Event) {}))
		}
		return pushBody(raws...), idsOf(raws...), false
	}, http.StatusRequestEntityTooLarge},
	{"gzip bomb past 8 MiB", func(*wire.Event) ([]byte, []string, bool) {
		return gzipBomb(), nil, true
	}, http.StatusRequestEntityTooLarge},
	{"an acknowledged event changed", func(acked *wire.Event) ([]byte, []string, bool) {
		if acked == nil {
			return nil, nil, false
		}
		changed := *acked // sealed by the desk: the seal no longer matches
		changed.Body = json.RawMessage(`{"changed":true}`)
		raw, err := changed.Encode()
		if err != nil {
			panic(err)
		}
		return pushBody(raw), nil, false // its ID is stored: with its own content
	}, http.StatusConflict},
}

func oneBad(spoil func(*wire.Event)) func(*wire.Event) ([]byte, []string, bool) {
	return func(*wire.Event) ([]byte, []string, bool) {
		raw := badEvent(spoil)
		return pushBody(raw), idsOf(raw), false
	}
}

// idsOf reads the IDs of events encoded by Event.Encode, which writes
// the ID first (decoding a megabyte is slow under the race detector).
func idsOf(raws ...[]byte) []string {
	var ids []string
	for _, r := range raws {
		rest, ok := bytes.CutPrefix(r, []byte(`{"id":"`))
		id, _, found := bytes.Cut(rest, []byte(`"`))
		if !ok || !found {
			panic(fmt.Sprintf("no ID first in %.100q", r))
		}
		ids = append(ids, string(id))
	}
	return ids
}

// badPusher sends rawPushes with the bad desk's token and keeps what
// happened.
type badPusher struct {
	url, token string
	hc         *http.Client

	mu      sync.Mutex
	sent    map[string]int // pushes sent, by name
	refused map[string]int // answers as wanted, by push
	unmet   map[string]int // pushes that met a stopped server, by push
	down    int            // pushes that met a stopped server
	wrong   []string       // answers other than wanted
	carried []string       // IDs of the new events the pushes carried
}

func newBadPusher(url, token string) *badPusher {
	return &badPusher{url: url, token: token, hc: &http.Client{Timeout: 30 * time.Second},
		sent: map[string]int{}, refused: map[string]int{}, unmet: map[string]int{}}
}

// send sends p and judges the answer.
func (b *badPusher) send(ctx context.Context, p rawPush, acked *wire.Event) {
	body, ids, gz := p.body(acked)
	if body == nil {
		return
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.url+"/v1/events", bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Authorization", "Bearer "+b.token)
	req.Header.Set("Content-Type", "application/json")
	if gz {
		req.Header.Set("Content-Encoding", "gzip")
	}
	resp, err := b.hc.Do(req)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sent[p.name]++
	b.carried = append(b.carried, ids...)
	if err != nil {
		b.down++ // the server was stopped or stopping, or the run ended: nothing to judge
		b.unmet[p.name]++
		return
	}
	defer resp.Body.Close()
	var eb wire.ErrorBody
	json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&eb)
	if resp.StatusCode == p.status && eb.Code != "" {
		b.refused[p.name]++
		return
	}
	b.wrong = append(b.wrong, fmt.Sprintf("%s: %d %s (want %d)", p.name, resp.StatusCode, eb.Message, p.status))
}

// lastAcked is the last event of d the server acknowledged, as d holds
// it (sealed); nil while there is none.
func (d *desk) lastAcked() *wire.Event {
	acked, err := d.acked()
	if err != nil || len(acked) == 0 {
		return nil
	}
	ev, err := d.store.Get(acked[len(acked)-1])
	if err != nil {
		return nil
	}
	return &ev
}

// run sends the pushes in turn, one every 50 to 150 ms, until ctx is done
// or it has sent max.
func (b *badPusher) run(ctx context.Context, bad *desk, max int) {
	for i := 0; i < max && ctx.Err() == nil; i++ {
		b.send(ctx, rawPushes[i%len(rawPushes)], bad.lastAcked())
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(50+i%100) * time.Millisecond):
		}
	}
}
