package data

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/diskspace/disktest"
	"floordesk/data/wire"
)

// Each test here mounts a tmpfs a little larger than the reserve, so a
// filler file can take the disk below the reserve, or fill it.
const diskTestSize = DiskReserve + 48<<20

// waitDisk waits until the store sees its disk full (or not): it asks the
// disk at most once a second.
func waitDisk(t *testing.T, s *Store, full bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.Disk().Full != full {
		if time.Now().After(deadline) {
			t.Fatalf("the store did not see its disk full=%v within 10 s", full)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func remoteEvent(desk, id string, ms int64) wire.Event {
	return wire.Event{ID: NewEventID(), HLC: wire.MakeTimestamp(ms, 0), Desk: desk, Actor: "staff-9",
		Entity: wire.EntityRef{Kind: "key", ID: id}, Type: "key.noted", Version: 1, Body: json.RawMessage(`{}`)}
}

// TestFullDiskRefusesWritesAndResumes: below the reserve every write is
// refused with ErrDiskFull (a command, a pull, a setting, an
// acknowledgement), nothing saved before is lost or changed, and once space
// is freed writing works again without a restart.
func TestFullDiskRefusesWritesAndResumes(t *testing.T) {
	root := disktest.Tmpfs(t, diskTestSize)
	s := openTest(t, disktest.Dir(t, root, "desk"), "desk-a")
	var saved []wire.Event
	for i := range 20 {
		saved = append(saved, mustAppend(t, s, fmt.Sprintf("K%d", i%4)))
	}
	if _, err := s.ApplyRemote([]wire.Event{remoteEvent("desk-b", "K9", 1000)}, 7); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)

	filler := disktest.Fill(t, root, DiskReserve-8<<20)
	waitDisk(t, s, true)
	if d := s.Disk(); !d.Full || d.ReadOnly {
		t.Fatalf("Disk() = %+v, want full, not read-only", d)
	}
	refused := map[string]error{}
	_, refused["append"] = s.Append(newEvent("key", "K1", "key.signed_out"))
	_, refused["append all"] = s.AppendAll([]wire.Event{newEvent("key", "K2", "key.signed_out"), newEvent("key", "K3", "key.signed_out")})
	_, refused["pull"] = s.ApplyRemote([]wire.Event{remoteEvent("desk-b", "K8", 2000)}, 9)
	refused["setting"] = s.SetSetting("language", "en")
	refused["ack"] = s.Ack([]string{saved[0].ID})
	for what, err := range refused {
		if !errors.Is(err, ErrDiskFull) {
			t.Errorf("%s on a full disk = %v, want ErrDiskFull", what, err)
		}
	}
	if after := snapshot(t, s); after != before {
		t.Fatalf("a full disk changed what the store holds:\nbefore %s\nafter  %s", before, after)
	}

	filler.Remove()
	waitDisk(t, s, false)
	mustAppend(t, s, "K1")
	if _, err := s.ApplyRemote([]wire.Event{remoteEvent("desk-b", "K8", 2000)}, 9); err != nil {
		t.Fatalf("pull after space was freed: %v", err)
	}
	if c, _ := s.Cursor(); c != 9 {
		t.Fatalf("cursor = %d after the pull, want 9", c)
	}
	if err := s.Ack([]string{saved[0].ID}); err != nil {
		t.Fatal(err)
	}
}

func mustAppend(t *testing.T, s *Store, id string) wire.Event {
	t.Helper()
	ev, err := s.Append(newEvent("key", id, "key.signed_out"))
	if err != nil {
		t.Fatalf("append %s: %v", id, err)
	}
	return ev
}

// snapshot is what a person at the desk could check: the counts, the
// cursor, the outbox, and every view.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	st.LastHLC = 0 // a refused command still reads the clock
	var b strings.Builder
	fmt.Fprintf(&b, "%+v", st)
	err = s.Views("key", func(id string, v []byte) error {
		fmt.Fprintf(&b, " %s=%s", id, v)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestOpenOnFullDiskIsReadOnly: a desk that starts on a full disk opens
// its data read-only instead of crashing: everything saved shows, every
// write is refused with ErrDiskFull, and after space is freed the next
// start saves again. A folder with no store yet cannot open on a full
// disk and says so.
func TestOpenOnFullDiskIsReadOnly(t *testing.T) {
	root := disktest.Tmpfs(t, diskTestSize)
	dir := disktest.Dir(t, root, "desk")
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	var saved []wire.Event
	for i := range 30 {
		saved = append(saved, mustAppend(t, s, fmt.Sprintf("K%d", i%5)))
	}
	before := snapshot(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	filler := disktest.Fill(t, root, 8<<20)
	s, err = Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold})
	if err != nil {
		t.Fatalf("open on a full disk: %v", err)
	}
	if d := s.Disk(); !d.Full || !d.ReadOnly {
		t.Fatalf("Disk() = %+v, want full and read-only", d)
	}
	if got := snapshot(t, s); got != before {
		t.Fatalf("read-only store shows other data:\nsaved %s\nshown %s", before, got)
	}
	for _, ev := range saved {
		if _, err := s.Get(ev.ID); err != nil {
			t.Fatalf("event %s: %v", ev.ID, err)
		}
	}
	if _, err := s.Append(newEvent("key", "K1", "key.signed_out")); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("append on a read-only store = %v, want ErrDiskFull", err)
	}
	if _, err := s.ApplyRemote([]wire.Event{remoteEvent("desk-b", "K8", 2000)}, 9); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("pull on a read-only store = %v, want ErrDiskFull", err)
	}
	if _, err := Open(Options{Dir: disktest.Dir(t, root, "new"), Fold: TraceFold}); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("open a new store on a full disk = %v, want ErrDiskFull", err)
	}

	filler.Remove()
	if _, err := Open(Options{Dir: dir, Fold: TraceFold}); !errors.Is(err, ErrAlreadyRunning) {
		t.Fatalf("a second desk on the folder held read-only = %v, want ErrAlreadyRunning", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("close read-only: %v", err)
	}
	s = openTest(t, dir, "desk-a")
	if d := s.Disk(); d.Full || d.ReadOnly {
		t.Fatalf("Disk() after space was freed = %+v", d)
	}
	mustAppend(t, s, "K1")
}

// TestStoreStopsBeforeItsDiskIsFull: a desk that fills its disk itself
// stops at the reserve, and what Badger still writes after that (the
// memtable flush at Close, compactions) fits: no crash, and every event
// the store acknowledged is there after a restart.
func TestStoreStopsBeforeItsDiskIsFull(t *testing.T) {
	root := disktest.Tmpfs(t, DiskReserve+24<<20)
	dir := disktest.Dir(t, root, "desk")
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pool := noise(rng, 1<<20)
	var saved []string
	deadline := time.Now().Add(2 * time.Minute)
	for {
		ev := newEvent("note", fmt.Sprintf("N%d", len(saved)), "note.written")
		at := rng.IntN(len(pool) - 200<<10)
		ev.Body = json.RawMessage(`{"t":"` + pool[at:at+200<<10] + `"}`)
		stored, err := s.Append(ev)
		if errors.Is(err, ErrDiskFull) {
			break
		}
		if err != nil {
			t.Fatalf("append %d: %v", len(saved), err)
		}
		saved = append(saved, stored.ID)
		if time.Now().After(deadline) {
			t.Fatalf("the store never refused: %d events saved", len(saved))
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openTest(t, dir, "desk-a")
	for _, id := range saved {
		if _, err := s.Get(id); err != nil {
			t.Fatalf("event %s was acknowledged but is gone: %v", id, err)
		}
	}
	t.Logf("%d events of 200 KB saved before the store refused", len(saved))
}

// noise is n incompressible letters and digits; a record's body is a
// window of it at a random place.
func noise(rng *rand.Rand, n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rng.IntN(len(letters))]
	}
	return string(b)
}

const diskFullChildEnv = "FLOORDESK_DISKFULL_CHILD_DIR"

// diskFullChild is the child half of TestTrulyFullDisk: it saves events,
// then, once told the disk was filled, tries to save more and closes.
// Badger killing it with SIGBUS is what the test looks for.
func diskFullChild(dir string) {
	s, err := Open(Options{Dir: dir, Desk: "desk-full", Fold: TraceFold, GCInterval: -1})
	if err != nil {
		fmt.Println("OPEN-FAILED", err)
		os.Exit(3)
	}
	for i := range 50 {
		ev, err := s.Append(newEvent("key", fmt.Sprintf("K%d", i%6), "key.signed_out"))
		if err != nil {
			fmt.Println("APPEND-FAILED", err)
			os.Exit(4)
		}
		fmt.Println("SAVED", ev.ID)
	}
	fmt.Println("READY")
	bufio.NewReader(os.Stdin).ReadString('\n') // the disk is full now
	for !s.Disk().Full {
		time.Sleep(20 * time.Millisecond)
	}
	_, err = s.Append(newEvent("key", "K1", "key.signed_out"))
	fmt.Println("APPEND", errors.Is(err, ErrDiskFull))
	_, err = s.ApplyRemote([]wire.Event{remoteEvent("desk-b", "K8", 2000)}, 9)
	fmt.Println("PULL", errors.Is(err, ErrDiskFull))
	fmt.Println("CLOSE", s.Close())
	os.Exit(0)
}

// TestTrulyFullDisk: another program fills the disk to the last byte after
// the desk's last save. The desk refuses the next command and pull, and
// closes without crashing (Badger's flush would fault, so it is skipped);
// every event saved is there when it starts again with space.
func TestTrulyFullDisk(t *testing.T) {
	root := disktest.Tmpfs(t, diskTestSize)
	dir := disktest.Dir(t, root, "desk")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), diskFullChildEnv+"="+dir)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer done.Stop()
	var saved, report []string
	var filler *disktest.Filler
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		switch line := sc.Text(); {
		case strings.HasPrefix(line, "SAVED "):
			saved = append(saved, strings.TrimPrefix(line, "SAVED "))
		case line == "READY":
			filler = disktest.Fill(t, root, 0)
			io.WriteString(stdin, "go\n")
		default:
			report = append(report, line)
		}
	}
	err := cmd.Wait()
	want := []string{"APPEND true", "PULL true", "CLOSE <nil>"}
	if err != nil || strings.Join(report, "; ") != strings.Join(want, "; ") {
		t.Fatalf("child on a full disk: %v, said %q, want %q", err, report, want)
	}
	if len(saved) != 50 || filler == nil {
		t.Fatalf("child saved %d events before the disk was filled", len(saved))
	}
	filler.Remove()
	s := openTest(t, dir, "desk-full")
	for _, id := range saved {
		if _, err := s.Get(id); err != nil {
			t.Fatalf("event %s was saved before the disk filled but is gone: %v", id, err)
		}
	}
	checkViewsMatchStreams(t, s)
}

// TestRestoreStopsBeforeTheDiskIsFull: restoring a backup larger than the
// room a disk has left stops at the reserve with ErrDiskFull (Badger would
// die of SIGBUS loading it to the last byte) and leaves the folder as it
// was.
func TestRestoreStopsBeforeTheDiskIsFull(t *testing.T) {
	src := t.TempDir()
	db, err := badger.Open(badgerOptions(src, quietLogger()))
	if err != nil {
		t.Fatal(err)
	}
	pool := noise(rand.New(rand.NewPCG(3, 4)), 2<<20)
	for i := range 40 { // 40 MB the disk will not hold
		err := db.Update(func(txn *badger.Txn) error {
			return txn.Set([]byte(fmt.Sprintf("zfill/%d", i)), []byte(pool[i*(1<<14):][:1<<20]))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s := openTest(t, src, "desk-a")
	file := filepath.Join(t.TempDir(), "big.fdbackup")
	if err := s.BackupFile(file); err != nil {
		t.Fatal(err)
	}

	root := disktest.Tmpfs(t, DiskReserve+16<<20)
	dir := filepath.Join(root, "restored")
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Restore(dir, f); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("restore onto a disk too small = %v, want ErrDiskFull", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a stopped restore left %s behind (%v)", dir, err)
	}
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
