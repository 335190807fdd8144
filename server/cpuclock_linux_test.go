//go:build linux

package server_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// cpuClock reads the processor time spent so far by this process (the
// desk's side and the server's) and by a PostgreSQL server's processes.
// On a shared machine it tells more than the wall clock: other work
// stretches the elapsed time, not the time the benchmark itself used.
type cpuClock struct {
	postmaster int // 0: no PostgreSQL
}

// newCPUClock finds the PostgreSQL server at url by its data folder's
// postmaster.pid; without url, or when it cannot, it reads this process
// alone.
func newCPUClock(ctx context.Context, url string) cpuClock {
	if url == "" {
		return cpuClock{}
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return cpuClock{}
	}
	defer conn.Close(ctx)
	var dir string
	if conn.QueryRow(ctx, "SHOW data_directory").Scan(&dir) != nil {
		return cpuClock{}
	}
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return cpuClock{}
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(bytes.SplitN(b, []byte("\n"), 2)[0])))
	return cpuClock{postmaster: pid}
}

// read returns this process's processor time and PostgreSQL's (the
// postmaster and its children's, those running now).
func (c cpuClock) read() (self, pg time.Duration) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if c.postmaster == 0 {
		return self, 0
	}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		ppid, ticks, ok := procTimes(pid)
		if ok && (pid == c.postmaster || ppid == c.postmaster) {
			pg += time.Duration(ticks) * time.Second / 100 // USER_HZ
		}
	}
	return self, pg
}

// procTimes reads a process's parent and its user and system time in
// clock ticks from /proc/PID/stat.
func procTimes(pid int) (ppid int, ticks int64, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	i := bytes.LastIndexByte(b, ')') // the command may hold spaces
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, 0, false
	}
	ppid, _ = strconv.Atoi(f[1])
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return ppid, ut + st, true
}
