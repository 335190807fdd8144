package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"floordesk/app"
	appregisters "floordesk/app/apptest/registers"
)

// The demo command makes a hotel in a new folder and says where, without a
// window.
func TestDemoCommandMakesAHotel(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "demo")
	r := floordesk(t, "demo", "--data", dir, "--size", "300", "--seed", "3") // 299 made: each register's share rounds down
	r.wantCode(t, exitOK)
	wantSaid(t, "stdout", r.stdout, "cli.demo_progress", map[string]string{"Done": "299", "Total": "299"})
	if !strings.Contains(r.stdout, dir) {
		t.Fatalf("stdout does not say where the hotel is:\n%s", r.stdout)
	}
	st := openStore(t, dir)
	defer st.Close()
	svc := appregisters.New(app.New(st, nil))
	staff, _ := svc.StaffList(false)
	keys, _ := svc.Keys()
	if stats, _ := st.Stats(); len(staff) != 30 || len(keys) != 40 || stats.Events < 300 {
		t.Fatalf("staff %d keys %d events %d", len(staff), len(keys), stats.Events)
	}
}

// --size is a number of records from 1 to maxDemoSize; outside it the
// command says so and makes no folder.
func TestDemoCommandSizeLimit(t *testing.T) {
	for n, ok := range map[int]bool{1: true, maxDemoSize: true, 0: false, -5: false, maxDemoSize + 1: false} {
		if demoSizeOK(n) != ok {
			t.Errorf("size %d accepted = %v", n, !ok)
		}
	}
	for _, size := range []string{"0", strconv.Itoa(maxDemoSize + 1)} {
		dir := filepath.Join(t.TempDir(), "demo")
		r := floordesk(t, "demo", "--data", dir, "--size", size)
		r.wantCode(t, exitUsage)
		wantSaid(t, "stderr", r.stderr, "cli.demo_size", map[string]string{"Max": strconv.Itoa(maxDemoSize)})
		if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) > 0 {
			t.Fatalf("--size %s made files: %v", size, matches)
		}
	}
}

// The demo command refuses a folder that already holds a hotel.
func TestDemoCommandRefusesAFolderWithData(t *testing.T) {
	t.Parallel()
	dir := newHotel(t)
	before := contentsOf(t, dir)
	r := floordesk(t, "demo", "--data", dir, "--size", "10")
	r.wantCode(t, exitUsage)
	wantSaid(t, "stderr", r.stderr, "cli.demo_not_empty", map[string]string{"Dir": dir})
	if after := contentsOf(t, dir); after != before {
		t.Fatalf("the data folder changed:\n%+v\nwant\n%+v", after, before)
	}
}
