package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// goBench is one go test benchmark run over the demo stores.
type goBench struct {
	pkg, pattern string
	times        int // iterations; 0: the -n flag's
}

// goBenches are the benchmarks the table reads. Each reports its figure
// and its reference from the same run as metrics (see app/demo's
// BenchmarkHistory: fig-ms, ref-ms, p99-ms).
var goBenches = []goBench{
	{pkg: "./app/demo", pattern: "^BenchmarkHistory$"},
	{pkg: "./app/demo", pattern: "^BenchmarkPull$", times: 3}, // each copies the store
	{pkg: "./app/demo", pattern: "^BenchmarkCommandsAtSize$", times: 300},
	// A new desk joining through a real server, from its snapshot beside
	// pulling every event; stores up to 100k records (-join.max).
	{pkg: "./app/demo", pattern: "^BenchmarkJoin$", times: 1},
	// The reference of BenchmarkSearchFound reads every item: seconds a
	// query at 700k, and no part of a target.
	{pkg: "./app/found", pattern: "^BenchmarkSearchFound$/^(" + strings.Join(searchKinds, "|") + ")$", times: 200},
	// Three servers on one PostgreSQL (started by the test; without
	// PostgreSQL the rows read "not measured").
	{pkg: "./server", pattern: "^BenchmarkInstancePropagation$", times: 200},
}

// searchKinds are BenchmarkSearchFound's kinds of query.
var searchKinds = []string{"room", "chinese", "initials", "tag", "one-letter", "two-words", "claimed-latest"}

// benchResults are the metrics reported, by benchmark name (without its
// GOMAXPROCS suffix), then by unit.
type benchResults map[string]map[string]float64

// runGoBenchmarks runs the benchmarks, n iterations each, on the stores.
func runGoBenchmarks(stores []store, n int) (benchResults, error) {
	var dirs []string
	for _, st := range stores {
		dirs = append(dirs, st.dir)
	}
	out := benchResults{}
	for _, gb := range goBenches {
		if err := runGoBench(gb, dirs, n, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// runGoBench runs one benchmark, n iterations unless it says how many, on
// the stores in dirs, and adds its metrics to out.
func runGoBench(gb goBench, dirs []string, n int, out benchResults) error {
	times := n
	if gb.times > 0 {
		times = gb.times
	}
	cmd := exec.Command("go", "test", "-tags", "migrated_fynedo", "-run", "^$", "-bench", gb.pattern,
		"-benchtime", fmt.Sprintf("%dx", times), "-timeout", "60m", gb.pkg)
	cmd.Env = append(os.Environ(), "FLOORDESK_BENCH_STORES="+strings.Join(dirs, ","))
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, os.Stderr
	fmt.Fprintf(os.Stderr, "running %s %s\n", gb.pkg, gb.pattern)
	if err := cmd.Run(); err != nil {
		os.Stderr.Write(buf.Bytes())
		return fmt.Errorf("go test -bench %s %s: %w", gb.pattern, gb.pkg, err)
	}
	parseBench(&buf, out)
	return nil
}

var procsSuffix = regexp.MustCompile(`-\d+$`)

// parseBench reads go test's benchmark lines: name, iterations, then
// value-unit pairs. A log line the benchmark printed can split a result
// line after its name (go test prints the name first); the figures on a
// later line then belong to that name.
func parseBench(r *bytes.Buffer, into benchResults) {
	sc := bufio.NewScanner(r)
	pending := ""
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 && strings.HasPrefix(f[0], "Benchmark") {
			pending = procsSuffix.ReplaceAllString(f[0], "")
			f = f[1:]
		}
		if pending == "" || len(f) < 3 {
			continue
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			continue
		}
		into[pending] = metrics(f[1:])
		pending = ""
	}
}

// metrics reads value-unit pairs.
func metrics(f []string) map[string]float64 {
	m := map[string]float64{}
	for i := 0; i+1 < len(f); i += 2 {
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			m[f[i+1]] = v
		}
	}
	return m
}

// metric is a benchmark's metric, and whether it was reported.
func (b benchResults) metric(name, unit string) (float64, bool) {
	v, ok := b[name][unit]
	return v, ok
}
