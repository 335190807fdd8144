package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/sealdb"
	"floordesk/data/wire"
)

// alterOneEvent changes the actor of one stored event of the closed data
// folder dir, straight in Badger, as someone with the folder and its key
// could; it returns the event's ID.
func alterOneEvent(t *testing.T, dir string) string {
	t.Helper()
	db, err := sealdb.Open(badger.DefaultOptions(dir).WithLogger(nil), testKey, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id string
	err = db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("s"), PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid() && id == ""; it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			ev, err := wire.DecodeEvent(v)
			if err != nil || ev.Actor == "" || !bytes.Contains(v, []byte(`"seal"`)) {
				continue
			}
			ev.Actor = ev.Actor + "x"
			enc, err := ev.Encode()
			if err != nil {
				return err
			}
			id = ev.ID
			if err := txn.Set(it.Item().KeyCopy(nil), enc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || id == "" {
		t.Fatalf("alter an event: %q, %v", id, err)
	}
	return id
}

// TestVerifyFindsAnAlteredRecord: `floordesk verify` finds a demo hotel's
// chain whole, and, once one stored record is changed behind the desk's
// back, names it and ends with exit code 3.
func TestVerifyFindsAnAlteredRecord(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	r := floordesk(t, "verify", "--data", dir)
	r.wantCode(t, exitOK)
	if !strings.Contains(r.stdout, "没有缺失，也没有被改动") || !strings.Contains(r.stdout, "nothing is missing or changed") || strings.Contains(r.stdout, "PROBLEM") {
		t.Fatalf("a whole chain:\n%s", r.stdout)
	}

	id := alterOneEvent(t, dir)
	r = floordesk(t, "verify", "--data", dir)
	r.wantCode(t, exitChainProblems)
	if !strings.Contains(r.stdout, "event "+id+": its content does not match its seal") {
		t.Fatalf("the report does not name event %s as changed:\n%s", id, r.stdout)
	}
	if !strings.Contains(r.stdout, "发现 1 处问题") || !strings.Contains(r.stdout, "1 problems found") {
		t.Fatalf("the summary does not count one problem:\n%s", r.stdout)
	}
}
