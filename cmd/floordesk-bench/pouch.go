package main

import (
	"bufio"
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// pouchFiles are the PouchDB reference: a Node script and the packages it
// needs, pinned by the lock file.
//
//go:embed pouchdb/bench.js pouchdb/package.json pouchdb/package-lock.json
var pouchFiles embed.FS

// pouchKey is one setup of the PouchDB reference: the server's LevelDB as
// PouchDB ships it (fsync false) or with every write fsynced, and the
// replication's batch_size.
type pouchKey struct {
	fsync bool
	batch int
}

// pouchResults are the reference's docs/s, every run's, by setup; or why
// it was not measured.
type pouchResults struct {
	runs   map[pouchKey][]float64
	reason string // not measured: why
}

// median is the median docs/s of a setup's runs, and whether it ran.
func (p pouchResults) median(k pouchKey) (float64, bool) {
	v := slices.Clone(p.runs[k])
	if len(v) == 0 {
		return 0, false
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2], true
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2, true
}

// runPouchDB installs the reference's packages into dir (npm ci, only
// when the lock file changed) and runs it. Without node or npm, or when
// the install or the script fails, the result says why and the bench goes
// on: a missing reference must not stop the rest of the table.
func runPouchDB(dir string, runs int) pouchResults {
	node, err1 := exec.LookPath("node")
	npm, err2 := exec.LookPath("npm")
	if err := cmp.Or(err1, err2); err != nil {
		return pouchResults{reason: "Node.js and npm are needed for the PouchDB reference (" + err.Error() + ")"}
	}
	if err := installPouchDB(dir, npm); err != nil {
		return pouchResults{reason: err.Error()}
	}
	fmt.Fprintln(os.Stderr, "running the PouchDB reference (node bench.js)")
	cmd := exec.Command(node, "bench.js", "--runs", strconv.Itoa(runs))
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.MultiWriter(&out, os.Stderr), os.Stderr
	if err := cmd.Run(); err != nil {
		return pouchResults{reason: "the PouchDB reference failed: " + err.Error()}
	}
	res := parsePouch(&out)
	if len(res.runs) == 0 {
		res.reason = "the PouchDB reference printed no figures"
	}
	return res
}

// installPouchDB writes the script and the package files into dir and
// runs npm ci when the lock file differs from the one last installed.
func installPouchDB(dir, npm string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	lock, _ := pouchFiles.ReadFile("pouchdb/package-lock.json")
	installed, _ := os.ReadFile(filepath.Join(dir, "installed-lock.json"))
	for _, name := range []string{"bench.js", "package.json", "package-lock.json"} {
		b, _ := pouchFiles.ReadFile("pouchdb/" + name)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	if bytes.Equal(lock, installed) {
		return nil
	}
	fmt.Fprintf(os.Stderr, "installing the PouchDB reference's packages into %s (npm ci)\n", dir)
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci for the PouchDB reference failed (%v): is the npm registry reachable?", err)
	}
	return os.WriteFile(filepath.Join(dir, "installed-lock.json"), lock, 0o644)
}

// parsePouch reads the script's lines,
//
//	pouchdb fsync=0 batch=100 run=1 docs=10000 bytes=573 seconds=3.245 docs/s=3081
//
// and ignores any other line.
func parsePouch(r io.Reader) pouchResults {
	res := pouchResults{runs: map[pouchKey][]float64{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] != "pouchdb" {
			continue
		}
		kv := map[string]string{}
		for _, p := range f[1:] {
			if k, v, ok := strings.Cut(p, "="); ok {
				kv[k] = v
			}
		}
		batch, err1 := strconv.Atoi(kv["batch"])
		rate, err2 := strconv.ParseFloat(kv["docs/s"], 64)
		if err1 != nil || err2 != nil || (kv["fsync"] != "0" && kv["fsync"] != "1") {
			continue
		}
		k := pouchKey{fsync: kv["fsync"] == "1", batch: batch}
		res.runs[k] = append(res.runs[k], rate)
	}
	return res
}
