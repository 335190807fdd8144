// Command floordesk-bench is `make bench`: it makes demo hotels of growing
// history (once; they are cached outside the repository), runs the
// benchmarks of what the desk reads and writes beside their references
// measured in the same run, times the real desk's start, memory and idle
// processor use under Xvfb, measures the server's push and pull beside a
// PouchDB replication of the same documents (a Node script; without Node
// those rows read "not measured"), and prints one table: metric, figure,
// reference, ratio, target, pass or fail. With -write it also puts the
// table in docs/performance.md and the README, and draws the growth curve
// in docs/performance.png. With -only throughput it measures and prints
// the push and pull rows alone.
//
//	go run ./cmd/floordesk-bench [-sizes 10000,100000,700000] [-idle 60s] [-runs 3] [-write] [-only throughput]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	cfg := config{}
	flag.StringVar(&cfg.cache, "cache", defaultCache(), "folder for the demo stores, kept between runs")
	sizes := flag.String("sizes", "10000,100000,700000", "history sizes of the demo stores, in records")
	flag.DurationVar(&cfg.idle, "idle", time.Minute, "how long the idle desk is watched")
	flag.IntVar(&cfg.runs, "runs", 3, "desk starts per store (the median counts)")
	flag.IntVar(&cfg.benchN, "n", 30, "iterations per go benchmark")
	flag.BoolVar(&cfg.write, "write", false, "write docs/performance.md, docs/performance.png and the README's table")
	flag.IntVar(&cfg.pouchRuns, "pouch-runs", 3, "PouchDB replications per setup (the median counts)")
	only := flag.String("only", "", `"throughput": only the server's push and pull beside PouchDB`)
	flag.Parse()
	var err error
	switch *only {
	case "":
	case "throughput":
		cfg.onlyThroughput = true
	default:
		fail(fmt.Errorf("-only: %q is not throughput", *only))
	}
	if cfg.pouchRuns < 1 || cfg.pouchRuns > 20 {
		fail(fmt.Errorf("-pouch-runs: %d is not from 1 to 20", cfg.pouchRuns))
	}
	if cfg.sizes, err = parseSizes(*sizes); err != nil {
		fail(err)
	}
	if err := run(cfg); err != nil {
		fail(err)
	}
}

// config is what one run measures and where.
type config struct {
	cache          string
	sizes          []int
	idle           time.Duration
	runs           int
	benchN         int
	write          bool
	pouchRuns      int
	onlyThroughput bool
}

func run(cfg config) error {
	if cfg.onlyThroughput {
		return runOnlyThroughput(cfg)
	}
	bin, err := buildDesk()
	if err != nil {
		return err
	}
	stores, err := prepareStores(cfg.cache, bin, append([]int{emptySize}, cfg.sizes...))
	if err != nil {
		return err
	}
	res := results{stores: stores}
	if res.bench, err = runGoBenchmarks(stores[1:], cfg.benchN); err != nil {
		return err
	}
	if res.pouch, err = runThroughput(cfg.cache, cfg.pouchRuns, res.bench); err != nil {
		return err
	}
	if res.desk, err = measureDesks(bin, stores, cfg); err != nil {
		return err
	}
	rows := tableRows(res)
	fmt.Print(renderTable(rows))
	if cfg.write {
		if err := writeReport(rows, res); err != nil {
			return err
		}
	}
	exitOnFail(rows)
	return nil
}

// runOnlyThroughput measures and prints the push and pull rows alone.
func runOnlyThroughput(cfg config) error {
	res := results{bench: benchResults{}}
	var err error
	if res.pouch, err = runThroughput(cfg.cache, cfg.pouchRuns, res.bench); err != nil {
		return err
	}
	rows := throughputRows(res)
	fmt.Print(renderTable(rows))
	exitOnFail(rows)
	return nil
}

// exitOnFail exits with 1 when a row failed its target.
func exitOnFail(rows []row) {
	for _, r := range rows {
		if r.verdict() == "fail" {
			os.Exit(1)
		}
	}
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 || n > 1_000_000 {
			return nil, fmt.Errorf("-sizes: %q is not a size from 2 to 1000000", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// defaultCache is the user's cache folder, outside the repository.
func defaultCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "floordesk-bench")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "floordesk-bench:", err)
	os.Exit(2)
}
