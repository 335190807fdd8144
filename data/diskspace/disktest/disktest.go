// Package disktest gives tests a small real filesystem they can fill: a
// tmpfs of a chosen size, and a filler file that leaves a chosen number of
// bytes free. Mounting needs Linux and root (as in CI); elsewhere the test
// is skipped with the reason.
package disktest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"floordesk/data/diskspace"
)

// Filler is a file taking up a disk's space.
type Filler struct {
	t    testing.TB
	path string
}

// Fill writes a filler file in dir so that the disk has about leave bytes
// free (less, by at most a page), or as close as it can get when it holds
// less than that already. Each call adds a new file.
func Fill(t testing.TB, dir string, leave uint64) *Filler {
	t.Helper()
	f, err := os.CreateTemp(dir, "filler-*")
	if err != nil {
		t.Fatalf("filler: %v", err)
	}
	defer f.Close()
	free, err := diskspace.Free(dir)
	if err != nil {
		t.Fatalf("filler: %v", err)
	}
	chunk := bytes.Repeat([]byte{0xAA}, 1<<20)
	for need := int64(free) - int64(leave); need > 0; need -= int64(len(chunk)) {
		if need < int64(len(chunk)) {
			chunk = chunk[:(need+4095)/4096*4096]
		}
		if _, err := f.Write(chunk); err != nil {
			break // the disk is full: as close as it gets
		}
	}
	return &Filler{t: t, path: f.Name()}
}

// Remove deletes the filler, freeing its space.
func (f *Filler) Remove() {
	f.t.Helper()
	if err := os.Remove(f.path); err != nil {
		f.t.Fatalf("remove filler: %v", err)
	}
}

// Path is the filler file's path.
func (f *Filler) Path() string { return f.path }

// Dir makes a folder inside the tmpfs at root, for a store.
func Dir(t testing.TB, root, name string) string {
	t.Helper()
	dir := filepath.Join(root, name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}
