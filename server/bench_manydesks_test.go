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
	"floordesk/server/pgstore/pgtest"
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
			benchManyDesks(b, props, func() []*helperProc {
				return []*helperProc{startHelper(b, benchServerEnv, b.TempDir())}
			})
		})
	}
}

// BenchmarkManyDesksInstances is BenchmarkManyDesks with three servers on
// one PostgreSQL: desk i long-polls server i mod 3, and push k goes to
// server k mod 3, so two pushes in three wake pulls held on the other
// servers. Memory is the largest server's; CPU is the three servers'
// together.
func BenchmarkManyDesksInstances(b *testing.B) {
	for _, props := range []int{50, 1} {
		b.Run(fmt.Sprintf("properties=%d", props), func(b *testing.B) {
			benchManyDesks(b, props, func() []*helperProc {
				db := pgtest.NewDB(b)
				return []*helperProc{startHelper(b, benchServerPGEnv, db), startHelper(b, benchServerPGEnv, db), startHelper(b, benchServerPGEnv, db)}
			})
		})
	}
}

func benchManyDesks(b *testing.B, properties int, start func() []*helperProc) {
	if err := raiseFileLimit(2*manyDesks + 256); err != nil {
		b.Skipf("skipping: %v", err)
	}
	servers := start()
	var urls []string
	for _, srv := range servers {
		urls = append(urls, srv.first)
	}
	desks := startHelper(b, benchDesksEnv, fmt.Sprintf("%s|%d", strings.Join(urls, ","), properties))
	p := newPusher(b, urls, properties)
	// One round whatever b.N, so that "-bench . -benchtime 5x" stays
	// short: the figures are per round, and -count gives more rounds.
	b.ResetTimer()
	lat, mem := p.round(b, desks)
	b.StopTimer()
	elapsed := b.Elapsed().Seconds()
	var cpu time.Duration
	for _, srv := range servers {
		cpu += srv.stop()
	}
	desksCPU := desks.stop()
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(float64(mem.heapInuse)/(1<<20), "heap-MB")
	b.ReportMetric(float64(mem.sys)/(1<<20), "sys-MB")
	b.ReportMetric(cpu.Seconds()/elapsed, "server-cores")
	b.ReportMetric(desksCPU.Seconds()/elapsed, "desks-cores")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pusher pushes as one desk per property, to its servers in turn.
type pusher struct {
	urls   []string
	hc     *http.Client
	tokens []string
	desks  []string
}

func newPusher(b *testing.B, urls []string, properties int) *pusher {
	p := &pusher{urls: urls, hc: newBenchClient(64)}
	b.Cleanup(p.hc.CloseIdleConnections)
	for i := range properties {
		desk := fmt.Sprintf("pusher-%d", i)
		token, err := enrollBenchDesk(p.hc, urls[0], fmt.Sprintf("hotel-%d", i), desk)
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
			errs <- p.pushOne(b.Context(), p.urls[k%len(p.urls)], k%len(p.tokens))
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

func (p *pusher) pushOne(ctx context.Context, url string, i int) error {
	ev := storetest.NewEvent(p.desks[i], "key.signed_out", 200)
	body, _ := json.Marshal(wire.PushRequest{Events: []json.RawMessage{ev.Raw}})
	var res wire.PushResponse
	return call(ctx, p.hc, "POST", url+"/v1/events", p.tokens[i], body, &res)
}

// lastSeqs asks the server each property's latest sequence.
func (p *pusher) lastSeqs(b *testing.B) map[string]uint64 {
	last := map[string]uint64{}
	for _, token := range p.tokens {
		var info wire.InfoResponse
		if err := call(b.Context(), p.hc, "GET", p.urls[0]+"/v1/info", token, nil, &info); err != nil {
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

// startMemSampler reads the servers' memory from their /metrics every
// 250 ms until ctx is done: the largest server's.
func (p *pusher) startMemSampler(ctx context.Context) *memSampler {
	s := &memSampler{done: make(chan memPeak, 1)}
	go func() {
		var peak memPeak
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			for _, url := range p.urls {
				peak.max(p.serverMemory(ctx, url))
			}
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
func (p *pusher) serverMemory(ctx context.Context, url string) memPeak {
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"/metrics", nil)
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
		f, _ := strconv.ParseFloat(v, 64) // large values come as 1.2e+07
		n := uint64(f)
		switch name {
		case "go_memstats_heap_inuse_bytes":
			m.heapInuse = n
		case "go_memstats_sys_bytes":
			m.sys = n
		}
	}
	return m
}
