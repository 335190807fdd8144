package data

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
)

const crashDirEnv = "FLOORDESK_CRASH_CHILD_DIR"

// TestMain runs the crash or full-disk child when asked to; otherwise the
// tests.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashDirEnv); dir != "" {
		crashChild(dir)
	}
	if dir := os.Getenv(diskFullChildEnv); dir != "" {
		diskFullChild(dir)
	}
	if dir := os.Getenv(bulkCrashDirEnv); dir != "" {
		bulkCrashChild(dir)
	}
	os.Exit(m.Run())
}

// crashChild is the child half of TestCrashSafety: it appends events (and
// now and then a late remote event, to force a refold) and prints each ID
// the moment the store says it is saved, until it is killed.
func crashChild(dir string) {
	s, err := Open(Options{Dir: dir, Desk: "desk-crash", Fold: TraceFold, GCInterval: -1})
	if err != nil {
		fmt.Println("OPEN-FAILED", err)
		os.Exit(3)
	}
	fmt.Println("READY")
	for i := 0; ; i++ {
		id, err := crashStep(s, i)
		if err != nil {
			fmt.Println("APPEND-FAILED", err)
			os.Exit(4)
		}
		fmt.Println("SAVED", id)
	}
}

func crashStep(s *Store, i int) (string, error) {
	ref := wire.EntityRef{Kind: "key", ID: fmt.Sprintf("K%d", i%7)}
	if i%5 != 4 {
		ev, err := s.Append(wire.Event{Actor: "staff-1", Entity: ref, Type: "key.signed_out"})
		return ev.ID, err
	}
	late := wire.Event{ID: NewEventID(), HLC: wire.MakeTimestamp(1_000_000, uint16(i)), Desk: "desk-other",
		Entity: ref, Type: "key.late", Version: 1}
	_, err := s.ApplyRemote([]wire.Event{late}, uint64(i))
	return late.ID, err
}

// TestCrashSafety kills a real writer process with SIGKILL at random
// moments and checks that everything it was told was saved is there, and
// that every view is the fold of its stream.
func TestCrashSafety(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 11))
	var saved []string
	const cycles = 30
	for c := 0; c < cycles; c++ {
		ids, err := runAndKill(dir, time.Duration(5+rng.IntN(150))*time.Millisecond)
		if err != nil {
			t.Fatalf("cycle %d: %v", c, err)
		}
		saved = append(saved, ids...)
		verifyAfterCrash(t, dir, saved)
	}
	if len(saved) < cycles {
		t.Fatalf("only %d events saved over %d cycles: the child barely ran", len(saved), cycles)
	}
	t.Logf("%d cycles, %d events acknowledged, all present", cycles, len(saved))
}

// runAndKill starts the child, lets it write for about d after it is ready,
// kills it, and returns every ID it reported saved.
func runAndKill(dir string, d time.Duration) ([]string, error) {
	return runChildAndKill(crashDirEnv, dir, d)
}

// runChildAndKill is runAndKill for the child that env names.
func runChildAndKill(env, dir string, d time.Duration) ([]string, error) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), env+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	ids, err := collectUntilKilled(cmd, lines, d)
	cmd.Wait()
	return ids, err
}

func collectUntilKilled(cmd *exec.Cmd, lines <-chan string, d time.Duration) ([]string, error) {
	var ids []string
	var kill <-chan time.Time
	deadline := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				return ids, nil
			}
			switch {
			case line == "READY":
				kill = time.After(d)
			case strings.HasPrefix(line, "SAVED "):
				ids = append(ids, strings.TrimPrefix(line, "SAVED "))
			case strings.Contains(line, "FAILED"):
				cmd.Process.Kill()
				return nil, errors.New(line)
			}
		case <-kill:
			cmd.Process.Kill()
			kill = nil
		case <-deadline:
			cmd.Process.Kill()
			return nil, errors.New("child did not get ready within 60 s")
		}
	}
}

func verifyAfterCrash(t *testing.T, dir string, saved []string) {
	t.Helper()
	s, err := Open(Options{Dir: dir, Desk: "desk-crash", Fold: TraceFold, GCInterval: -1})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	for _, id := range saved {
		if _, err := s.Get(id); err != nil {
			t.Fatalf("event %s was reported saved but is gone: %v", id, err)
		}
	}
	checkViewsMatchStreams(t, s)
}
