package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// deskFigures are what the real desk measured on one store.
type deskFigures struct {
	startMS float64 // start to the dashboard drawn, median of the runs
	heapMB  float64 // live Go heap then
	rssMB   float64 // resident memory two seconds later
	// storeMB is the part of rssMB that is the store's own files mapped
	// in (Badger maps its tables): page cache the system shares and takes
	// back when memory is short, and as much as the disk reads ahead.
	storeMB float64
	idleCPU float64 // percent of one core while idle; -1: not watched
}

// clockTicks is Linux's USER_HZ, the unit of /proc/PID/stat's times.
const clockTicks = 100

// measureDesks starts the desk on each store under a private Xvfb, signed
// in as the demo supervisor, and watches the empty store's and the
// largest's desk idle.
func measureDesks(bin string, stores []store, cfg config) (map[int]deskFigures, error) {
	display, stop, err := startXvfb()
	if err != nil {
		return nil, err
	}
	defer stop()
	out := map[int]deskFigures{}
	for i, st := range stores {
		watch := i == 0 || i == len(stores)-1
		f, err := measureDesk(bin, display, st, cfg, watch)
		if err != nil {
			return nil, err
		}
		out[st.size] = f
	}
	return out, nil
}

func measureDesk(bin, display string, st store, cfg config, watchIdle bool) (deskFigures, error) {
	var starts []float64
	f := deskFigures{idleCPU: -1}
	for run := range cfg.runs {
		last := run == cfg.runs-1
		fig, err := startDesk(bin, display, st, last && watchIdle, cfg.idle)
		if err != nil {
			return f, fmt.Errorf("the desk on the %s store: %w", st.label(), err)
		}
		starts = append(starts, fig.startMS)
		if last {
			fig.startMS = 0
			f = fig
		}
	}
	slices.Sort(starts)
	f.startMS = starts[len(starts)/2]
	fmt.Fprintf(os.Stderr, "desk on %s: start %.0f ms, heap %.1f MB, RSS %.0f MB (store's files mapped %.0f MB), idle %.2f%%\n",
		st.label(), f.startMS, f.heapMB, f.rssMB, f.storeMB, f.idleCPU)
	return f, nil
}

// startDesk starts the desk once, waits for its report, reads its memory
// and, when asked, watches it idle; then stops it.
func startDesk(bin, display string, st store, watchIdle bool, idle time.Duration) (deskFigures, error) {
	work, err := os.MkdirTemp("", "floordesk-bench-")
	if err != nil {
		return deskFigures{}, err
	}
	defer os.RemoveAll(work)
	report := filepath.Join(work, "ready.json")
	cmd := exec.Command(bin, "--data", st.dir, "--signed-in", "S01", "--lang", "zh", "--backups", filepath.Join(work, "backups"))
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "LIBGL_ALWAYS_SOFTWARE=1", "FLOORDESK_BENCH_READY="+report)
	logf, _ := os.Create(filepath.Join(work, "desk.log"))
	defer logf.Close()
	cmd.Stdout, cmd.Stderr = logf, logf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return deskFigures{}, err
	}
	defer stopDesk(cmd)
	rep, err := waitReport(cmd, report, 3*time.Minute)
	if err != nil {
		return deskFigures{}, err
	}
	f := deskFigures{startMS: float64(time.Since(start).Microseconds()) / 1000, heapMB: float64(rep.HeapBytes) / (1 << 20), idleCPU: -1}
	time.Sleep(2 * time.Second)
	f.rssMB = rssMB(cmd.Process.Pid)
	f.storeMB = mappedMB(cmd.Process.Pid, st.dir)
	if watchIdle {
		time.Sleep(5 * time.Second) // let the first refreshes settle
		f.idleCPU = cpuPercent(cmd.Process.Pid, idle)
	}
	return f, nil
}

// readyReport is what the desk writes when its dashboard is drawn
// (main's benchReport).
type readyReport struct {
	ReadyMS   float64 `json:"ready_ms"`
	HeapBytes uint64  `json:"heap_bytes"`
}

func waitReport(cmd *exec.Cmd, path string, limit time.Duration) (readyReport, error) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil {
			var r readyReport
			return r, json.Unmarshal(b, &r)
		}
		if cmd.ProcessState != nil || syscall.Kill(cmd.Process.Pid, 0) != nil {
			return readyReport{}, fmt.Errorf("the desk exited before its dashboard showed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	return readyReport{}, fmt.Errorf("no dashboard within %v", limit)
}

func stopDesk(cmd *exec.Cmd) {
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}

// rssMB is the process's resident memory, from /proc.
func rssMB(pid int) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.Fields(rest)[0], 64)
			return kb / 1024
		}
	}
	return -1
}

// mappedMB is how much of the process's resident memory is files of dir
// mapped in, from /proc/PID/smaps.
func mappedMB(pid int, dir string) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps", pid))
	if err != nil {
		return -1
	}
	defer f.Close()
	abs, _ := filepath.Abs(dir)
	var kb float64
	inDir := false
	for sc := bufio.NewScanner(f); sc.Scan(); {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			inDir = len(fields) >= 6 && strings.HasPrefix(fields[5], abs+string(filepath.Separator))
		case inDir && len(fields) >= 2 && fields[0] == "Rss:":
			v, _ := strconv.ParseFloat(fields[1], 64)
			kb += v
		}
	}
	return kb / 1024
}

// cpuPercent is the share of one core the process used over d.
func cpuPercent(pid int, d time.Duration) float64 {
	before := cpuTicks(pid)
	time.Sleep(d)
	after := cpuTicks(pid)
	if before < 0 || after < 0 {
		return -1
	}
	return float64(after-before) / clockTicks / d.Seconds() * 100
}

// cpuTicks is the process's user and system time, in clock ticks.
func cpuTicks(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// The command name may hold spaces: the fields start after its ")".
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return -1
	}
	u, _ := strconv.ParseInt(f[11], 10, 64) // utime, field 14
	k, _ := strconv.ParseInt(f[12], 10, 64) // stime, field 15
	return u + k
}

// startXvfb starts a private X server and returns its display.
func startXvfb() (string, func(), error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("start Xvfb (scripts/setup-deps.sh test installs it): %w", err)
	}
	w.Close()
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		stop()
		return "", nil, fmt.Errorf("Xvfb gave no display: %w", err)
	}
	return ":" + strings.TrimSpace(line), stop, nil
}
