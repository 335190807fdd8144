package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/seal"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Shutdown()
	os.Exit(code)
}

// A backup taken while the server runs restores into an empty folder with
// the desks, all signed out, and a new epoch.
func TestBackupWhileRunningThenRestore(t *testing.T) {
	r := startServer(t)
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", r.dir, "--property", "grand-hotel"}, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Enroll(t.Context(), r.url, strings.TrimSpace(out.String()), "desk-7"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "floordesk.backup")
	if err := backup(t.Context(), []string{"--data", r.dir, file}, &out); err != nil {
		t.Fatal(err)
	}
	oldEpoch := storeEpoch(t, r)
	restored := filepath.Join(t.TempDir(), "restored")
	err := restore(t.Context(), []string{"--data", restored, file}, &out)
	if err == nil || !strings.Contains(err.Error(), "--backup-key") {
		t.Fatalf("restore of a sealed backup without its key: %v, want a refusal saying --backup-key", err)
	}
	serverKey := filepath.Join(r.dir, keyFileName)
	if err := restore(t.Context(), []string{"--data", restored, "--backup-key", serverKey, file}, &out); err != nil {
		t.Fatal(err)
	}
	if err := restore(t.Context(), []string{"--data", restored, "--backup-key", serverKey, file}, &out); err == nil {
		t.Fatal("restore into a folder that is not empty succeeded")
	}
	st := openKeyed(t, restored)
	defer st.Close()
	list, _ := st.Desks(t.Context())
	epoch, _ := st.Epoch(t.Context())
	if len(list) != 1 || list[0].ID != "desk-7" || list[0].Revoked.IsZero() || epoch == oldEpoch {
		t.Fatalf("restored desks %+v, epoch %q (was %q): want desk-7 revoked and a new epoch", list, epoch, oldEpoch)
	}
	if !strings.Contains(out.String(), "every desk is signed out") {
		t.Fatalf("restore did not say what is left to do: %q", out.String())
	}
}

// With PostgreSQL, restore marks a database pg_restore filled: a new
// epoch, every desk revoked, every unused code void.
func TestRestorePostgres(t *testing.T) {
	url := pgtest.NewDB(t)
	st, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hash := server.HashSecret
	for _, code := range []string{"code-7", "unused"} {
		err := st.AddEnrolment(t.Context(), server.Enrolment{CodeHash: hash(code), Property: "grand-hotel", Expires: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.Enroll(t.Context(), hash("code-7"), "desk-7", hash("token-7"), time.Now()); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Epoch(t.Context())
	var out bytes.Buffer
	if err := restore(t.Context(), []string{"--postgres", url, "some.dump"}, &out); exitCode(err) != 2 {
		t.Fatalf("restore --postgres with a file: %v, want a usage error", err)
	}
	if err := restore(t.Context(), []string{"--postgres", url}, &out); err != nil {
		t.Fatal(err)
	}
	again, err := pgstore.Open(t.Context(), url) // as the servers started afterwards
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if epoch, _ := again.Epoch(t.Context()); epoch == before {
		t.Errorf("epoch unchanged by restore --postgres")
	}
	if _, err := again.DeskByToken(t.Context(), hash("token-7")); !errors.Is(err, server.ErrRevoked) {
		t.Errorf("desk token after restore --postgres: %v, want ErrRevoked", err)
	}
	if _, err := again.Enroll(t.Context(), hash("unused"), "desk-8", hash("token-8"), time.Now()); !errors.Is(err, server.ErrCodeUsed) {
		t.Errorf("unused code after restore --postgres: %v, want ErrCodeUsed", err)
	}
}

// storeEpoch stops the server and reads its store's epoch.
func storeEpoch(t *testing.T, r *running) string {
	r.shutdown()
	st := openKeyed(t, r.dir)
	defer st.Close()
	epoch, err := st.Epoch(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return epoch
}

func TestBackupWithoutServer(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel"}, &out); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b")
	if err := backup(t.Context(), []string{"--data", dir, file}, &out); err != nil {
		t.Fatal(err)
	}
	if err := backup(t.Context(), []string{"--data", filepath.Join(dir, "missing"), file}, &out); err == nil {
		t.Fatal("backup of a missing folder succeeded")
	}
	other := t.TempDir() // a typo in --data: a folder of other files
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("hi"), 0o644)
	if err := backup(t.Context(), []string{"--data", other, file + "2"}, &out); err == nil || !strings.Contains(err.Error(), "holds no server data") {
		t.Fatalf("backup of a folder of other files: %v", err)
	}
	if entries, _ := os.ReadDir(other); len(entries) != 1 {
		t.Fatalf("the backup wrote into the folder of other files: %v", entries)
	}
	if err := backup(t.Context(), []string{"--postgres", "host=/nowhere", file}, &out); !errors.Is(err, errPostgresBackup) {
		t.Fatalf("backup with --postgres: %v", err)
	}
}

// openKeyed opens the server store in dir with its key file, as the
// commands do.
func openKeyed(t *testing.T, dir string) *badgerstore.Store {
	t.Helper()
	k, err := seal.ReadKeyFile(filepath.Join(dir, keyFileName))
	if err != nil {
		t.Fatal(err)
	}
	st, err := badgerstore.OpenWith(dir, k, quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	return st
}
