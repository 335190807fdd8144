package data

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestAutoBackupKeepsAWeekOfDailyCopies runs the daily backup over ten
// days and checks there are seven restorable files, the newest last.
func TestAutoBackupKeepsAWeekOfDailyCopies(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	dir := filepath.Join(t.TempDir(), "backups")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600)
	now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	ab := &AutoBackup{Store: s, Dir: dir, Now: func() time.Time { return now }}
	for day := 0; day < 10; day++ {
		if _, err := s.Append(newEvent("key", "K", "key.signed_out")); err != nil {
			t.Fatal(err)
		}
		for hour := 0; hour < 3; hour++ { // hourly checks: one backup a day
			if err := ab.RunOnce(); err != nil {
				t.Fatal(err)
			}
			now = now.Add(time.Hour)
		}
		now = now.Add(21 * time.Hour)
	}
	files, err := ab.list()
	if err != nil || len(files) != 7 {
		t.Fatalf("backups = %v, %v; want 7", files, err)
	}
	if files[6] != "floordesk-20261110-080000.fdbackup" {
		t.Fatalf("newest backup = %s", files[6])
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal("auto backup removed a file it did not write")
	}
	f, _ := os.Open(filepath.Join(dir, files[6]))
	defer f.Close()
	restored := filepath.Join(t.TempDir(), "r")
	if err := Restore(restored, f); err != nil {
		t.Fatal(err)
	}
	r := openTest(t, restored, "desk-a")
	if st, _ := r.Stats(); st.Events != 10 {
		t.Fatalf("newest backup holds %d events, want 10", st.Events)
	}
}
