package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server/storetest"
)

// The many-desks load: manyDesks desks long-poll one server while
// pushRate events a second are pushed, one event per push, for pushFor.
const (
	manyDesks = 500
	pushRate  = 100
	pushFor   = 10 * time.Second
)

// BenchmarkManyDesks has 500 simulated desks long-poll one Badger server on
// loopback while 100 events a second are pushed by other desks, one per
// property, taken in turn. Server, simulated desks and pusher each run in a
// process of their own. It reports the push latency (p50, p99), the
// server's peak memory (Go heap in use and memory from the OS, read from its
// /metrics) and the CPU the server and the simulated desks used, in cores
// busy on average over the pushing (setup included). properties says
// how the desks are spread: 50 hotels of 10 desks, or one hotel of 500
// where every push wakes every desk. Each run pushes for 10 s, once.
func BenchmarkManyDesks(b *testing.B) {
	for _, props := range []int{50, 1} {
		b.Run(fmt.Sprintf("properties=%d", props), func(b *testing.B) {
			benchManyDesks(b, props)
		})
	}
}

func benchManyDesks(b *testing.B, properties int) {
	if err := raiseFileLimit(2*manyDesks + 256); err != nil {
		b.Skipf("skipping: %v", err)
	}
	srv := startHelper(b, benchServerEnv, b.TempDir())
	desks := startHelper(b, benchDesksEnv, fmt.Sprintf("%s|%d", srv.first, properties))
	p := newPusher(b, srv.first, properties)
	// One round whatever b.N, so that "-bench . -benchtime 5x" stays
	// short: the figures are per round, and -count gives more rounds.
	b.ResetTimer()
	lat, mem := p.round(b, desks)
	b.StopTimer()
	elapsed := b.Elapsed().Seconds()
	cpu, desksCPU := srv.stop(), desks.stop()
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(float64(mem.heapInuse)/(1<<20), "heap-MB")
	b.ReportMetric(float64(mem.sys)/(1<<20), "sys-MB")
	b.ReportMetric(cpu.Seconds()/elapsed, "server-cores")
	b.ReportMetric(desksCPU.Seconds()/elapsed, "desks-cores")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pusher pushes as one desk per property.
type pusher struct {
	url    string
	hc     *http.Client
	tokens []string
	desks  []string
}

func newPusher(b *testing.B, url string, properties int) *pusher {
	p := &pusher{url: url, hc: newBenchClient(64)}
	b.Cleanup(p.hc.CloseIdleConnections)
	for i := range properties {
		desk := fmt.Sprintf("pusher-%d", i)
		token, err := enrollBenchDesk(p.hc, url, fmt.Sprintf("hotel-%d", i), desk)
		if err != nil {
			b.Fatal(err)
		}
		p.tokens, p.desks = append(p.tokens, token), append(p.desks, desk)
	}
	return p
}

// round pushes for pushFor, then waits until every simulated desk has
// pulled every event, and returns each push's latency and the server's
// memory peak meanwhile.
func (p *pusher) round(b *testing.B, desks *helperProc) ([]time.Duration, memPeak) {
	ctx, cancel := context.WithCancel(b.Context())
	sampler := p.startMemSampler(ctx)
	lat := p.pushAll(b)
	last, _ := json.Marshal(p.lastSeqs(b))
	if _, err := desks.in.Write(append(last, '\n')); err != nil {
		b.Fatal(err)
	}
	answer, err := desks.readLine(time.Minute)
	cancel()
	if err != nil || answer != "ok" {
		b.Fatalf("simulated desks: %q, %v", answer, err)
	}
	return lat, sampler.stop()
}

// pushAll pushes pushRate events a second for pushFor, each at its planned
// time whatever the latency of the others, and returns their latencies.
func (p *pusher) pushAll(b *testing.B) []time.Duration {
	n := int(pushFor.Seconds() * pushRate)
	lat := make([]time.Duration, n)
	errs := make(chan error, n)
	start := time.Now()
	var wg sync.WaitGroup
	for k := range n {
		if wait := time.Until(start.Add(time.Duration(k) * time.Second / pushRate)); wait > 0 {
			time.Sleep(wait) // pacing the load, not waiting for a result
		}
		wg.Go(func() {
			t0 := time.Now()
			errs <- p.pushOne(b.Context(), k%len(p.tokens))
			lat[k] = time.Since(t0)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			b.Fatal(err)
		}
	}
	return lat
}

func (p *pusher) pushOne(ctx context.Context, i int) error {
	ev := storetest.NewEvent(p.desks[i], "key.signed_out", 200)
	body, _ := json.Marshal(wire.PushRequest{Events: []json.RawMessage{ev.Raw}})
	var res wire.PushResponse
	return call(ctx, p.hc, "POST", p.url+"/v1/events", p.tokens[i], body, &res)
}

// lastSeqs asks the server each property's latest sequence.
func (p *pusher) lastSeqs(b *testing.B) map[string]uint64 {
	last := map[string]uint64{}
	for _, token := range p.tokens {
		var info wire.InfoResponse
		if err := call(b.Context(), p.hc, "GET", p.url+"/v1/info", token, nil, &info); err != nil {
			b.Fatal(err)
		}
		last[info.Property] = info.LastSeq
	}
	return last
}

// memPeak is the largest heap in use and memory from the OS seen.
type memPeak struct{ heapInuse, sys uint64 }

func (m *memPeak) max(o memPeak) {
	m.heapInuse, m.sys = max(m.heapInuse, o.heapInuse), max(m.sys, o.sys)
}

type memSampler struct {
	done chan memPeak
}

// startMemSampler reads the server's memory from its /metrics every 250 ms
// until ctx is done.
func (p *pusher) startMemSampler(ctx context.Context) *memSampler {
	s := &memSampler{done: make(chan memPeak, 1)}
	go func() {
		var peak memPeak
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			peak.max(p.serverMemory(ctx))
			select {
			case <-ctx.Done():
				s.done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

func (s *memSampler) stop() memPeak { return <-s.done }

// serverMemory scrapes the server's Go memory gauges; zero on failure.
func (p *pusher) serverMemory(ctx context.Context) memPeak {
	req, _ := http.NewRequestWithContext(ctx, "GET", p.url+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+testAdminToken)
	resp, err := p.hc.Do(req)
	if err != nil {
		return memPeak{}
	}
	defer resp.Body.Close()
	var m memPeak
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		name, v, _ := strings.Cut(sc.Text(), " ")
		n, _ := strconv.ParseUint(v, 10, 64)
		switch name {
		case "go_memstats_heap_inuse_bytes":
			m.heapInuse = n
		case "go_memstats_sys_bytes":
			m.sys = n
		}
	}
	return m
}
