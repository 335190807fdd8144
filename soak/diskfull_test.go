package soak

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

var (
	soakDiskFull = flag.Bool("soak.diskfull", true, "also fill the server's disk (a tmpfs the test mounts; root only, skipped otherwise) and free it")
	soakFullFor  = flag.Duration("soak.full-for", 5*time.Second, "how long desks work while the server's disk is full")
)

// The disk-full soak runs the server in a child process (this test binary
// started again with childServerEnv set, see TestMain): on a full disk
// Badger may take a SIGBUS writing a memory-mapped file, which would end
// the whole test in process.
const (
	childServerEnv = "FLOORDESK_SOAK_SERVER_DIR"  // the folder to serve
	childAddrEnv   = "FLOORDESK_SOAK_SERVER_ADDR" // host:port to listen on
	tmpfsSize      = "640m"                       // the server keeps 384 MB free (badgerstore.DiskReserve)
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(childServerEnv); dir != "" {
		os.Exit(runChildServer(dir, os.Getenv(childAddrEnv)))
	}
	os.Exit(m.Run())
}

// runChildServer serves dir on addr as floordesk-server does, prints its
// URL on a line and serves until its standard input closes.
func runChildServer(dir, addr string) int {
	st, err := badgerstore.Open(dir, quiet)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: 2 * time.Second, Version: "soak"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		io.Copy(io.Discard, os.Stdin)
		cancel()
	}()
	err = server.Serve(ctx, srv, server.ListenConfig{Addr: addr}, 5*time.Second, func(a net.Addr) {
		fmt.Printf("http://%s\n", a)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// childServer is the server running in a child process.
type childServer struct {
	url    string
	cmd    *exec.Cmd
	in     io.WriteCloser
	stderr *headBuffer
	exited chan struct{} // closed when the process has ended
	err    error         // how it ended, once exited is closed
}

func startChild(dir, addr string) (*childServer, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childServerEnv+"="+dir, childAddrEnv+"="+addr)
	c := &childServer{cmd: cmd, stderr: &headBuffer{max: 4 << 10}, exited: make(chan struct{})}
	cmd.Stderr = c.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c.in = in
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		lines <- strings.TrimSpace(line)
		io.Copy(io.Discard, out)
	}()
	go func() {
		c.err = cmd.Wait()
		close(c.exited)
	}()
	select {
	case c.url = <-lines:
		if c.url != "" {
			return c, nil
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
	}
	<-c.exited
	return nil, fmt.Errorf("server did not start: %v: %s", c.err, c.stderr)
}

// stop shuts the server down as SIGTERM would (its input closes), killing
// it after 20 s. It reports whether it had ended by itself before.
func (c *childServer) stop() (died bool) {
	select {
	case <-c.exited:
		return true
	default:
	}
	c.in.Close()
	select {
	case <-c.exited:
	case <-time.After(20 * time.Second):
		c.cmd.Process.Kill()
		<-c.exited
	}
	return false
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	mu  sync.Mutex
	max int
	b   bytes.Buffer
}

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := h.max - h.b.Len(); room > 0 {
		h.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (h *headBuffer) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.b.String()
}

// TestSoakDiskFull: the server's disk fills while desks push, and is freed.
// The server must keep running (refusing what it cannot store), and once
// the disk has room again every desk's events must arrive, none lost or
// doubled. Off unless -soak.diskfull; it needs root to mount a tmpfs.
func TestSoakDiskFull(t *testing.T) {
	if !*soakDiskFull {
		t.Skip("the disk-full soak runs with -soak.diskfull (as root): see soak/doc.go")
	}
	mnt := mountTmpfs(t)
	dir := filepath.Join(mnt, "server")
	codes := enrolmentCodes(t, dir, 4)
	child, err := startChild(dir, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { child.stop() }()
	var desks []*desk
	for i, code := range codes {
		desks = append(desks, newDesk(t, child.url, code, fmt.Sprintf("desk-%02d", i), deskOptions{}))
	}
	workAll(t, t.Context(), desks, 20, 10*time.Millisecond, 0)
	waitSynced(t, desks)

	filler := fill(t, mnt)
	full, stop := context.WithTimeout(t.Context(), *soakFullFor)
	workAll(t, full, desks, maxEventsPerDesk, 20*time.Millisecond, 1)
	stop()
	acked := ackedNow(t, desks)
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	child, crashed := startIfDead(t, child, dir)
	for _, d := range desks {
		d.client.SyncNow()
	}
	workAll(t, t.Context(), desks, 10, 10*time.Millisecond, 2)
	waitSynced(t, desks)
	if died := child.stop(); died {
		t.Errorf("the server died after the disk was freed: %v: %.300s", child.err, child.stderr)
	}
	held := checkAcked(t, dir, acked)
	checkDesks(t, desks, held)
	if crashed != "" {
		t.Errorf("the server crashed when its disk filled: %s", crashed)
	}
	told := 0
	for _, d := range desks {
		if n, _ := d.problemCount(data.ProblemServerDiskFull); n > 0 {
			told++
		}
	}
	if told == 0 {
		t.Errorf("no desk's sync status said the server's disk was full")
	}
	t.Logf("disk full for %s: %d desks, %d events held; server crashed: %v", *soakFullFor, len(desks), len(held), crashed != "")
}

// workAll has every desk make up to n events, one every half to one and a
// half every, until ctx is done.
func workAll(t *testing.T, ctx context.Context, desks []*desk, n int, every time.Duration, seed uint64) {
	t.Helper()
	var wg sync.WaitGroup
	for i, d := range desks {
		wg.Go(func() {
			if err := d.work(ctx, rand.New(rand.NewPCG(uint64(i), seed)), n, every); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

// startIfDead starts the server again on dir, at the same address, when
// it has died, and says how it died; "" when it runs.
func startIfDead(t *testing.T, child *childServer, dir string) (*childServer, string) {
	t.Helper()
	select {
	case <-child.exited:
	default:
		return child, ""
	}
	crashed := fmt.Sprintf("%v: %.300s", child.err, child.stderr)
	again, err := startChild(dir, strings.TrimPrefix(child.url, "http://"))
	if err != nil {
		t.Fatalf("the server crashed on the full disk (%s) and does not start again on the freed one: %v", crashed, err)
	}
	return again, crashed
}

// checkAcked reads the events of the server folder dir, each held once,
// and fails the test for each acknowledged event it lacks.
func checkAcked(t *testing.T, dir string, acked map[string]string) map[string][]byte {
	t.Helper()
	recs, err := storedEvents(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	held := heldOnce(t, recs)
	for id, name := range acked {
		if _, ok := held[id]; !ok {
			t.Errorf("event %s, acknowledged to %s while the disk was full, is lost", id, name)
		}
	}
	return held
}

// mountTmpfs mounts a small tmpfs for the server's folder, or skips the
// test when it cannot (not root, no mount).
func mountTmpfs(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("the disk-full soak mounts a tmpfs: run it as root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+tmpfsSize+",mode=0700", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, out)
		}
	})
	return mnt
}

// enrolmentCodes makes n enrolment codes in the server folder dir.
func enrolmentCodes(t *testing.T, dir string, n int) []string {
	t.Helper()
	st, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var codes []string
	for range n {
		code, err := server.CreateEnrolment(t.Context(), st, property, time.Now(), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, code)
	}
	return codes
}

// fill writes a file into mnt until the disk is full and returns its path.
func fill(t *testing.T, mnt string) string {
	t.Helper()
	path := filepath.Join(mnt, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 256<<10)
	for range 1 << 16 { // bounded: 16 GiB at most
		if _, err = f.Write(chunk); err != nil {
			break
		}
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("filling the disk: %v", err)
	}
	return path
}
