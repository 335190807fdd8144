package soak

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"floordesk/data"
)

// The defaults make the short soak `make test` runs; `make soak` runs a
// long one.
var (
	soakDuration = flag.Duration("soak.duration", 6*time.Second, "how long desks work while the server restarts")
	soakDesks    = flag.Int("soak.desks", 6, "well-behaved desks (the bad desk comes on top)")
	soakRate     = flag.Float64("soak.rate", 150, "events a second, all desks together")
	soakRestart  = flag.Duration("soak.restart-every", 0, "time between server restarts; 0: a quarter of the duration, 1 to 10 s")
	soakHeap     = flag.Int("soak.heap-slack-mb", 48, "how many MB the heap may grow from the start of the run to its end")
)

// Bounds on every loop, whatever the flags say.
const (
	maxRestarts      = 500
	maxEventsPerDesk = 50_000
	maxBadPushes     = 20_000
	syncDeadline     = 3 * time.Minute // for every desk to catch up, after the warm-up and at the end
)

// TestSoak runs desks against a server that is stopped and started again
// while they work, then checks that nothing acknowledged was lost or
// doubled, that every desk converged, that memory is flat and that the
// bad desk saw its refusals (see the package comment).
func TestSoak(t *testing.T) {
	r := newRun(t)
	r.warmUp()
	before := r.settle()
	r.work()
	r.heal()
	held := checkServer(t, t.Context(), r.live, r.desks, r.pusher)
	checkDesks(t, r.desks, held)
	checkStatus(t, r.desks[:len(r.desks)-1], r.bad, r.pusher, int(r.mangle.mangled.Load()))
	after := r.settle()
	checkFlat(t, before, after)
	r.report(len(held), before, after)
}

// run is one soak: the server, the desks (the bad one last) and what
// happened.
type run struct {
	t      *testing.T
	begin  time.Time
	live   *liveServer
	desks  []*desk
	bad    *desk
	mangle *mangler
	pusher *badPusher

	restarts, abrupt      int
	ready, worked, healed time.Duration // since begin
}

// newRun starts the server and the desks, every desk enrolled.
func newRun(t *testing.T) *run {
	r := &run{t: t, begin: time.Now(), live: startServer(t, t.TempDir())}
	for i := range *soakDesks {
		r.desks = append(r.desks, r.enrol(fmt.Sprintf("desk-%02d", i), deskOptions{}))
	}
	r.mangle = &mangler{next: &http.Transport{MaxIdleConnsPerHost: 4}}
	r.mangle.left.Store(int32(2 * len(manglings)))
	r.bad = r.enrol("desk-bad", deskOptions{transport: r.mangle})
	r.desks = append(r.desks, r.bad)
	r.pusher = newBadPusher(r.live.url(), r.bad.token)
	return r
}

func (r *run) enrol(name string, opts deskOptions) *desk {
	code, err := r.live.enrolment(r.t.Context())
	if err != nil {
		r.t.Fatal(err)
	}
	return newDesk(r.t, r.live.url(), code, name, opts)
}

// warmUp has every desk make a few events, and waits until all of them
// have gone round.
func (r *run) warmUp() {
	var wg sync.WaitGroup
	for i, d := range r.desks {
		wg.Go(func() { d.work(r.t.Context(), rand.New(rand.NewPCG(uint64(i), 0)), 5, 10*time.Millisecond) })
	}
	wg.Wait()
	waitSynced(r.t, r.desks)
	r.ready = time.Since(r.begin)
}

// work has the desks work for the soak's duration while the server
// restarts, the bad desk pushes rubbish and its sync client's first
// pushes are mangled.
func (r *run) work() {
	ctx, stop := context.WithTimeout(r.t.Context(), *soakDuration)
	defer stop()
	interval := time.Duration(float64(len(r.desks)) / *soakRate * float64(time.Second))
	errs := make(chan error, len(r.desks))
	var wg sync.WaitGroup
	for i, d := range r.desks {
		wg.Go(func() {
			if err := d.work(ctx, rand.New(rand.NewPCG(uint64(i), 1)), maxEventsPerDesk, interval); err != nil {
				errs <- err
			}
		})
	}
	wg.Go(func() { r.pusher.run(ctx, r.bad, maxBadPushes) })
	r.restarts, r.abrupt = restartWhileWorking(r.t, ctx, r.live, r.desks)
	wg.Wait()
	close(errs)
	for err := range errs {
		r.t.Error(err)
	}
	r.worked = time.Since(r.begin)
}

// heal stops the mangling and waits for every desk to catch up.
func (r *run) heal() {
	r.mangle.left.Store(0)
	for _, d := range r.desks {
		d.client.SyncNow()
	}
	waitSynced(r.t, r.desks)
	r.healed = time.Since(r.begin)
}

// report logs the soak's figures in a few lines.
func (r *run) report(events int, before, after sample) {
	r.pusher.mu.Lock()
	refused, down := 0, r.pusher.down
	for _, n := range r.pusher.refused {
		refused += n
	}
	r.pusher.mu.Unlock()
	r.t.Logf("soak: %d desks + 1 bad; %d events, each held once by the server and every desk; "+
		"%d server restarts (%d abrupt) in %s of work; "+
		"bad desk: %d raw pushes refused as they should be, %d met a stopped server, %d pushes mangled; "+
		"desks' status bars showed %s; heap %.1f -> %.1f MB, goroutines %d -> %d; "+
		"%s in all (desks ready %s, work done %s, in sync %s)",
		len(r.desks)-1, events, r.restarts, r.abrupt, soakDuration,
		refused, down, r.mangle.mangled.Load(), problemsShown(r.desks),
		mb(before.heap), mb(after.heap), before.goroutines, after.goroutines,
		round(time.Since(r.begin)), round(r.ready), round(r.worked), round(r.healed))
}

// restartWhileWorking stops the server and starts it again on the same
// folder until ctx is done, abruptly every other time. Before each stop it
// notes what every desk has had acknowledged, and after each start checks
// that the server still holds all of it.
func restartWhileWorking(t *testing.T, ctx context.Context, live *liveServer, desks []*desk) (restarts, abrupt int) {
	t.Helper()
	every := *soakRestart
	if every <= 0 {
		every = min(max(*soakDuration/4, time.Second), 10*time.Second)
	}
	rnd := rand.New(rand.NewPCG(42, 42))
	for restarts < maxRestarts {
		select {
		case <-ctx.Done():
			return restarts, abrupt
		case <-time.After(every):
		}
		acked := ackedNow(t, desks)
		hard := restarts%2 == 0
		live.stop(hard)
		if hard {
			abrupt++
		}
		time.Sleep(time.Duration(100+rnd.IntN(400)) * time.Millisecond) // the desks work offline
		if err := live.start(); err != nil {
			t.Fatalf("restart %d: %v", restarts+1, err)
		}
		restarts++
		checkHeld(t, ctx, live, acked, restarts)
	}
	return restarts, abrupt
}

// ackedNow returns the events the server has acknowledged to the desks
// so far: their IDs, each with its desk's name.
func ackedNow(t *testing.T, desks []*desk) map[string]string {
	t.Helper()
	acked := map[string]string{}
	for _, d := range desks {
		ids, err := d.acked()
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			acked[id] = d.name
		}
	}
	return acked
}

// checkHeld fails the test for every acknowledged event the server lost.
func checkHeld(t *testing.T, ctx context.Context, live *liveServer, acked map[string]string, restart int) {
	t.Helper()
	recs, err := live.events(context.WithoutCancel(ctx))
	if err != nil {
		t.Fatalf("after restart %d: %v", restart, err)
	}
	held := map[string]bool{}
	for _, r := range recs {
		held[eventID(t, r.Raw)] = true
	}
	lost := 0
	for id, name := range acked {
		if !held[id] {
			lost++
			if lost <= 5 {
				t.Errorf("restart %d lost event %s, acknowledged to %s before it", restart, id, name)
			}
		}
	}
	if lost > 5 {
		t.Errorf("restart %d lost %d acknowledged events in all", restart, lost)
	}
}

// waitSynced waits until every desk's outbox is empty and every desk holds
// every event the server holds, which is every event the desks made.
func waitSynced(t *testing.T, desks []*desk) {
	t.Helper()
	deadline := time.Now().Add(syncDeadline)
	for {
		made := 0
		for _, d := range desks {
			made += len(d.made())
		}
		pending, behind := 0, 0
		for _, d := range desks {
			n, err := d.store.OutboxLen()
			if err != nil {
				t.Fatal(err)
			}
			st, err := d.store.Stats()
			if err != nil {
				t.Fatal(err)
			}
			pending += n
			if st.Events < made {
				behind++
			}
		}
		if pending == 0 && behind == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not in sync after %s: %d events waiting to go, %d desks of %d behind the %d events made",
				syncDeadline, pending, behind, len(desks), made)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// sample is the process's memory and goroutines at one moment.
type sample struct {
	heap       uint64 // live heap after a collection
	goroutines int
}

// settle reads the heap after a collection and the goroutines, the least
// of five readings a tenth of a second apart (held pulls come and go).
// The desks' idle keep-alive connections are closed first: how many a
// desk keeps depends on how many pushes it had in flight at once (up to
// three, pushing ahead), and each holds goroutines at both ends.
func (r *run) settle() sample {
	for _, d := range r.desks {
		d.hc.CloseIdleConnections()
	}
	r.pusher.hc.CloseIdleConnections()
	r.mangle.next.(*http.Transport).CloseIdleConnections()
	best := sample{heap: ^uint64(0), goroutines: 1 << 30}
	for range 5 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		best.heap = min(best.heap, ms.HeapAlloc)
		best.goroutines = min(best.goroutines, runtime.NumGoroutine())
		time.Sleep(100 * time.Millisecond)
	}
	return best
}

// checkFlat fails the test when memory or goroutines grew past the slack:
// a server restarted in the same process must leave nothing behind.
func checkFlat(t *testing.T, before, after sample) {
	t.Helper()
	if after.heap > before.heap+uint64(*soakHeap)<<20 {
		t.Errorf("heap grew from %.1f MB to %.1f MB, more than %d MB", mb(before.heap), mb(after.heap), *soakHeap)
	}
	if after.goroutines > before.goroutines+20 {
		t.Errorf("goroutines grew from %d to %d", before.goroutines, after.goroutines)
	}
}

// problemsShown says how often the desks' status bars changed to each
// problem, such as "unreachable 31, rejected 3".
func problemsShown(desks []*desk) string {
	var counts [data.ProblemServerDiskFull + 1]int
	for _, d := range desks {
		for p := range counts {
			n, _ := d.problemCount(data.SyncProblem(p))
			counts[p] += n
		}
	}
	var parts []string
	for p, n := range counts {
		if n > 0 && data.SyncProblem(p) != data.ProblemNone {
			parts = append(parts, fmt.Sprintf("%s %d", data.SyncProblem(p), n))
		}
	}
	if len(parts) == 0 {
		return "no problem"
	}
	return strings.Join(parts, ", ")
}

func round(d time.Duration) time.Duration { return d.Round(100 * time.Millisecond) }

func mb(n uint64) float64 { return float64(n) / (1 << 20) }
