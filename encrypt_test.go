package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	"floordesk/data"
	"floordesk/data/seal"
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
