package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"floordesk/data/backupfmt"
	"floordesk/data/wire"

	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// TestBackupRestoreRoundTrip backs up a store with many events while it is
// being written to, restores into an empty folder and checks the copy.
func TestBackupRestoreRoundTrip(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	var before []wire.Event
	for i := 0; i < 40; i++ {
		batch := make([]wire.Event, 50)
		for j := range batch {
			batch[j] = newEvent("loan", fmt.Sprint((i*50+j)%300), "loan.opened")
		}
		out, err := s.AppendAll(batch)
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, out...)
	}
	var buf bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the desk keeps working during the backup
		defer wg.Done()
		for i := 0; i < 100; i++ {
			s.Append(newEvent("key", fmt.Sprint(i%4), "key.signed_out"))
		}
	}()
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	wg.Wait()

	dir := filepath.Join(t.TempDir(), "restored")
	if err := Restore(dir, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	r := openTest(t, dir, "desk-a")
	for _, ev := range before {
		got, err := r.Get(ev.ID)
		if err != nil || !reflect.DeepEqual(got, ev) {
			t.Fatalf("event %s after restore: %+v, %v", ev.ID, got, err)
		}
	}
	st, _ := r.Stats()
	if st.Events < len(before) || st.Events > len(before)+100 || st.Outbox != st.Events {
		t.Fatalf("restored stats %+v, want %d..%d events all in the outbox", st, len(before), len(before)+100)
	}
	checkViewsMatchStreams(t, r)
	if _, err := r.Append(newEvent("key", "new", "key.registered")); err != nil {
		t.Fatalf("restored store not writable: %v", err)
	}
}

func TestRestoreRefusals(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	s.Append(newEvent("k", "1", "t"))
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644)
	if err := Restore(full, bytes.NewReader(buf.Bytes())); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("restore into a folder with files: %v, want ErrNotEmpty", err)
	}
	if b, _ := os.ReadFile(filepath.Join(full, "keep.txt")); string(b) != "mine" {
		t.Fatal("restore touched an existing folder")
	}
	if err := Restore(t.TempDir(), strings.NewReader("PK\x03\x04 a zip file")); !errors.Is(err, ErrBadBackup) {
		t.Fatalf("restore from a wrong file: %v, want ErrBadBackup", err)
	}
	cut := buf.Bytes()[:len(buf.Bytes())/2]
	if err := Restore(filepath.Join(t.TempDir(), "x"), bytes.NewReader(cut)); !errors.Is(err, ErrBadBackup) {
		t.Fatalf("restore from a cut backup: %v, want ErrBadBackup", err)
	}
}

// TestRestoreRefusesEveryCut cuts a backup at many places, record
// boundaries included, which Badger's stream alone cannot tell from its
// end: every cut is refused and leaves the folder as it was (missing, or
// the empty folder the IT person made).
func TestRestoreRefusesEveryCut(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	for i := range 300 {
		if _, err := s.Append(newEvent("key", fmt.Sprintf("K%d", i), "key.registered")); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	cuts := []int{0, len(backupMagic), len(whole) - backupfmt.TrailerLen, len(whole) - 1}
	for c := len(backupMagic) + 1; c < len(whole)-backupfmt.TrailerLen; c += max(1, len(whole)/97) {
		cuts = append(cuts, c)
	}
	for _, c := range cuts {
		made := t.TempDir() // an empty folder, made beforehand
		if err := Restore(made, bytes.NewReader(whole[:c])); !errors.Is(err, ErrBadBackup) {
			t.Fatalf("cut at %d of %d: %v, want ErrBadBackup", c, len(whole), err)
		}
		if entries, err := os.ReadDir(made); err != nil || len(entries) > 0 {
			t.Fatalf("cut at %d: the folder made beforehand holds %v (%v)", c, entries, err)
		}
		missing := filepath.Join(t.TempDir(), "new")
		Restore(missing, bytes.NewReader(whole[:c]))
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatalf("cut at %d: the restore left %s behind", c, missing)
		}
	}
	damaged := bytes.Clone(whole)
	damaged[len(whole)/2] ^= 0x40
	if err := Restore(t.TempDir(), bytes.NewReader(damaged)); !errors.Is(err, ErrBadBackup) {
		t.Fatalf("a flipped bit: %v, want ErrBadBackup", err)
	}
}

// TestRestoreReadsOlderBackups: backups written by earlier builds still
// restore: version 2 (framed, not compressed) and version 1 (header and
// stream only).
func TestRestoreReadsOlderBackups(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	if _, err := s.Append(newEvent("key", "K1", "key.registered")); err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	if err := s.writeBackupStream(&raw); err != nil {
		t.Fatal(err)
	}
	var v2 bytes.Buffer
	if err := backupfmt.WriteFramed(&v2, backupMagicV2, func(w io.Writer) error { _, err := w.Write(raw.Bytes()); return err }); err != nil {
		t.Fatal(err)
	}
	for name, file := range map[string][]byte{"1": append([]byte(backupMagicV1), raw.Bytes()...), "2": v2.Bytes()} {
		dir := t.TempDir()
		if err := Restore(dir, bytes.NewReader(file)); err != nil {
			t.Fatalf("restore a version %s backup: %v", name, err)
		}
		r := openTest(t, dir, "desk-a")
		if st, err := r.Stats(); err != nil || st.Events != 1 {
			t.Fatalf("restored version %s backup: %+v, %v", name, st, err)
		}
		r.Close()
	}
}

// TestBackupHoldsEachKeyOnce: a view rewritten by every event is in the
// backup once, as it is now, not once per rewrite Badger still keeps.
func TestBackupHoldsEachKeyOnce(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	for range 200 {
		if _, err := s.Append(newEvent("key", "K1", "key.registered")); err != nil {
			t.Fatal(err)
		}
	}
	var raw bytes.Buffer
	if err := s.writeBackupStream(&raw); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for r := bytes.NewReader(raw.Bytes()); r.Len() > 0; {
		var n uint64
		if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
			t.Fatal(err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			t.Fatal(err)
		}
		var list pb.KVList
		if err := proto.Unmarshal(b, &list); err != nil {
			t.Fatal(err)
		}
		for _, kv := range list.Kv {
			seen[string(kv.Key)]++
		}
	}
	view := string(viewKey(wire.EntityRef{Kind: "key", ID: "K1"}))
	if seen[view] != 1 {
		t.Errorf("the view is in the backup %d times, want once", seen[view])
	}
	for k, n := range seen {
		if n > 1 {
			t.Errorf("key %q is in the backup %d times", k, n)
		}
	}
}
