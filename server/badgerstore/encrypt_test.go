package badgerstore_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"floordesk/data/private"
	"floordesk/data/seal"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// The contract holds for an encrypted store as for a plain one.
func TestContractEncrypted(t *testing.T) {
	storetest.Run(t, func(t *testing.T) server.Store {
		s, err := badgerstore.OpenWith(t.TempDir(), seal.NewKey(), quiet)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// phone is the i-th guest's phone, each unlike the others.
func phone(i int) string { return fmt.Sprintf("13%09d", (uint64(i)*2654435761+777)%1e9) }

// claims makes n claims of found items, each with its guest's phone.
func claims(n int) []server.Pushed {
	evs := storetest.NewEvents("desk-a", n, 10)
	for i := range evs {
		ev := evs[i].Event
		ev.Entity = wire.EntityRef{Kind: "found", ID: fmt.Sprint("item-", i)}
		ev.Type = "found.claimed"
		ev.Body = fmt.Appendf(nil, `{"claimant":"王芳","contact":%q}`, phone(i))
		raw, err := ev.Encode()
		if err != nil {
			panic(err)
		}
		evs[i] = server.Pushed{Event: ev, Raw: raw}
	}
	return evs
}

// holding lists the files under root that hold one of the first n phones.
func holding(root string, n int) []string {
	var found []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		b, _ := os.ReadFile(path)
		for i := range n {
			if bytes.Contains(b, []byte(phone(i))) {
				found = append(found, path)
				break
			}
		}
		return nil
	})
	return found
}

// A server folder written by a build without encryption opens with every
// event, encrypted; the guests' phones are then in no file of the folder
// nor of a backup, which restores only with its key.
func TestPlainServerFolderIsEncrypted(t *testing.T) {
	ctx := t.Context()
	dir := filepath.Join(t.TempDir(), "server-data")
	plain, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	evs := claims(400)
	if _, err := plain.Append(ctx, "hotel", evs); err != nil {
		t.Fatal(err)
	}
	epoch, _ := plain.Epoch(ctx)
	plain.Close()
	if len(holding(dir, len(evs))) == 0 {
		t.Fatal("the plain folder shows no phone: the test would prove nothing")
	}

	key := seal.NewKey()
	s, err := badgerstore.OpenWith(dir, key, quiet)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.Since(ctx, "hotel", 0, 1000, 1<<30)
	if e, _ := s.Epoch(ctx); err != nil || len(recs) != len(evs) || !bytes.Equal(recs[399].Raw, evs[399].Raw) || e != epoch {
		t.Fatalf("after encryption: %d events (%v), epoch %q (was %q)", len(recs), err, e, epoch)
	}
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, path := range holding(filepath.Dir(dir), len(evs)) {
		t.Errorf("%s holds a guest's phone", path)
	}
	if loose, err := private.Loose(dir); err != nil || len(loose) > 0 {
		t.Fatalf("the encrypted folder is open to others: %v (%v)", loose, err)
	}
	if bytes.Contains(backup.Bytes(), []byte(phone(7))) || !seal.IsSealed(backup.Bytes()) {
		t.Fatal("the backup is not sealed")
	}
	if _, err := badgerstore.OpenWith(dir, seal.NewKey(), quiet); !errors.Is(err, seal.ErrWrongKey) {
		t.Fatalf("open with another key: %v, want ErrWrongKey", err)
	}
	restoreOnlyWithItsKey(t, backup.Bytes(), key, len(evs))
}

func restoreOnlyWithItsKey(t *testing.T, backup []byte, key seal.Key, n int) {
	t.Helper()
	for _, other := range []seal.Key{seal.NewKey(), nil} {
		dir := filepath.Join(t.TempDir(), "restored")
		err := badgerstore.RestoreWith(dir, bytes.NewReader(backup), other, quiet)
		if err == nil || !strings.Contains(err.Error(), key.ID()) {
			t.Fatalf("restore with another key: %v, want a refusal naming key %s", err, key.ID())
		}
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Fatal("a refused restore left its folder")
		}
	}
	dir := filepath.Join(t.TempDir(), "restored")
	if err := badgerstore.RestoreWith(dir, bytes.NewReader(backup), key, quiet); err != nil {
		t.Fatal(err)
	}
	r, err := badgerstore.OpenWith(dir, key, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if recs, _ := r.Since(t.Context(), "hotel", 0, 1000, 1<<30); len(recs) != n {
		t.Fatalf("restored %d events, want %d", len(recs), n)
	}
	for _, path := range holding(dir, n) {
		t.Errorf("%s holds a guest's phone", path)
	}
}
