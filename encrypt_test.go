package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	"floordesk/data"
	"floordesk/data/seal"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

// phoneNumber is how the demo writes a guest's mobile number.
var phoneNumber = regexp.MustCompile(`13[0-9]{9}`)

// phonesIn lists the phone numbers readable in the files under root.
func phonesIn(t *testing.T, root string) map[string]string {
	t.Helper()
	found := map[string]string{}
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		b, _ := os.ReadFile(path)
		for _, m := range phoneNumber.FindAll(b, -1) {
			found[string(m)] = path
		}
		return nil
	})
	return found
}

// A data folder made by a build that did not encrypt (the demo hotel's
// claims and loss reports hold guests' phones) opens after the change
// with every record; then no demo guest's phone is found by grep in the
// folder, beside it, or in a backup, and the backup restores only with
// its key.
func TestPlainFolderIsEncryptedWithEveryRecord(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	st, err := data.Open(data.Options{Dir: dir, Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion})
	if err != nil {
		t.Fatal(err)
	}
	svc := app.New(st, nil)
	svc.PINCost = app.TestPINCost
	if err := appdemo.Demo(svc, appdemo.DemoOptions{Seed: 1, Size: 300, Days: 20}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	phones := phonesIn(t, dir)
	if len(phones) == 0 {
		t.Fatal("no guest's phone is readable in the plain folder: the test would prove nothing")
	}
	before := contentsOf(t, dir) // opening it encrypts it

	file := filepath.Join(t.TempDir(), "hotel.fdbackup")
	floordesk(t, "backup", "--data", dir, file).wantCode(t, exitOK)
	if after := contentsOf(t, dir); after != before {
		t.Fatalf("the encrypted folder holds\n%+v\nwant\n%+v", after, before)
	}
	for _, root := range []string{filepath.Dir(dir), filepath.Dir(file)} {
		for phone, path := range phonesIn(t, root) {
			if _, ok := phones[phone]; ok {
				t.Errorf("a demo guest's phone %s is readable in %s", phone, path)
			}
		}
	}
	wantNoFolder(t, dir+".plain")

	other := filepath.Join(t.TempDir(), "other.key")
	if err := seal.WriteKeyFile(other, seal.NewKey()); err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "restored")
	r := floordesk(t, "restore", "--data", restored, "--key-file", other, file)
	r.wantCode(t, exitFailed)
	wantSaid(t, "stderr", r.stderr, "cli.restore_wrong_key", map[string]string{"File": file, "Dir": restored, "Key": testKey.ID()})
	wantNoData(t, restored)
	floordesk(t, "restore", "--data", restored, file).wantCode(t, exitOK)
	if got := contentsOf(t, restored); got != before {
		t.Fatalf("the restored folder holds\n%+v\nwant\n%+v", got, before)
	}
}

// A data folder whose key is nowhere says that no hotel data is lost and
// what to do; a key file others may read is refused.
func TestKeyRefusals(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	elsewhere := filepath.Join(t.TempDir(), "missing.key")
	r := floordesk(t, "backup", "--data", dir, "--key-file", elsewhere, filepath.Join(t.TempDir(), "b"))
	r.wantCode(t, exitFailed)
	wantSaid(t, "stderr", r.stderr, "cli.key_lost", map[string]string{"Dir": dir})

	open := filepath.Join(t.TempDir(), "open.key")
	seal.WriteKeyFile(open, testKey)
	os.Chmod(open, 0o644)
	r = floordesk(t, "backup", "--data", dir, "--key-file", open, filepath.Join(t.TempDir(), "b"))
	r.wantCode(t, exitFailed)
	wantSaid(t, "stderr", r.stderr, "cli.key_file_open", map[string]string{"Dir": dir})

	exported := filepath.Join(t.TempDir(), "safe", "desk.key")
	r = floordesk(t, "export-key", "--data", dir, exported)
	r.wantCode(t, exitOK)
	wantSaid(t, "stdout", r.stdout, "cli.key_exported", map[string]string{"File": exported, "Key": testKey.ID()})
	if k, err := seal.ReadKeyFile(exported); err != nil || k.ID() != testKey.ID() {
		t.Fatalf("the exported key file: %v", err)
	}
}

// The demo hotel's events, pushed to a real server on loopback whose
// store is encrypted, leave no demo guest's phone readable in the
// server's folder or in its backup.
func TestServerFolderAndBackupHideTheDemoGuests(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	st, err := data.Open(data.Options{Dir: dir, Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := app.New(st, nil)
	svc.PINCost = app.TestPINCost
	if err := appdemo.Demo(svc, appdemo.DemoOptions{Seed: 2, Size: 300, Days: 20}); err != nil {
		t.Fatal(err)
	}
	phones := demoPhones(t, st)

	serverDir := filepath.Join(t.TempDir(), "server-data")
	quiet := slog.New(slog.DiscardHandler)
	store, err := badgerstore.OpenWith(serverDir, seal.NewKey(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: store, Logger: quiet, Version: "test", LongPoll: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Close()
	code, err := server.CreateEnrolment(ctx, store, "grand", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(ctx, st, hs.URL, code); err != nil {
		t.Fatal(err)
	}
	pushAll(t, st)

	var backup bytes.Buffer
	if err := store.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	store.Close()
	files := phonesIn(t, serverDir)
	for phone := range phones {
		if path, ok := files[phone]; ok {
			t.Errorf("a demo guest's phone %s is readable in the server's %s", phone, path)
		}
		if bytes.Contains(backup.Bytes(), []byte(phone)) {
			t.Errorf("a demo guest's phone %s is readable in the server's backup", phone)
		}
	}
}

// demoPhones are the guests' phone numbers in the desk's events, as a
// person reading the desk's screens would find them.
func demoPhones(t *testing.T, st *data.Store) map[string]bool {
	t.Helper()
	phones := map[string]bool{}
	for after := uint64(0); ; {
		evs, next, err := st.Log(after, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			break
		}
		for _, ev := range evs {
			for _, m := range phoneNumber.FindAll(ev.Body, -1) {
				phones[string(m)] = true
			}
		}
		after = next
	}
	if len(phones) == 0 {
		t.Fatal("the demo hotel holds no guest's phone: the test would prove nothing")
	}
	return phones
}

// pushAll syncs st until its outbox is empty.
func pushAll(t *testing.T, st *data.Store) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	c := data.NewSyncClient(st, data.SyncConfig{})
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	defer func() { cancel(); <-done }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if s := c.Status(); s.Online && s.Pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the desk did not send its events: %+v", c.Status())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
