package demo

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
	"floordesk/data/wire"
)

// pullEvents is how many events BenchmarkPull folds in, in pulls of
// pullChunk as the sync client takes them.
const (
	pullEvents = 10_000
	pullChunk  = 1_000
)

// BenchmarkPull folds in 10,000 events another desk made (the latest of a
// demo hotel made with another seed) into a copy of each store ("fig-ms")
// and, in the same run, into an empty store ("ref-ms"). A pull into years
// of history should cost about what it costs into none.
func BenchmarkPull(b *testing.B) {
	evs := otherDeskEvents(b)
	for _, dir := range benchStores(b) {
		b.Run("store="+filepath.Base(dir), func(b *testing.B) {
			var figs, refs []time.Duration
			for range b.N {
				figs = append(figs, pullInto(b, copyStore(b, dir), evs))
				refs = append(refs, pullInto(b, b.TempDir(), evs))
			}
			reportDurations(b, figs, refs)
		})
	}
}

// otherDeskEvents are the latest pullEvents events of a demo hotel made
// at another desk with another seed.
func otherDeskEvents(b *testing.B) []wire.Event {
	st, err := data.Open(data.Options{Dir: b.TempDir(), Desk: "desk-other", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := app.New(st, nil)
	svc.PINCost = app.TestPINCost
	if err := Demo(svc, DemoOptions{Seed: 2, Size: pullEvents / 2}); err != nil {
		b.Fatal(err)
	}
	var all []wire.Event
	for after := uint64(0); ; {
		evs, next, err := st.Log(after, 5_000)
		if err != nil {
			b.Fatal(err)
		}
		if len(evs) == 0 {
			break
		}
		all, after = append(all, evs...), next
	}
	if len(all) < pullEvents {
		b.Fatalf("the other desk made %d events, fewer than %d", len(all), pullEvents)
	}
	return all[len(all)-pullEvents:]
}

// pullInto opens the store in dir and times folding evs in, in pulls.
func pullInto(b *testing.B, dir string, evs []wire.Event) time.Duration {
	st, err := data.Open(data.Options{Dir: dir, Key: folderKey(b, dir), Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	for i := 0; i < len(evs); i += pullChunk {
		if _, err := st.ApplyRemote(evs[i:min(len(evs), i+pullChunk)], uint64(i+pullChunk)); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start)
}

// copyStore copies a data folder into a temporary one, so a benchmark
// that writes leaves the cached store as it was.
func copyStore(b *testing.B, dir string) string {
	to := filepath.Join(b.TempDir(), "copy")
	if out, err := exec.Command("cp", "-a", dir, to).CombinedOutput(); err != nil {
		b.Fatalf("copy %s: %v\n%s", dir, err, out)
	}
	return to
}
