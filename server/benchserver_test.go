package server_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
)

// The many-desks benchmark runs the server and the simulated desks each in
// a process of its own, so the server's memory and CPU are its own and the
// pusher does not queue behind 500 desks' goroutines. Both are this test
// binary started again with one of these variables set (see TestMain).
const (
	benchServerEnv   = "FLOORDESK_BENCH_SERVER_DIR" // a folder to serve
	benchServerPGEnv = "FLOORDESK_BENCH_SERVER_PG"  // a PostgreSQL database to serve
	benchDesksEnv    = "FLOORDESK_BENCH_DESKS"      // "URL|PROPERTIES"

	// benchServerProfileEnv, set by whoever runs the benchmark, names a
	// file for the server process's CPU profile.
	benchServerProfileEnv = "FLOORDESK_BENCH_SERVER_CPUPROFILE"
)

// runHelper runs the process the environment asks for and reports whether
// it was asked to run one.
func runHelper() (code int, ok bool) {
	if dir := os.Getenv(benchServerEnv); dir != "" {
		return runBenchServer(func() (server.Store, error) { return badgerstore.Open(dir, quiet) }), true
	}
	if url := os.Getenv(benchServerPGEnv); url != "" {
		return runBenchServer(func() (server.Store, error) { return pgstore.Open(context.Background(), url) }), true
	}
	if spec := os.Getenv(benchDesksEnv); spec != "" {
		return runBenchDesks(spec), true
	}
	return 0, false
}

// runBenchServer serves the store open opens on 127.0.0.1, prints its URL
// on a line and serves until its standard input closes.
func runBenchServer(open func() (server.Store, error)) int {
	st, err := open()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	if path := os.Getenv(benchServerProfileEnv); path != "" {
		stop, err := startCPUProfile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer stop()
	}
	srv, _ := server.New(server.Config{Store: st, Logger: quiet, AdminToken: testAdminToken})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		io.Copy(io.Discard, os.Stdin)
		cancel()
	}()
	err = server.Serve(ctx, srv, server.ListenConfig{Addr: "127.0.0.1:0"}, 5*time.Second, func(a net.Addr) {
		fmt.Printf("http://%s\n", a)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// startCPUProfile profiles this process's CPU into path until stop.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// helperProc is the test binary running as a helper: it talks in lines on
// its standard input and output.
type helperProc struct {
	first string // the first line it printed
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
	once  sync.Once
}

// startHelper starts this test binary with env=value and waits (up to a
// minute) for its first line. It stops at the end of the benchmark, or
// before with stop.
func startHelper(b *testing.B, env, value string) *helperProc {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"="+value)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	h := &helperProc{cmd: cmd, in: in, out: bufio.NewReader(stdout)}
	b.Cleanup(func() { h.stop() })
	h.first, err = h.readLine(time.Minute)
	if err != nil {
		b.Fatalf("%s helper did not start: %v", env, err)
	}
	return h
}

// readLine reads the helper's next line, killing it when none comes in
// time.
func (h *helperProc) readLine(timeout time.Duration) (string, error) {
	timer := time.AfterFunc(timeout, func() { h.cmd.Process.Kill() })
	defer timer.Stop()
	line, err := h.out.ReadString('\n')
	return strings.TrimSpace(line), err
}

// stop closes the helper's input, waits for it to end and returns the CPU
// time it used.
func (h *helperProc) stop() time.Duration {
	h.once.Do(func() {
		h.in.Close()
		h.cmd.Wait()
	})
	if h.cmd.ProcessState == nil {
		return 0
	}
	return h.cmd.ProcessState.UserTime() + h.cmd.ProcessState.SystemTime()
}
