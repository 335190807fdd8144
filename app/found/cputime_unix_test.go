//go:build unix

package found_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, all its threads (the
// collector's and Badger's too): beside the wall-clock percentiles, what a
// query costs however busy the machine is.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
