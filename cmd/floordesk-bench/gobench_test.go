package main

import (
	"bytes"
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
