package main

import (
	"bytes"
	"strings"
	"testing"
)

// The script's lines are read by setup, npm's and node's other lines
// ignored, and the median of a setup's runs is its figure.
func TestParsePouch(t *testing.T) {
	out := strings.NewReader(`
> floordesk-bench-pouchdb@ bench
(node:1234) Warning: something
pouchdb fsync=0 batch=100 run=1 docs=10000 bytes=573 seconds=3.245 docs/s=3081
pouchdb fsync=1 batch=100 run=1 docs=10000 bytes=573 seconds=4.100 docs/s=2439
pouchdb fsync=0 batch=100 run=2 docs=10000 bytes=573 seconds=3.600 docs/s=2778
pouchdb fsync=0 batch=100 run=3 docs=10000 bytes=573 seconds=2.900 docs/s=3448
pouchdb fsync=0 batch=1000 run=1 docs=10000 bytes=573 seconds=1.912 docs/s=5230
pouchdb fsync=0 batch=1000 run=2 docs=10000 bytes=573 seconds=2.012 docs/s=4970
pouchdb fsync=2 batch=1000 run=2 docs=10000 bytes=573 seconds=2.012 docs/s=4970
pouchdb fsync=0 batch=x run=2 docs=10000 bytes=573 seconds=2.012 docs/s=4970
pouchdb fsync=0 batch=1000 run=3 docs=10000 bytes=573 seconds=2.012
`)
	res := parsePouch(out)
	for _, c := range []struct {
		k    pouchKey
		want float64
		ok   bool
	}{
		{pouchKey{false, 100}, 3081, true},
		{pouchKey{true, 100}, 2439, true},
		{pouchKey{false, 1000}, 5100, true}, // two runs: their mean
		{pouchKey{true, 1000}, 0, false},
	} {
		if v, ok := res.median(c.k); v != c.want || ok != c.ok {
			t.Errorf("%+v: %v (%v), want %v (%v)", c.k, v, ok, c.want, c.ok)
		}
	}
}

// PostgreSQL at batch 100 passes at ten times PouchDB's figure from the
// same run and fails under it; the other rows inform.
func TestThroughputRows(t *testing.T) {
	res := results{bench: benchResults{}}
	parseBench(bytes.NewBufferString(`BenchmarkPushPull/badger/batch=100-2         	       5	 300000000 ns/op	     33000 events/s
BenchmarkPushPull/badger/batch=1000-2        	       5	 200000000 ns/op	     50000 events/s
BenchmarkPushPull/postgres/batch=100-2       	       5	 320000000 ns/op	     31000 events/s
BenchmarkPushPull/postgres/batch=1000-2      	       5	 210000000 ns/op	     48000 events/s
`), res.bench)
	res.pouch = parsePouch(strings.NewReader("pouchdb fsync=0 batch=100 run=1 docs=10000 bytes=573 seconds=3.2 docs/s=3000\n" +
		"pouchdb fsync=1 batch=100 run=1 docs=10000 bytes=573 seconds=4 docs/s=2500\n" +
		"pouchdb fsync=0 batch=1000 run=1 docs=10000 bytes=573 seconds=2 docs/s=5000\n"))
	rows := throughputRows(res)
	pg := rows[0]
	if pg.metric != "push/pull PostgreSQL, batch 100" || pg.fig != 31000 || pg.ref != 3000 || pg.verdict() != "pass" {
		t.Fatalf("PostgreSQL at batch 100: %+v, %s", pg, pg.verdict())
	}
	for _, r := range rows[1:] {
		if r.verdict() != "info" {
			t.Errorf("%s: %s, want info", r.metric, r.verdict())
		}
	}
	table := renderTable(rows)
	for _, want := range []string{"| push/pull PostgreSQL, batch 100 | 31000 events/s | 3000 events/s (PouchDB) | 10.33× | ≥10× PouchDB | pass |",
		"| push/pull PostgreSQL, batch 1,000 | 48000 events/s | 5000 events/s (PouchDB) | 9.60× |",
		"(PouchDB, fsynced) | 12.40× |"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	res.pouch.runs[pouchKey{false, 100}] = []float64{3200}
	if r := throughputRows(res)[0]; r.verdict() != "fail" {
		t.Fatalf("31,000 beside 3,200: %s, want fail", r.verdict())
	}
}

// Without Node the rows say so and why, and the bench goes on.
func TestThroughputRowsWithoutNode(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	res := results{bench: benchResults{}, pouch: runPouchDB(t.TempDir(), 1)}
	table := renderTable(throughputRows(res))
	if !strings.Contains(table, "| not measured: Node.js and npm are needed for the PouchDB reference") {
		t.Fatalf("without node:\n%s", table)
	}
}
