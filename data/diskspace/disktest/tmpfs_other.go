//go:build !linux

package disktest

import "testing"

// Tmpfs skips the test: mounting a tmpfs needs Linux.
func Tmpfs(t testing.TB, size uint64) string {
	t.Helper()
	t.Skip("skipped: a small tmpfs to fill needs Linux and root")
	return ""
}
