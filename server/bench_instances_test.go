package server_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server/pgstore/pgtest"
)

// BenchmarkInstancePropagation measures how long an event appended at one
// desk takes to be stored and folded at another desk that syncs through
// another server on the same PostgreSQL (three servers run), beside a
// desk syncing through the same server as the writer, for the same event
// in the same run. Pulls are held up to 20 s: an event arrives sooner only
// when the push wakes them. Reported: p50-ms and p95-ms across, ref-p50-ms
// and ref-p95-ms on the same server.
func BenchmarkInstancePropagation(b *testing.B) {
	db := pgtest.NewDB(b)
	instances := []*instance{startInstance(b, db, "127.0.0.1:0"), startInstance(b, db, "127.0.0.1:0"), startInstance(b, db, "127.0.0.1:0")}
	url := func(i int) string { return "http://" + instances[i].addr }
	st := instances[0].store
	from := benchDesk(b, st, url(0), "desk-writer")
	same := benchDesk(b, st, url(0), "desk-same")
	across := benchDesk(b, st, url(1), "desk-across")
	benchDesk(b, st, url(2), "desk-third") // the third server holds a pull too
	subSame, subAcross := same.Subscribe(), across.Subscribe()
	defer subSame.Close()
	defer subAcross.Close()
	var latSame, latAcross []time.Duration
	for i := 0; b.Loop(); i++ {
		ref := wire.EntityRef{Kind: "key", ID: fmt.Sprintf("K%d", i)}
		start := time.Now()
		if _, err := from.Append(wire.Event{Actor: "s", Entity: ref, Type: "key.signed_out", Body: json.RawMessage(`{"x":1}`)}); err != nil {
			b.Fatal(err)
		}
		s, a := waitBoth(b, subSame, subAcross, ref, start)
		latSame, latAcross = append(latSame, s), append(latAcross, a)
	}
	b.ReportMetric(pct(latAcross, 50), "p50-ms")
	b.ReportMetric(pct(latAcross, 95), "p95-ms")
	b.ReportMetric(pct(latSame, 50), "ref-p50-ms")
	b.ReportMetric(pct(latSame, 95), "ref-p95-ms")
}

// waitBoth waits for ref to arrive at both desks and returns when each had
// it, counted from start.
func waitBoth(b *testing.B, one, two *data.Subscription, ref wire.EntityRef, start time.Time) (time.Duration, time.Duration) {
	var d1, d2 time.Duration
	timeout := time.After(10 * time.Second)
	for d1 == 0 || d2 == 0 {
		select {
		case <-one.Ready():
			if slices.Contains(one.Next(), ref) {
				d1 = time.Since(start)
			}
		case <-two.Ready():
			if slices.Contains(two.Next(), ref) {
				d2 = time.Since(start)
			}
		case <-timeout:
			b.Fatalf("%s did not arrive at both desks within 10 s", ref)
		}
	}
	return d1, d2
}

// pct is the p-th percentile of lat, in milliseconds.
func pct(lat []time.Duration, p int) float64 {
	s := slices.Clone(lat)
	slices.Sort(s)
	return float64(s[min(len(s)-1, len(s)*p/100)].Microseconds()) / 1000
}
