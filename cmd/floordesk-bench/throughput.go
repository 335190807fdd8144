package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// pushPull is BenchmarkPushPull: 10,000 events of about 570 bytes pushed
// to a server on loopback and pulled back, on Badger and on PostgreSQL
// (without PostgreSQL its rows read "not measured"), in batches of 100
// and 1,000.
var pushPull = goBench{pkg: "./server", pattern: "^BenchmarkPushPull$", times: 5}

// pouchDir is the folder under the cache where the PouchDB reference's
// packages are installed; pruneCache keeps it.
const pouchDir = "node"

// runThroughput runs the PouchDB reference, then BenchmarkPushPull, one
// right after the other, so that both meet the same machine.
func runThroughput(cache string, runs int, into benchResults) (pouchResults, error) {
	pouch := runPouchDB(filepath.Join(cache, pouchDir), runs)
	if pouch.reason != "" {
		fmt.Fprintln(os.Stderr, "the PouchDB reference was not measured:", pouch.reason)
	}
	return pouch, runGoBench(pushPull, nil, 0, into)
}

// throughputRows are FloorDesk's push and pull beside PouchDB replicating
// the same documents into a PouchDB server, in the same run. The target
// is the issue's: PostgreSQL at least ten times PouchDB with batches of
// 100, against PouchDB's server as it ships (LevelDB, writes not
// fsynced), the faster of the two references; the other rows inform.
func throughputRows(res results) []row {
	var rows []row
	for _, c := range []struct {
		store, name string
		batch       int
		fsync       bool
		minRatio    float64
	}{
		{"postgres", "PostgreSQL", 100, false, 10},
		{"postgres", "PostgreSQL", 1000, false, 0},
		{"postgres", "PostgreSQL", 100, true, 0},
		{"badger", "Badger", 100, false, 0},
		{"badger", "Badger", 1000, false, 0},
	} {
		fig, ok1 := res.bench.metric(fmt.Sprintf("BenchmarkPushPull/%s/batch=%d", c.store, c.batch), "events/s")
		ref, ok2 := res.pouch.median(pouchKey{fsync: c.fsync, batch: c.batch})
		r := row{metric: fmt.Sprintf("push/pull %s, batch %s", c.name, thousands(c.batch)), fig: fig, ref: ref,
			refName: "PouchDB", unit: "events/s", minRatio: c.minRatio, missing: !ok1 || !ok2}
		if c.fsync {
			r.refName = "PouchDB, fsynced"
		}
		if c.minRatio > 0 {
			r.target = fmt.Sprintf("≥%g× PouchDB", c.minRatio)
		}
		switch {
		case !ok2:
			r.why = res.pouch.reason
		case !ok1:
			r.why = "BenchmarkPushPull reported no figure (is PostgreSQL installed?)"
		}
		rows = append(rows, r)
	}
	return rows
}

// thousands writes n with a comma between thousands: 1,000.
func thousands(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%s,%03d", thousands(n/1000), n%1000)
}
