package sealdb

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/seal"
)

const phone = "13912345678"

func opts(dir string) badger.Options {
	return badger.DefaultOptions(dir).WithLogger(nil).WithMemTableSize(4 << 20).WithValueLogFileSize(8 << 20).WithValueThreshold(64)
}

// plainStore writes n records, some large enough for the value log, each
// naming the guest's phone, into a plain store in dir, and an extra file.
func plainStore(t *testing.T, dir string, n int) {
	t.Helper()
	db, err := badger.Open(opts(dir))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		err := db.Update(func(txn *badger.Txn) error {
			v := fmt.Sprintf("guest %d phone %s %s", i, phone, bytes.Repeat([]byte("x"), i%200))
			return txn.Set(fmt.Appendf(nil, "k%05d", i), []byte(v))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte("k00000")) })
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "admin-token"), []byte("secret"), 0o600)
	if b, _ := os.ReadFile(filepath.Join(dir, "000001.vlog")); !bytes.Contains(b, []byte(phone)) {
		t.Fatal("the plain store does not show the phone: the test would prove nothing")
	}
	if !IsPlain(dir) {
		t.Fatal("a store Badger wrote without a key is not plain")
	}
}

// checkEncrypted opens dir with key and finds every record but the
// deleted one, the extra file, no plain copy, and the phone nowhere in
// the folder's bytes.
func checkEncrypted(t *testing.T, dir string, key seal.Key, n int) {
	t.Helper()
	db, err := Open(opts(dir), key, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	count, _, err := digest(db)
	db.Close()
	if err != nil || count != n-1 {
		t.Fatalf("the encrypted store holds %d records (%v), want %d", count, err, n-1)
	}
	if IsPlain(dir) {
		t.Fatal("the store is still plain")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "admin-token")); string(b) != "secret" {
		t.Fatalf("the folder's other file holds %q", b)
	}
	for _, left := range []string{dir + plainSuffix, dir + sealingSuffix} {
		if exists(left) {
			t.Fatalf("%s is left", left)
		}
	}
	Grep(t, dir, phone)
}

// Grep fails when a file under root holds text.
func Grep(t *testing.T, root, text string) {
	t.Helper()
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if b, _ := os.ReadFile(path); bytes.Contains(b, []byte(text)) {
				t.Errorf("%s holds %q", path, text)
			}
		}
		return nil
	})
}

func TestPlainStoreIsEncryptedWithoutLoss(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	plainStore(t, dir, 3000)
	key := seal.NewKey()
	checkEncrypted(t, dir, key, 3000)
	checkEncrypted(t, dir, key, 3000) // and opens again as it is

	_, err := Open(opts(dir), seal.NewKey(), slog.Default())
	if !errors.Is(err, seal.ErrWrongKey) {
		t.Fatalf("open with another key: %v, want ErrWrongKey", err)
	}
	if _, err := badger.Open(opts(dir)); err == nil {
		t.Fatal("the encrypted store opened without its key")
	}
}

// A crash at each step of the encryption leaves a folder that opens with
// every record.
func TestInterruptedEncryption(t *testing.T) {
	key := seal.NewKey()
	steps := map[string]func(t *testing.T, dir string){
		"while copying": func(t *testing.T, dir string) {
			os.MkdirAll(dir+sealingSuffix, 0o700)
			os.WriteFile(filepath.Join(dir+sealingSuffix, "000001.sst"), []byte("half"), 0o600)
		},
		"copied, not swapped": func(t *testing.T, dir string) {
			if err := copyEncrypted(opts(dir), key, dir+sealingSuffix); err != nil {
				t.Fatal(err)
			}
			if err := finishCopy(dir, dir+sealingSuffix); err != nil {
				t.Fatal(err)
			}
		},
		"between the renames": func(t *testing.T, dir string) {
			copyEncrypted(opts(dir), key, dir+sealingSuffix)
			finishCopy(dir, dir+sealingSuffix)
			os.Rename(dir, dir+plainSuffix)
		},
		"swapped, plain copy kept": func(t *testing.T, dir string) {
			if err := Encrypt(opts(dir), key, slog.Default()); err != nil {
				t.Fatal(err)
			}
		},
		"plain renamed, copy lost": func(t *testing.T, dir string) {
			os.Rename(dir, dir+plainSuffix)
		},
	}
	for name, crash := range steps {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			plainStore(t, dir, 500)
			crash(t, dir)
			checkEncrypted(t, dir, key, 500)
		})
	}
}
