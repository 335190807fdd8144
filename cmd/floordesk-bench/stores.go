package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// emptySize is the reference store: the demo hotel set up, one record of
// history (the desk cannot sign anyone in on a store with no staff).
const emptySize = 1

// store is one cached demo data folder.
type store struct {
	size int
	dir  string
	made time.Duration // how long the demo command took to make it
}

// label names a store in the table: "700k", "empty".
func (s store) label() string {
	switch {
	case s.size == emptySize:
		return "empty"
	case s.size%1000 == 0:
		return fmt.Sprintf("%dk", s.size/1000)
	}
	return fmt.Sprint(s.size)
}

// buildDesk builds the desk app into bin/ as `make build` does (the
// Makefile's TAGS), so its memory is the shipped desk's.
func buildDesk() (string, error) {
	bin := filepath.Join("bin", "floordesk")
	cmd := exec.Command("go", "build", "-tags", "migrated_fynedo,no_emoji", "-o", bin, ".")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build the desk: %w", err)
	}
	return bin, nil
}

// prepareStores makes the demo stores not yet in the cache. A store is
// cached under a hash of the code that writes it (app/ and data/), so a
// change to the generator or the store's layout makes new ones; stores of
// older code are removed.
func prepareStores(cache, bin string, sizes []int) ([]store, error) {
	version, err := codeHash("app", "data")
	if err != nil {
		return nil, err
	}
	if err := pruneCache(cache, version); err != nil {
		return nil, err
	}
	var out []store
	for _, n := range sizes {
		st := store{size: n, dir: filepath.Join(cache, version, fmt.Sprintf("demo-%d", n))}
		if st.made, err = cachedStore(bin, st); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// madeFile records how long a store took to make, beside it.
type madeFile struct {
	Seconds float64   `json:"seconds"`
	At      time.Time `json:"at"`
}

// cachedStore makes st when the cache lacks it, in a temporary folder
// renamed when whole, and returns how long the making took.
func cachedStore(bin string, st store) (time.Duration, error) {
	var m madeFile
	if b, err := os.ReadFile(st.dir + ".json"); err == nil && json.Unmarshal(b, &m) == nil {
		if _, err := os.Stat(st.dir); err == nil {
			return time.Duration(m.Seconds * float64(time.Second)), nil
		}
	}
	tmp := st.dir + ".tmp"
	os.RemoveAll(tmp)
	fmt.Fprintf(os.Stderr, "making the %s demo store (once; cached in %s)\n", st.label(), filepath.Dir(st.dir))
	start := time.Now()
	cmd := exec.Command(bin, "demo", "--data", tmp, "--size", fmt.Sprint(st.size))
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("make the %s demo store: %w", st.label(), err)
	}
	took := time.Since(start)
	if err := os.Rename(tmp, st.dir); err != nil {
		return 0, err
	}
	b, _ := json.Marshal(madeFile{Seconds: took.Seconds(), At: time.Now().UTC()})
	return took, os.WriteFile(st.dir+".json", b, 0o644)
}

// pruneCache removes the stores of other code versions; it keeps the
// PouchDB reference's packages.
func pruneCache(cache, keep string) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(cache)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != keep && e.Name() != pouchDir {
			if err := os.RemoveAll(filepath.Join(cache, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// codeHash is a short hash of the Go files (tests left out) under dirs.
func codeHash(dirs ...string) (string, error) {
	h := sha256.New()
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			io.WriteString(h, path)
			_, err = io.Copy(h, f)
			return err
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
