package seal_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/data/seal"
)

func sealed(t *testing.T, k seal.Key, plain []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := seal.NewWriter(&buf, k)
	if err != nil {
		t.Fatal(err)
	}
	// Written in odd pieces, as a backup stream writes.
	for p := plain; len(p) > 0; {
		n := min(len(p), 7001)
		if _, err := w.Write(p[:n]); err != nil {
			t.Fatal(err)
		}
		p = p[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(k seal.Key, b []byte) ([]byte, error) {
	r, err := seal.NewReader(bytes.NewReader(b), k)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestRoundTrip(t *testing.T) {
	k := seal.NewKey()
	for _, n := range []int{0, 1, seal.ChunkSize - 1, seal.ChunkSize, seal.ChunkSize + 1, 3*seal.ChunkSize + 5} {
		plain := bytes.Repeat([]byte("13800138000 王芳 "), n/12+1)[:n]
		s := sealed(t, k, plain)
		if n > 11 && bytes.Contains(s, []byte("13800138000")) {
			t.Fatalf("%d bytes: the phone number is readable in the sealed stream", n)
		}
		if !seal.IsSealed(s) || seal.KeyID(s) != k.ID() {
			t.Fatalf("%d bytes: header %q does not name key %s", n, s[:40], k.ID())
		}
		got, err := open(k, s)
		if err != nil || !bytes.Equal(got, plain) {
			t.Fatalf("%d bytes: read back %d bytes, %v", n, len(got), err)
		}
	}
}

// A sealed stream opens only with its key, and the refusal names the key
// it wants.
func TestWrongKey(t *testing.T) {
	k, other := seal.NewKey(), seal.NewKey()
	s := sealed(t, k, []byte("guest list"))
	_, err := open(other, s)
	if !errors.Is(err, seal.ErrWrongKey) || !strings.Contains(err.Error(), k.ID()) {
		t.Fatalf("open with another key: %v, want ErrWrongKey naming %s", err, k.ID())
	}
	if _, err := open(nil, s); !errors.Is(err, seal.ErrNoKey) {
		t.Fatalf("open with no key: %v, want ErrNoKey", err)
	}
}

// A stream cut short at any point, at a chunk's end too, or altered
// anywhere, is refused.
func TestDamage(t *testing.T) {
	k := seal.NewKey()
	s := sealed(t, k, bytes.Repeat([]byte("x"), 2*seal.ChunkSize+100))
	head := len(s) - (2*seal.ChunkSize + 100) - 3*16
	cuts := []int{len(s) - 1, head + seal.ChunkSize + 16, head + 2*(seal.ChunkSize+16), head + 10}
	for _, cut := range cuts {
		if _, err := open(k, s[:cut]); !errors.Is(err, seal.ErrDamaged) {
			t.Fatalf("cut at %d of %d: %v, want ErrDamaged", cut, len(s), err)
		}
	}
	for _, at := range []int{head + 5, head + seal.ChunkSize + 40, len(s) - 3} {
		bad := bytes.Clone(s)
		bad[at] ^= 1
		if _, err := open(k, bad); !errors.Is(err, seal.ErrDamaged) {
			t.Fatalf("byte %d altered: %v, want ErrDamaged", at, err)
		}
	}
	if _, err := open(k, append(bytes.Clone(s), 0)); !errors.Is(err, seal.ErrDamaged) {
		t.Fatalf("a byte added: %v, want ErrDamaged", err)
	}
}

func TestKeyFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "keys")
	path := filepath.Join(dir, "desk.key")
	k, created, err := seal.LoadOrCreateKeyFile(path)
	if err != nil || !created || !k.Valid() {
		t.Fatalf("first load: %v created=%v", err, created)
	}
	again, created, err := seal.LoadOrCreateKeyFile(path)
	if err != nil || created || !bytes.Equal(again, k) {
		t.Fatalf("second load: %v created=%v, same key %v", err, created, bytes.Equal(again, k))
	}
	if runtime.GOOS != "windows" {
		info, _ := os.Stat(path)
		dinfo, _ := os.Stat(dir)
		if info.Mode().Perm() != 0o600 || dinfo.Mode().Perm() != 0o700 {
			t.Fatalf("key file %v in folder %v, want 0600 in 0700", info.Mode().Perm(), dinfo.Mode().Perm())
		}
		os.Chmod(path, 0o644)
		if _, err := seal.ReadKeyFile(path); !errors.Is(err, seal.ErrKeyFileOpen) || !strings.Contains(err.Error(), "chmod 600") {
			t.Fatalf("a world-readable key file: %v, want ErrKeyFileOpen saying chmod 600", err)
		}
		os.Chmod(path, 0o640)
		if _, err := seal.ReadKeyFile(path); !errors.Is(err, seal.ErrKeyFileOpen) {
			t.Fatalf("a group-readable key file: %v, want ErrKeyFileOpen", err)
		}
		os.Chmod(path, 0o600)
	}
	if err := seal.WriteKeyFile(path, seal.NewKey()); err == nil {
		t.Fatal("WriteKeyFile replaced a key file")
	}
	other := filepath.Join(dir, "notes.key")
	os.WriteFile(other, []byte(strings.Repeat("ab", 32)), 0o600)
	if _, err := seal.ReadKeyFile(other); !errors.Is(err, seal.ErrKeyFileBad) {
		t.Fatalf("a file of hex digits: %v, want ErrKeyFileBad", err)
	}
}

func TestPassphraseLimits(t *testing.T) {
	salt := seal.NewSalt()
	for _, tc := range []struct {
		pass string
		ok   bool
	}{
		{strings.Repeat("密", seal.MinPassphrase-1), false},
		{strings.Repeat("密", seal.MinPassphrase), true},
		{strings.Repeat("a", seal.MaxPassphrase), true},
		{strings.Repeat("a", seal.MaxPassphrase+1), false},
	} {
		k, err := seal.FromPassphrase(tc.pass, salt)
		if tc.ok != (err == nil) || (tc.ok && !k.Valid()) {
			t.Fatalf("%d characters: %v", len([]rune(tc.pass)), err)
		}
	}
	a, _ := seal.FromPassphrase("correct horse battery", salt)
	b, _ := seal.FromPassphrase("correct horse battery", salt)
	c, _ := seal.FromPassphrase("correct horse battery", seal.NewSalt())
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Fatal("a passphrase must give the same key with its salt, another with another salt")
	}
}

// A wrapped key opens with its passphrase only.
func TestWrap(t *testing.T) {
	k := seal.NewKey()
	w, err := seal.Wrap(k, "前台主管的口令 2026")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(w, []byte(fmt.Sprintf("%x", []byte(k)))) {
		t.Fatal("the key is readable in its wrapping")
	}
	got, err := seal.Unwrap(w, "前台主管的口令 2026")
	if err != nil || !bytes.Equal(got, k) {
		t.Fatalf("unwrap: %v", err)
	}
	for _, wrong := range []string{"前台主管的口令 2027", "short", ""} {
		if _, err := seal.Unwrap(w, wrong); !errors.Is(err, seal.ErrWrongPassphrase) {
			t.Fatalf("unwrap with %q: %v, want ErrWrongPassphrase", wrong, err)
		}
	}
	if _, err := seal.Wrap(k, "too short"); !errors.Is(err, seal.ErrPassphraseLength) {
		t.Fatalf("wrap with a short passphrase: %v", err)
	}
	if _, err := seal.Unwrap([]byte("floordesk-key-v1 00"), "whatever passphrase"); !errors.Is(err, seal.ErrKeyFileBad) {
		t.Fatalf("unwrap of another file: %v", err)
	}
}
