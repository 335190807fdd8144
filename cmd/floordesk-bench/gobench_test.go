package main

import (
	"bytes"
	"strings"
	"testing"
)

// A benchmark's figures are read whether its line is whole or split by a
// log line the benchmark printed after its name.
func TestParseBench(t *testing.T) {
	out := bytes.NewBufferString(`goos: linux
BenchmarkHistory/store=demo-10000/list/keys-2         	      30	    361498 ns/op	         0.2070 fig-ms	         0.1460 ref-ms
BenchmarkPull/store=demo-100000-2         	2026/12/06 23:34:20 WARN the data folder was open to other users: made private
2026/12/06 23:34:21 WARN the data folder was open to other users: made private
       2	1915731898 ns/op	       694.0 fig-ms	       694.0 p99-ms	       743.5 ref-ms
PASS
`)
	got := benchResults{}
	parseBench(out, got)
	for _, c := range []struct {
		name, unit string
		want       float64
	}{
		{"BenchmarkHistory/store=demo-10000/list/keys", "fig-ms", 0.207},
		{"BenchmarkHistory/store=demo-10000/list/keys", "ref-ms", 0.146},
		{"BenchmarkPull/store=demo-100000", "fig-ms", 694},
		{"BenchmarkPull/store=demo-100000", "ref-ms", 743.5},
	} {
		if v, ok := got.metric(c.name, c.unit); !ok || v != c.want {
			t.Errorf("%s %s = %v (%v), want %v", c.name, c.unit, v, ok, c.want)
		}
	}
}

// The propagation across server instances reads as two rows, each beside
// the same server's figure from the same run; p95 fails over 100 ms.
func TestInstanceRows(t *testing.T) {
	out := bytes.NewBufferString("BenchmarkInstancePropagation-2   	     200	  17902893 ns/op	         8.811 p50-ms	        42.89 p95-ms	        11.40 ref-p50-ms	        40.23 ref-p95-ms\n")
	res := results{bench: benchResults{}}
	parseBench(out, res.bench)
	rows := instanceRows(res)
	if len(rows) != 2 || rows[1].fig != 42.89 || rows[1].ref != 40.23 || rows[1].verdict() != "pass" || rows[0].verdict() != "info" {
		t.Fatalf("rows = %+v", rows)
	}
	rows[1].fig = 120
	if rows[1].verdict() != "fail" {
		t.Fatalf("p95 of 120 ms: %s, want fail", rows[1].verdict())
	}
	if rows := instanceRows(results{bench: benchResults{}}); rows[1].verdict() != "not measured" {
		t.Fatalf("without the benchmark: %s", rows[1].verdict())
	}
}

// A join not measured (the 700k store, left out by make bench) reads
// "not measured" with how to measure it, and no reference of 0 s.
func TestJoinRowNotMeasured(t *testing.T) {
	res := results{bench: benchResults{}, stores: []store{{size: 0}, {size: 700_000, dir: "demo-700000"}}}
	rows := joinRows(res)
	if len(rows) != 1 || rows[0].verdict() != "not measured" {
		t.Fatalf("rows = %+v", rows)
	}
	table := renderTable(rows)
	if !strings.Contains(table, "| — | — | — |") {
		t.Errorf("the reference not measured shows as a figure:\n%s", table)
	}
	if !strings.Contains(table, "-join.max 700000") {
		t.Errorf("the row does not say how to measure it:\n%s", table)
	}
}
