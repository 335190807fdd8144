package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/data/seal"
	"floordesk/server/badgerstore"
)

// The server makes its folder's key at first start, 0600, and refuses a
// key file others may read, saying how to fix it.
func TestKeyFileMadeAndKeptPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "data")
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel"}, &out); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, keyFileName)
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("key file %v (%v), want mode 0600", info, err)
	}
	if _, err := badgerstore.Open(dir, quietLogger()); err == nil {
		t.Fatal("the server's folder opened without its key")
	}
	os.Chmod(path, 0o644)
	err = enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel"}, &out)
	if !errors.Is(err, seal.ErrKeyFileOpen) || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-readable key file: %v, want a refusal saying chmod 600", err)
	}
	os.Chmod(path, 0o600)
	os.Rename(path, path+".away")
	err = enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel"}, &out)
	if err == nil || !strings.Contains(err.Error(), "--key-file") {
		t.Fatalf("an encrypted folder without its key file: %v, want a refusal saying --key-file", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a new key was made for an encrypted folder")
	}
	err = enroll(t.Context(), []string{"--data", dir, "--key-file", path + ".away", "--property", "grand-hotel"}, &out)
	if err != nil {
		t.Fatalf("with --key-file: %v", err)
	}
}

// A folder left plain by an earlier build is encrypted at the next start
// with a new key file, keeping its desks.
func TestPlainServerFolderGetsAKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	st, err := badgerstore.Open(dir, quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel"}, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, keyFileName)); err != nil {
		t.Fatalf("no key file made: %v", err)
	}
	if _, err := badgerstore.Open(dir, quietLogger()); err == nil {
		t.Fatal("the folder is still plain")
	}
}
